using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.Messaging;

namespace Platform.WorkOrders.Integration;

/// <summary>
/// Feeds the outbox publisher. <see cref="WorkOrderIntegrationEventMapper"/> needs the order as it stood right after
/// the event (<see cref="StateAtEvent"/>): O(n²) reads over an order's life, which stays small, as an order has tens of
/// events. Events nobody outside needs are answered without reading.
/// </summary>
public sealed class WorkOrdersOutboxMapper(IEventStore store, EventTypeMap types, Decider<WorkOrderState, IWorkOrderCommand> decider) : IIntegrationEventMapper
{
    public async ValueTask<IReadOnlyList<object>> MapAsync(object domainEvent, RecordedEvent recorded, CancellationToken ct)
    {
        // The mapper picks by event type alone, so an empty state tells whether the event is published at all.
        if (WorkOrderIntegrationEventMapper.Map(domainEvent, WorkOrderState.Initial) is null) return [];

        var state = await StateAtEvent.FoldAsync(store, types, decider, recorded, ct);
        return WorkOrderIntegrationEventMapper.MapAll(domainEvent, state, recorded.StreamRevision);
    }
}
