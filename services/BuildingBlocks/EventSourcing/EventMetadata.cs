using System.Diagnostics;
using System.Text.Json;

namespace Platform.BuildingBlocks.EventSourcing;

/// <summary>Who acted, with the roles their token grants. Every event records it (brief 2.4: every action is attributable).</summary>
public sealed record Actor(string Id, IReadOnlyList<string> Roles)
{
    public Actor(string id, params string[] roles) : this(id, (IReadOnlyList<string>)roles) { }

    public static Actor System { get; } = new("system", EventSourcing.Roles.System);

    public bool HasRole(string role) => Roles.Contains(role, StringComparer.Ordinal);

    public bool HasAnyRole(params IReadOnlyList<string> roles) => roles.Any(HasRole);
}

/// <summary>What every stored event carries besides its data.</summary>
public sealed record EventMetadata(
    Guid EventId,
    string CorrelationId,
    string? CausationId,
    string ActorId,
    IReadOnlyList<string> ActorRoles,
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
            eventId, CorrelationId, CausationId, Actor.Id, Actor.Roles, IdempotencyKey, RequestHash,
            activity?.Id, activity?.TraceStateString, now);
    }
}
