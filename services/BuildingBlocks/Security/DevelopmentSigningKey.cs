using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Platform.BuildingBlocks.Security;

/// <summary>
/// The development token issuer's own ES256 key pair. It is public on purpose, so a laptop run needs no setup, and for
/// that reason every host outside Development refuses to start when asked to trust it.
/// </summary>
public static class DevelopmentSigningKey
{
    public const string KeyId = "property-platform-development";

    private const string PrivateKeyPem = """
        -----BEGIN PRIVATE KEY-----
        MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgPpaBF2sPDwxQLH7R
        M7TdkkC8DVhVSW8HvtLa7x6vy26hRANCAAS28r5x/nC4l4CcyfnvknhBgz0CJ0pF
        onXlAOH5IKgzHPo+inejl7toZp/zO5A2e46P62G19WKajE3PnMHKn0wb
        -----END PRIVATE KEY-----
        """;

    public const string PublicKeyPem = """
        -----BEGIN PUBLIC KEY-----
        MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEtvK+cf5wuJeAnMn575J4QYM9AidK
        RaJ15QDh+SCoMxz6Pop3o5e7aGaf8zuQNnuOj+thtfVimoxNz5zByp9MGw==
        -----END PUBLIC KEY-----
        """;

    private static readonly Lazy<ECDsa> Key = new(() =>
    {
        var key = ECDsa.Create();
        key.ImportFromPem(PrivateKeyPem);
        return key;
    });

    public static SigningCredentials SigningCredentials =>
        new(new ECDsaSecurityKey(Key.Value) { KeyId = KeyId }, SecurityAlgorithms.EcdsaSha256);

    /// <summary>The public half, as a subject-public-key-info blob, to recognise the key however it was configured.</summary>
    public static byte[] PublicKeyInfo => Key.Value.ExportSubjectPublicKeyInfo();
}
