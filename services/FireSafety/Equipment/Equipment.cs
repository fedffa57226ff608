using System.Collections.Immutable;
using Platform.BuildingBlocks.EventSourcing;
using Platform.FireSafety.Features;

namespace Platform.FireSafety.Equipment;

/// <summary>An item of the fire-equipment register: type, location, custodian (000:643), seal status (000:1033).</summary>
[EventType("EquipmentRegistered.v1")]
public sealed record EquipmentRegistered(
    Guid EquipmentId, string EstateId, string Code, EquipmentType Type, int? OtherTestMonths, string Location, string Custodian, bool Sealed,
    string SiteStoreCode, string ItemCode, DateTimeOffset NextCheckAt, DateTimeOffset RegisteredAt);

/// <summary>The administrator's daily check of the equipment's state (000:631).</summary>
[EventType("EquipmentChecked.v1")]
public sealed record EquipmentChecked(bool Ok, bool Sealed, string? Note, string CheckedBy, DateTimeOffset CheckedAt);

/// <summary>
/// A test of the calendar (000:634-640) in <see cref="Period"/>, OK or a defect. <see cref="NextCheckAt"/>, on these events,
/// is when the watcher next looks: the end of the period after the one last settled (registered in, tested, or overdue).
/// </summary>
[EventType("EquipmentTested.v1")]
public sealed record EquipmentTested(string Period, bool Defect, string? Note, string TestedBy, DateTimeOffset NextCheckAt, DateTimeOffset TestedAt);

/// <summary>A period ended without its test: overdue, once per period.</summary>
[EventType("EquipmentTestOverdue.v1")]
public sealed record EquipmentTestOverdue(string Period, DateTimeOffset PeriodEnded, DateTimeOffset NextCheckAt, DateTimeOffset DetectedAt);

/// <summary>
/// Found lost or damaged: replaced at once and reported to leadership (「发现丢失、损坏应立即补充并上报领导」, 000:642). Published to
/// Inventory as a replacement request for the site store that keeps it.
/// </summary>
[EventType("EquipmentLostOrDamaged.v1")]
public sealed record EquipmentLostOrDamaged(Guid ReportId, string Loss, int Quantity, string ReportedToLeader, string ReportedBy, DateTimeOffset ReportedAt);

/// <summary>
/// A defect found by a test, a daily check or the alarm panel opens a repair work order (「发现异常及时安排维修」, 000:632;
/// F8). One is open at a time: a further defect before it is repaired is the same repair.
/// </summary>
[EventType("EquipmentRepairRequested.v1")]
public sealed record EquipmentRepairRequested(Guid RequestId, string Fault, DateTimeOffset RequestedAt);

/// <summary>The alarm system signalled a fault on the item's device.</summary>
[EventType("EquipmentFaultSignalled.v1")]
public sealed record EquipmentFaultSignalled(Guid SignalId, string DeviceId, string Detail, DateTimeOffset SignalledAt);

/// <summary>The repair's work order was completed and signed.</summary>
[EventType("EquipmentRepaired.v1")]
public sealed record EquipmentRepaired(Guid RequestId, Guid WorkOrderId, DateTimeOffset RepairedAt);

public sealed record EquipmentState
{
    public static EquipmentState Initial { get; } = new();

    public bool Exists { get; init; }
    public Guid Id { get; init; }
    public string EstateId { get; init; } = "";
    public string Code { get; init; } = "";
    public EquipmentType Type { get; init; }
    public int? OtherTestMonths { get; init; }
    public string Location { get; init; } = "";
    public string Custodian { get; init; } = "";
    public bool Sealed { get; init; }
    public string SiteStoreCode { get; init; } = "";
    public string ItemCode { get; init; } = "";
    public DateTimeOffset RegisteredAt { get; init; }
    public DateTimeOffset NextCheckAt { get; init; }
    public ImmutableHashSet<string> TestedPeriods { get; init; } = [];
    public ImmutableHashSet<string> OverduePeriods { get; init; } = [];
    public bool Defective { get; init; }
    public DateTimeOffset? LastCheckedAt { get; init; }
    public ImmutableHashSet<Guid> LossReports { get; init; } = [];
    public Guid? OpenRepair { get; init; }
    public ImmutableHashSet<Guid> FaultSignals { get; init; } = [];
    public int RepairRequests { get; init; }

    public EquipmentState Apply(object @event) => @event switch
    {
        EquipmentRegistered e => this with
        {
            Exists = true, Id = e.EquipmentId, EstateId = e.EstateId, Code = e.Code, Type = e.Type, OtherTestMonths = e.OtherTestMonths, Location = e.Location,
            Custodian = e.Custodian, Sealed = e.Sealed, SiteStoreCode = e.SiteStoreCode, ItemCode = e.ItemCode, RegisteredAt = e.RegisteredAt,
            NextCheckAt = e.NextCheckAt,
        },
        EquipmentChecked e => this with { Sealed = e.Sealed, LastCheckedAt = e.CheckedAt, Defective = Defective || !e.Ok },
        EquipmentTested e => this with { TestedPeriods = TestedPeriods.Add(e.Period), Defective = e.Defect, NextCheckAt = e.NextCheckAt },
        EquipmentTestOverdue e => this with { OverduePeriods = OverduePeriods.Add(e.Period), NextCheckAt = e.NextCheckAt },
        EquipmentLostOrDamaged e => this with { LossReports = LossReports.Add(e.ReportId) },
        EquipmentRepairRequested e => this with { OpenRepair = e.RequestId, RepairRequests = RepairRequests + 1, Defective = true },
        EquipmentFaultSignalled e => this with { FaultSignals = FaultSignals.Add(e.SignalId), Defective = true },
        EquipmentRepaired => this with { OpenRepair = null, Defective = false },
        _ => this,
    };
}

public interface IEquipmentCommand
{
    Guid EquipmentId { get; }
    Actor By { get; }
}

public sealed class EquipmentDecider : Decider<EquipmentState, IEquipmentCommand>
{
    public override EquipmentState Initial => EquipmentState.Initial;

    public override EquipmentState Evolve(EquipmentState state, object @event) => state.Apply(@event);

    public override Decision Decide(IEquipmentCommand command, EquipmentState state, DateTimeOffset now)
    {
        if (command is not RegisterEquipment && !state.Exists) return Rejection.NotFound("equipment-not-found", "There is no such equipment.");
        return command switch
        {
            RegisterEquipment c => RegisterEquipment.Decide(c, state, now),
            CheckEquipment c => CheckEquipment.Decide(c, state, now),
            TestEquipment c => TestEquipment.Decide(c, state, now),
            MarkTestOverdue c => MarkTestOverdue.Decide(c, state, now),
            ReportEquipmentLoss c => ReportEquipmentLoss.Decide(c, state, now),
            RecordEquipmentRepair c => RecordEquipmentRepair.Decide(c, state, now),
            ReportEquipmentFault c => ReportEquipmentFault.Decide(c, state, now),
            _ => throw new ArgumentException($"{command.GetType().Name} is not an equipment command.", nameof(command)),
        };
    }
}
