using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using Platform.BuildingBlocks.Security;

namespace Platform.TestSupport;

/// <summary>
/// A key pair made for one test run, standing in for an identity provider's: hosts outside Development trust its
/// public half (<see cref="PublicKeyPem"/>), and the test mints tokens with the private half.
/// </summary>
public sealed class TestSigningKey
{
    public static TestSigningKey Shared { get; } = new();

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public string KeyId { get; } = "test-" + Guid.NewGuid().ToString("N")[..8];

    public string PublicKeyPem => _key.ExportSubjectPublicKeyInfoPem();

    public SigningCredentials SigningCredentials => new(new ECDsaSecurityKey(_key) { KeyId = KeyId }, SecurityAlgorithms.EcdsaSha256);

    public DevTokenIssuer Issuer(string audience = PlatformAuthSettings.DefaultAudience, TimeProvider? time = null,
        string issuer = PlatformAuthSettings.DefaultIssuer) =>
        new(SigningCredentials, issuer, audience, TimeSpan.FromHours(1), time ?? TimeProvider.System);
}
