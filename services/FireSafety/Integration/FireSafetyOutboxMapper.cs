using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.Messaging;
using Platform.Contracts.FireSafety;
using Platform.FireSafety.Equipment;

namespace Platform.FireSafety.Integration;

/// <summary>
/// Domain events to integration events: lost or damaged equipment asks Inventory for its replacement (F8), with the
/// site store and item the register names (<see cref="StateAtEvent"/>).
/// </summary>
public sealed class FireSafetyOutboxMapper(IEventStore store, EventTypeMap types, Decider<EquipmentState, IEquipmentCommand> equipment) : IIntegrationEventMapper
{
    public async ValueTask<IReadOnlyList<object>> MapAsync(object domainEvent, RecordedEvent recorded, CancellationToken ct)
    {
        if (domainEvent is not EquipmentLostOrDamaged e) return [];
        var state = await StateAtEvent.FoldAsync(store, types, equipment, recorded, ct);
        return [new FireEquipmentReplacementRequestedV1(e.ReportId, state.Id, state.EstateId, state.SiteStoreCode, state.ItemCode, e.Quantity, e.Loss, state.Location, e.ReportedAt)];
    }
}
