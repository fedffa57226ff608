using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Platform.BuildingBlocks.Security;

/// <summary>Who a development token speaks for.</summary>
public sealed record DevTokenSubject(
    string Subject, string? Name, IReadOnlyList<string> Roles, IReadOnlyList<string> Estates);

/// <summary>
/// Mints tokens shaped as an identity provider issues them, signed with a private key. The platform registers it only
/// for the development key in Development; tests build one for keys of their own. Production tokens come from the
/// organisation's identity provider.
/// </summary>
public sealed class DevTokenIssuer(SigningCredentials signing, string issuer, string audience, TimeSpan lifetime, TimeProvider time)
{
    private static readonly JsonWebTokenHandler Handler = new();

    /// <summary>The development issuer: the development key, and the issuer and audience the settings expect.</summary>
    public static DevTokenIssuer ForDevelopment(PlatformAuthSettings settings, TimeProvider time)
    {
        if (!settings.UsesDevelopmentKey)
            throw new InvalidOperationException("The development token issuer exists only where tokens are verified with the development key.");
        return new DevTokenIssuer(DevelopmentSigningKey.SigningCredentials, settings.Issuer ?? PlatformAuthSettings.DefaultIssuer,
            settings.Audience, settings.DevTokenLifetime, time);
    }

    public TimeSpan DefaultLifetime => lifetime;

    public string Issue(DevTokenSubject subject, TimeSpan? validFor = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject.Subject);
        var now = time.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (validFor ?? lifetime),
            SigningCredentials = signing,
            // Arrays even for one entry, so every consumer reads roles and estates the same way.
            Claims = new Dictionary<string, object>
            {
                [PlatformClaims.Subject] = subject.Subject,
                [PlatformClaims.Name] = subject.Name ?? subject.Subject,
                [PlatformClaims.Roles] = subject.Roles.ToArray(),
                [PlatformClaims.Estates] = subject.Estates.ToArray(),
                ["jti"] = Guid.NewGuid().ToString("N"),
            },
        };
        return Handler.CreateToken(descriptor);
    }

    public string Issue(string subject, IReadOnlyList<string> roles, IReadOnlyList<string>? estates = null, string? name = null) =>
        Issue(new DevTokenSubject(subject, name, roles, estates ?? []));
}
