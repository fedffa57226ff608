using MassTransit;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Messaging;
using Platform.Contracts.WorkOrders;
using Platform.FireSafety.Equipment;
using Platform.FireSafety.Features;
using Platform.FireSafety.Hazards;

namespace Platform.FireSafety.Integration;

/// <summary>
/// The answer to a request for work: a hazard's rectification order completed marks this round rectified and schedules
/// its re-check (F7); a repair completed marks the equipment repaired (F8). Idempotent by the request; a completion for
/// no hazard or item here, or of a kind this version does not know, parks the message.
/// </summary>
public sealed class FireSafetyWorkCompletedConsumer(
    CommandHandler<HazardState, IHazardCommand> hazards, CommandHandler<EquipmentState, IEquipmentCommand> equipment, FirePolicy policy)
    : IConsumer<FireSafetyWorkCompletedV1>
{
    public async Task Consume(ConsumeContext<FireSafetyWorkCompletedV1> context)
    {
        var m = context.Message;
        var envelope = CommandEnvelope.FromMessage(context);
        var what = $"Recording work order {m.WorkOrderId}'s completion for fire-safety request {m.RequestId}";
        switch (m)
        {
            case { Kind: FireSafetyOutboxMapper.HazardRectification, HazardId: { } hazard }:
                (await hazards.HandleAsync(FireStreams.Hazards.For(hazard), new RecordRectificationWork(hazard, m.RequestId, m.WorkOrderId, policy.Zone, Actor.System),
                    envelope, context.CancellationToken)).ThrowIfRejected(what);
                break;
            case { Kind: FireSafetyOutboxMapper.EquipmentRepair, EquipmentId: { } item }:
                (await equipment.HandleAsync(FireStreams.Equipment.For(item), new RecordEquipmentRepair(item, m.RequestId, m.WorkOrderId, Actor.System),
                    envelope, context.CancellationToken)).ThrowIfRejected(what);
                break;
            default:
                throw new CommandRejectedException(what, Rejection.Invalid("kind-unknown", "kind", $"'{m.Kind}' with its subject is not fire-safety work this service asked for."));
        }
    }
}
