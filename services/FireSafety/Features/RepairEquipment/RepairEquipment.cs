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

/// <summary>
/// The alarm system signalled a fault on the item (F8): a defect, which asks for its repair like one a test found. Once
/// per signal: the same signal again changes nothing.
/// </summary>
public sealed record ReportEquipmentFault(Guid EquipmentId, Guid SignalId, string DeviceId, string Detail, Actor By) : IEquipmentCommand
{
    public static Decision Decide(ReportEquipmentFault command, EquipmentState state, DateTimeOffset now)
    {
        if (!command.By.HasRole(Roles.System))
            return Rejection.Forbidden("faults-from-the-alarm-system", "Faults come from the alarm system's signals.");
        if (state.FaultSignals.Contains(command.SignalId)) return Decision.NoChange;
        var detail = string.IsNullOrWhiteSpace(command.Detail) ? $"Fault signalled by device {command.DeviceId}" : command.Detail.Trim();
        return Decision.Accept([new EquipmentFaultSignalled(command.SignalId, command.DeviceId, detail, now), .. RecordEquipmentRepair.Request(state, detail, now)]);
    }
}
