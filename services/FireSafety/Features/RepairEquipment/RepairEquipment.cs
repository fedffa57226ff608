using System.Globalization;
using Platform.BuildingBlocks.EventSourcing;
using Platform.FireSafety.Equipment;

namespace Platform.FireSafety.Features;

/// <summary>
/// F8's way back: the repair work order was completed and signed, so the equipment is repaired. Only the open repair's
/// completion counts; a repeated or earlier one changes nothing.
/// </summary>
public sealed record RecordEquipmentRepair(Guid EquipmentId, Guid RequestId, Guid WorkOrderId, Actor By) : IEquipmentCommand
{
    public static Decision Decide(RecordEquipmentRepair command, EquipmentState state, DateTimeOffset now)
    {
        if (!command.By.HasRole(Roles.System))
            return Rejection.Forbidden("recorded-by-the-integration", "Work orders' completions are recorded by the integration.");
        return state.OpenRepair == command.RequestId ? Decision.Accept(new EquipmentRepaired(command.RequestId, command.WorkOrderId, now)) : Decision.NoChange;
    }

    /// <summary>A repair for <paramref name="fault"/>, unless one is open already (one defect, one work order).</summary>
    public static IEnumerable<object> Request(EquipmentState state, string fault, DateTimeOffset now)
    {
        if (state.OpenRepair is not null) yield break;
        var number = (state.RepairRequests + 1).ToString(CultureInfo.InvariantCulture);
        yield return new EquipmentRepairRequested(DeterministicId.Create("equipment-repair", $"{state.Id}:{number}"), fault, now);
    }
}
