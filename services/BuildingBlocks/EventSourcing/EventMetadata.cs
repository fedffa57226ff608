using System.Diagnostics;
using System.Text.Json;

namespace Platform.BuildingBlocks.EventSourcing;

/// <summary>Who acted, in which role. Every event records it.</summary>
public sealed record Actor(string Id, string Role)
{
    public static Actor System { get; } = new("system", Roles.System);
}

/// <summary>What every stored event carries besides its data.</summary>
public sealed record EventMetadata(
    Guid EventId,
    string CorrelationId,
    string? CausationId,
    string ActorId,
    string ActorRole,
    string? IdempotencyKey,
    string? RequestHash,
    string? TraceParent,
    string? TraceState,
    DateTimeOffset OccurredAt)
{
    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, PlatformJson.Options);

    public static EventMetadata? FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return null;
        try { return JsonSerializer.Deserialize<EventMetadata>(bytes, PlatformJson.Options); }
        catch (JsonException) { return null; }
    }
}

/// <summary>The context a command arrives with: the caller, the ids that tie it to a conversation, and its idempotency key.</summary>
public sealed record CommandEnvelope(
    Actor Actor,
    string CorrelationId,
    string? CausationId = null,
    string? IdempotencyKey = null,
    string? RequestHash = null,
    long? IfMatchRevision = null)
{
    public EventMetadata MetadataFor(Guid eventId, DateTimeOffset now)
    {
        var activity = Activity.Current;
        return new EventMetadata(
            eventId, CorrelationId, CausationId, Actor.Id, Actor.Role, IdempotencyKey, RequestHash,
            activity?.Id, activity?.TraceStateString, now);
    }
}
