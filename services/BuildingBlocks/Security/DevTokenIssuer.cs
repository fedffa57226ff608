using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Platform.BuildingBlocks.Security;

/// <summary>Who a development token speaks for.</summary>
public sealed record DevTokenSubject(
    string Subject, string? Name, IReadOnlyList<string> Roles, IReadOnlyList<string> Estates);

/// <summary>
/// Mints tokens signed with the same key and issuer that validation expects. For Development and tests only:
/// production tokens come from the organisation's identity provider.
/// </summary>
public sealed class DevTokenIssuer(PlatformAuthSettings settings, TimeProvider time)
{
    private static readonly JsonWebTokenHandler Handler = new();

    public DevTokenIssuer(PlatformAuthSettings settings) : this(settings, TimeProvider.System) { }

    public TimeSpan DefaultLifetime => settings.DevTokenLifetime;

    public string Issue(DevTokenSubject subject, TimeSpan? lifetime = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject.Subject);
        var now = time.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? settings.DevTokenLifetime),
            SigningCredentials = new SigningCredentials(settings.SecurityKey, SecurityAlgorithms.HmacSha256),
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
