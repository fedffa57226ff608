using System.Text.Json;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.EventStore;

namespace Platform.BuildingBlocks.Messaging;

/// <summary>A stored event the outbox could not turn into integration events, and why.</summary>
public sealed record ParkedEvent(string StreamId, long Revision, Guid EventId, string EventType, string Position, string Reason, DateTimeOffset ParkedAt);

/// <summary>
/// The events the outbox set aside: an event of a type this version does not know, or one its mapper fails on. They are
/// kept in the service's store (stream <c>parked.{service}</c>, outside its prefix), so every replica sees them and no
/// restart forgets one, and they stay until an operator re-drives them successfully.
/// </summary>
public sealed class ParkedOutboxEvents(IEventStore store, PlatformMessagingOptions messaging)
{
    public const string ParkedType = "OutboxEventParked.v1";
    public const string RedrivenType = "OutboxEventRedriven.v1";

    public string StreamId => $"parked.{messaging.ServiceName}";

    public Task ParkAsync(RecordedEvent recorded, string reason, DateTimeOffset at, CancellationToken ct) =>
        AppendAsync(ParkedType, new ParkedEvent(recorded.StreamId, recorded.StreamRevision, recorded.EventId, recorded.EventType,
            recorded.Position.ToString(), reason, at), ct);

    public Task MarkRedrivenAsync(Guid eventId, CancellationToken ct) => AppendAsync(RedrivenType, new Redriven(eventId), ct);

    /// <summary>Every event parked and not re-driven since, oldest first, each once.</summary>
    public async Task<IReadOnlyList<ParkedEvent>> ListAsync(CancellationToken ct)
    {
        var parked = new Dictionary<Guid, ParkedEvent>();
        await foreach (var recorded in store.ReadStreamAsync(StreamId, 0, ct))
        {
            switch (recorded.EventType)
            {
                case ParkedType when JsonSerializer.Deserialize<ParkedEvent>(recorded.Data, PlatformJson.Options) is { } e:
                    parked.TryAdd(e.EventId, e);
                    break;
                case RedrivenType when JsonSerializer.Deserialize<Redriven>(recorded.Data, PlatformJson.Options) is { } r:
                    parked.Remove(r.EventId);
                    break;
            }
        }
        return parked.Values.ToList();
    }

    private Task AppendAsync(string type, object data, CancellationToken ct) =>
        store.AppendAsync(StreamId, ExpectedRevision.Any,
            [new EventData(Guid.NewGuid(), type, JsonSerializer.SerializeToUtf8Bytes(data, PlatformJson.Options), "{}"u8.ToArray())], ct);

    private sealed record Redriven(Guid EventId);
}
