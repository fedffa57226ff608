using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.Messaging;

namespace Platform.WorkOrders.Integration;

/// <summary>
/// Feeds the outbox publisher. <see cref="WorkOrderIntegrationEventMapper"/> needs the order as it stood right after
/// the event, so the stream is read again and folded up to the event's revision. That costs one stream read per
/// published event, O(n²) over an order's life, which stays small: an order has tens of events. Events nobody
/// outside needs are answered without reading.
/// </summary>
public sealed class WorkOrdersOutboxMapper(IEventStore store, EventTypeMap types, Decider<WorkOrderState, IWorkOrderCommand> decider) : IIntegrationEventMapper
{
    public async ValueTask<IReadOnlyList<object>> MapAsync(object domainEvent, RecordedEvent recorded, CancellationToken ct)
    {
        // The mapper picks by event type alone, so an empty state tells whether the event is published at all.
        if (WorkOrderIntegrationEventMapper.Map(domainEvent, WorkOrderState.Initial) is null) return [];

        var state = decider.Initial;
        await foreach (var stored in store.ReadStreamAsync(recorded.StreamId, 0, ct))
        {
            state = decider.Evolve(state, types.Deserialize(stored.EventType, stored.Data));
            if (stored.StreamRevision >= recorded.StreamRevision) break;
        }
        return WorkOrderIntegrationEventMapper.Map(domainEvent, state, recorded.StreamRevision) is { } message ? [message] : [];
    }
}
