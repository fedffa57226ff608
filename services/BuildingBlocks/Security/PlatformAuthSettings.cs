using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Platform.BuildingBlocks.Security;

/// <summary>
/// What a token is checked against (config section <c>Auth</c>): the signing keys of an OIDC authority, found through
/// its discovery document, or public keys configured as PEM. Tokens are always verified with a public key; no host
/// holds a secret that could mint them, except the development issuer, which exists only in Development.
/// </summary>
public sealed record PlatformAuthSettings
{
    public const string SectionName = "Auth";
    public const string DefaultIssuer = "property-platform";
    public const string DefaultAudience = "property-platform-api";

    public static TimeSpan DefaultDevTokenLifetime { get; } = TimeSpan.FromHours(8);

    /// <summary>The signatures a token may carry: what identity providers issue, never a shared-secret HMAC.</summary>
    public static IReadOnlyList<string> AcceptedAlgorithms { get; } =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    /// <summary>The OIDC authority whose discovery document names the issuer and the JWKS; null with configured keys.</summary>
    public string? Authority { get; init; }

    /// <summary>Whether the authority's metadata must come over HTTPS (only a test or a laptop turns this off).</summary>
    public bool RequireHttpsMetadata { get; init; } = true;

    /// <summary>The expected <c>iss</c>; null with an authority that does not override it (its metadata names it).</summary>
    public string? Issuer { get; init; }

    public string Audience { get; init; } = DefaultAudience;

    /// <summary>The public keys configured under <c>Auth:PublicKey</c>, or the development key.</summary>
    public IReadOnlyList<SecurityKey> SigningKeys { get; init; } = [];

    /// <summary>True when tokens are verified with <see cref="DevelopmentSigningKey"/>: Development only.</summary>
    public bool UsesDevelopmentKey { get; init; }

    public TimeSpan DevTokenLifetime { get; init; } = DefaultDevTokenLifetime;

    /// <summary>
    /// Reads <c>Auth:Authority</c> or <c>Auth:PublicKey</c> (PEM, one or more keys, for rotation) or
    /// <c>Auth:PublicKeyFile</c>, with <c>Auth:Issuer</c>, <c>Auth:Audience</c>, <c>Auth:RequireHttpsMetadata</c> and
    /// <c>Auth:DevTokenLifetime</c>. Without either source, Development trusts the development key; any other
    /// environment refuses to start, and refuses the development key however it is given.
    /// </summary>
    public static PlatformAuthSettings FromConfiguration(IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(SectionName);
        var lifetime = section.GetValue<TimeSpan?>("DevTokenLifetime") ?? DefaultDevTokenLifetime;
        if (lifetime <= TimeSpan.Zero)
            throw new InvalidOperationException("Auth:DevTokenLifetime must be positive.");
        var audience = NonEmpty(section["Audience"]) ?? DefaultAudience;
        var authority = NonEmpty(section["Authority"]);
        var pem = PublicKeyPem(section);

        if (authority is not null && pem is not null)
            throw new InvalidOperationException("Configure either Auth:Authority or Auth:PublicKey, not both: tokens have one source of keys.");

        if (authority is not null)
        {
            if (!Uri.TryCreate(authority, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
                throw new InvalidOperationException($"Auth:Authority must be an absolute http(s) URL; got '{authority}'.");
            return new PlatformAuthSettings
            {
                Authority = authority,
                RequireHttpsMetadata = section.GetValue("RequireHttpsMetadata", true),
                Issuer = NonEmpty(section["Issuer"]),
                Audience = audience,
                DevTokenLifetime = lifetime,
            };
        }

        if (pem is null)
        {
            if (!environment.IsDevelopment())
                throw new InvalidOperationException(
                    "No token signing keys are configured. Outside Development set Auth:Authority (an OIDC provider) or " +
                    $"Auth:PublicKey / Auth:PublicKeyFile (PEM public keys); environment is '{environment.EnvironmentName}'.");
            return Development with { Issuer = NonEmpty(section["Issuer"]) ?? DefaultIssuer, Audience = audience, DevTokenLifetime = lifetime };
        }

        var keys = ParsePublicKeys(pem);
        var isDevelopmentKey = keys.Any(IsDevelopmentKey);
        if (isDevelopmentKey && !environment.IsDevelopment())
            throw new InvalidOperationException(
                "Auth:PublicKey holds the development signing key, whose private half is public. It is refused outside " +
                $"Development; environment is '{environment.EnvironmentName}'.");
        return new PlatformAuthSettings
        {
            Issuer = NonEmpty(section["Issuer"]) ?? DefaultIssuer,
            Audience = audience,
            SigningKeys = keys,
            UsesDevelopmentKey = isDevelopmentKey,
            DevTokenLifetime = lifetime,
        };
    }

    /// <summary>The settings a Development run uses with no configuration; handy for tests that mint tokens.</summary>
    public static PlatformAuthSettings Development { get; } = new()
    {
        Issuer = DefaultIssuer,
        SigningKeys = ParsePublicKeys(DevelopmentSigningKey.PublicKeyPem),
        UsesDevelopmentKey = true,
    };

    /// <summary>Every PEM public key in <paramref name="pem"/> (SPKI RSA or EC, or PKCS#1 RSA), in order.</summary>
    public static IReadOnlyList<SecurityKey> ParsePublicKeys(string pem)
    {
        var keys = new List<SecurityKey>();
        var rest = pem.AsMemory();
        while (PemEncoding.TryFind(rest.Span, out var fields))
        {
            var label = rest.Span[fields.Label].ToString();
            var der = Convert.FromBase64String(rest.Span[fields.Base64Data].ToString());
            keys.Add(label switch
            {
                "PUBLIC KEY" => FromSubjectPublicKeyInfo(der),
                "RSA PUBLIC KEY" => Rsa(rsa => rsa.ImportRSAPublicKey(der, out _)),
                _ => throw new InvalidOperationException($"Auth:PublicKey holds a '{label}' block; only public keys are accepted (never a private key)."),
            });
            rest = rest[fields.Location.End..];
        }
        if (keys.Count == 0)
            throw new InvalidOperationException("Auth:PublicKey holds no PEM public key (-----BEGIN PUBLIC KEY-----).");
        return keys;
    }

    private static SecurityKey FromSubjectPublicKeyInfo(byte[] der)
    {
        try
        {
            return Rsa(rsa => rsa.ImportSubjectPublicKeyInfo(der, out _));
        }
        catch (CryptographicException)
        {
            var ec = ECDsa.Create();
            ec.ImportSubjectPublicKeyInfo(der, out _);
            return new ECDsaSecurityKey(ec);
        }
    }

    private static SecurityKey Rsa(Action<RSA> import)
    {
        var rsa = RSA.Create();
        import(rsa);
        if (rsa.KeySize < 2048)
            throw new InvalidOperationException($"Auth:PublicKey holds a {rsa.KeySize}-bit RSA key; at least 2048 bits are required.");
        return new RsaSecurityKey(rsa);
    }

    private static bool IsDevelopmentKey(SecurityKey key) =>
        key is ECDsaSecurityKey ec && ec.ECDsa.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(DevelopmentSigningKey.PublicKeyInfo);

    private static string? PublicKeyPem(IConfigurationSection section)
    {
        var inline = NonEmpty(section["PublicKey"]);
        var file = NonEmpty(section["PublicKeyFile"]);
        if (inline is not null && file is not null)
            throw new InvalidOperationException("Configure Auth:PublicKey or Auth:PublicKeyFile, not both.");
        if (file is null) return inline;
        if (!File.Exists(file))
            throw new InvalidOperationException($"Auth:PublicKeyFile '{file}' does not exist.");
        return File.ReadAllText(file);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
