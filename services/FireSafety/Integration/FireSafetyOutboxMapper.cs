using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.Messaging;
using Platform.Contracts.FireSafety;
using Platform.FireSafety.Equipment;
using Platform.FireSafety.Features;
using Platform.FireSafety.Hazards;

namespace Platform.FireSafety.Integration;

/// <summary>
/// Domain events to integration events, with what the register knows of the hazard or the item as it stood at the event
/// (<see cref="StateAtEvent"/>): a rectification that needs work, and a repair, ask Work orders for an order (F7, F8);
/// lost or damaged equipment asks Inventory for its replacement (F8). Other events are answered without reading.
/// </summary>
public sealed class FireSafetyOutboxMapper(
    IEventStore store, EventTypeMap types, Decider<EquipmentState, IEquipmentCommand> equipment, Decider<HazardState, IHazardCommand> hazards)
    : IIntegrationEventMapper
{
    public const string HazardRectification = "hazard-rectification";
    public const string EquipmentRepair = "equipment-repair";

    public async ValueTask<IReadOnlyList<object>> MapAsync(object domainEvent, RecordedEvent recorded, CancellationToken ct)
    {
        switch (domainEvent)
        {
            case RectificationOrdered { NeedsWork: true } e:
            {
                var hazard = await StateAtEvent.FoldAsync(store, types, hazards, recorded, ct);
                return [new FireSafetyWorkRequestedV1(RecordRectificationWork.RequestIdFor(hazard.Id, e.Round), HazardRectification, hazard.Id, null,
                    hazard.EstateId, hazard.Location, hazard.Description, e.Deadline, e.OrderedAt)];
            }
            case EquipmentRepairRequested e:
            {
                var item = await StateAtEvent.FoldAsync(store, types, equipment, recorded, ct);
                return [new FireSafetyWorkRequestedV1(e.RequestId, EquipmentRepair, null, item.Id, item.EstateId, item.Location,
                    $"{WireName.Of(item.Type)} {item.Code}: {e.Fault}", null, e.RequestedAt)];
            }
            case EquipmentLostOrDamaged e:
            {
                var item = await StateAtEvent.FoldAsync(store, types, equipment, recorded, ct);
                return [new FireEquipmentReplacementRequestedV1(e.ReportId, item.Id, item.EstateId, item.SiteStoreCode, item.ItemCode, e.Quantity, e.Loss,
                    item.Location, e.ReportedAt)];
            }
            default:
                return [];
        }
    }
}
