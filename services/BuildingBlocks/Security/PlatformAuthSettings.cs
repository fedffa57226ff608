using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Platform.BuildingBlocks.Security;

/// <summary>What a token is checked against (config section <c>Auth</c>). One shared HS256 key signs and verifies.</summary>
public sealed record PlatformAuthSettings(string Issuer, string Audience, string SigningKey, TimeSpan DevTokenLifetime)
{
    public const string SectionName = "Auth";
    public const string DefaultIssuer = "property-platform";
    public const string DefaultAudience = "property-platform-api";

    /// <summary>Used only when the environment is Development and no key is configured, so a laptop run needs no setup.</summary>
    public const string DevelopmentSigningKey = "development-only-signing-key-do-not-use-in-production-0123456789";

    /// <summary>HS256 needs at least 256 bits of key.</summary>
    public const int MinimumKeyBytes = 32;

    public static TimeSpan DefaultDevTokenLifetime { get; } = TimeSpan.FromHours(8);

    public SymmetricSecurityKey SecurityKey => new(Encoding.UTF8.GetBytes(SigningKey));

    /// <summary>Reads <c>Auth:Issuer</c>, <c>Auth:Audience</c>, <c>Auth:SigningKey</c>, <c>Auth:DevTokenLifetime</c>; fails loudly on a missing or weak key outside Development.</summary>
    public static PlatformAuthSettings FromConfiguration(IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(SectionName);
        var key = section["SigningKey"];
        if (string.IsNullOrWhiteSpace(key))
        {
            if (!environment.IsDevelopment())
                throw new InvalidOperationException(
                    $"Auth:SigningKey is not configured. Outside Development the JWT signing key must be provided " +
                    $"(environment variable Auth__SigningKey, at least {MinimumKeyBytes} bytes); environment is '{environment.EnvironmentName}'.");
            key = DevelopmentSigningKey;
        }
        if (Encoding.UTF8.GetByteCount(key) < MinimumKeyBytes)
            throw new InvalidOperationException($"Auth:SigningKey is too short: HS256 needs at least {MinimumKeyBytes} bytes.");

        var lifetime = section.GetValue<TimeSpan?>("DevTokenLifetime") ?? DefaultDevTokenLifetime;
        if (lifetime <= TimeSpan.Zero)
            throw new InvalidOperationException("Auth:DevTokenLifetime must be positive.");

        return new PlatformAuthSettings(
            NonEmpty(section["Issuer"]) ?? DefaultIssuer,
            NonEmpty(section["Audience"]) ?? DefaultAudience,
            key,
            lifetime);
    }

    /// <summary>The settings a Development run uses with no configuration; handy for tests that mint tokens.</summary>
    public static PlatformAuthSettings Development { get; } =
        new(DefaultIssuer, DefaultAudience, DevelopmentSigningKey, DefaultDevTokenLifetime);

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
