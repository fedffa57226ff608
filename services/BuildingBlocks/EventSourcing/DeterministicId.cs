using System.Security.Cryptography;
using System.Text;

namespace Platform.BuildingBlocks.EventSourcing;

/// <summary>
/// Name-based ids (RFC 9562 version 5): the same inputs always give the same id, so a repeated
/// create (same idempotency key, same integration message) lands on the same stream.
/// </summary>
public static class DeterministicId
{
    private static readonly Guid PlatformNamespace = new("5b0c3a5e-8d1f-4c6e-9a57-3f2d1e0b7c44");

    public static Guid Create(params string[] parts) => Create(PlatformNamespace, string.Join('\u001f', parts));

    public static Guid Create(Guid @namespace, string name)
    {
        Span<byte> namespaceBytes = stackalloc byte[16];
        @namespace.TryWriteBytes(namespaceBytes, bigEndian: true, out _);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        namespaceBytes.CopyTo(input);
        nameBytes.CopyTo(input, 16);

        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 prescribes for version 5; it is not used for security here.
        SHA1.HashData(input, hash);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
