using Platform.BuildingBlocks.EventSourcing;
using Platform.Complaints.Features;

namespace Platform.Complaints.Tests;

/// <summary>The people, complaint and histories the decider tests share.</summary>
public static class Sample
{
    public static readonly Guid ComplaintId = Guid.Parse("0193a000-0000-7000-8000-000000000001");
    public static readonly Guid WorkOrderId = Guid.Parse("0193b000-0000-7000-8000-0000000000aa");
    public const string Estate = "estate-xx";

    public static readonly Actor Agent = new("agent-1", Roles.CallCentreAgent);
    public static readonly Actor Supervisor = new("supervisor-1", Roles.ComplaintSupervisor);
    public static readonly Actor DepartmentManager = new("dm-1", Roles.DepartmentManager);
    public static readonly Actor GeneralManager = new("gm-1", Roles.GeneralManager);
    public static readonly Actor Resident = new("resident-7", Roles.Resident);
    public static readonly Actor Technician = new("tech-1", Roles.Technician);
    public static readonly Actor FinanceClerk = new("finance-1", Roles.FinanceClerk);
    public static readonly Actor SystemActor = Actor.System;

    public static readonly EstatePolicy Policy = EstatePolicy.Default(households: 10_000);

    /// <summary>23:10 in Shanghai, as in brief S01.</summary>
    public static readonly DateTimeOffset RegisteredAt = new(2026, 3, 2, 23, 10, 0, TimeSpan.FromHours(8));
    public static readonly DateTimeOffset ReplyDueAt = RegisteredAt.AddHours(24).ToUniversalTime();
    public static readonly DateTimeOffset ResolveDueAt = RegisteredAt.AddDays(3).ToUniversalTime();
    /// <summary>A moment inside every deadline, for commands whose timing does not matter.</summary>
    public static readonly DateTimeOffset Later = RegisteredAt.AddHours(2);

    public static readonly UnitAddress Unit = new("3号楼", "2单元", "501");
    public static readonly Reporter Zhang = new("张先生", "13800138000", ReporterKind.Owner);

    public static RegisterComplaint Register(Actor? by = null) => new(
        ComplaintId, Estate, Unit, Zhang, Channel.ComplaintLine, "water leaking from ceiling", Category.HouseRepair,
        Severity.General, Policy, by ?? Agent);

    public static ComplaintRegistered RegisteredEvent(Category category = Category.HouseRepair, Severity severity = Severity.General) => new(
        ComplaintId, Estate, Unit, Zhang, Channel.ComplaintLine, "water leaking from ceiling", category, severity, null,
        Policy.Sla, Agent.Id, RegisteredAt);

    public static object[] Registered(Category category = Category.HouseRepair, Severity severity = Severity.General) =>
    [
        RegisteredEvent(category, severity),
        new ComplaintDeadlinesSet(ReplyDueAt, severity == Severity.Major ? null : ResolveDueAt),
    ];

    public static object[] Transferred() =>
        [new ComplaintTransferred(Estate, Unit, Category.HouseRepair, "engineering", true, "fix the ceiling leak", Later)];

    public static object[] Replied() => [new ComplaintProgressCommunicated("We are on it.", true, Later)];

    public static object[] Classified(Category category = Category.HouseRepair, Severity severity = Severity.General, bool valid = true, bool group = false) =>
        [new ComplaintClassified(category, severity, valid, group, Later)];

    public static object[] EscalatedTo(HandlingLevel level) =>
        [new ComplaintEscalated(HandlingLevel.CallCentreAgent, level, "beyond the desk", Supervisor.Id, Later)];

    public static readonly DateTimeOffset ResolvedAt = RegisteredAt.AddDays(1);
    public static readonly DateTimeOffset FollowUpDueAt = ResolvedAt.AddDays(3).ToUniversalTime();

    public static object[] Resolved(Guid? workOrderId = null) =>
        [new ComplaintResolved(Estate, "ceiling repaired", workOrderId, ResolvedAt, FollowUpDueAt)];

    public static object[] FollowedUp(FollowUpOutcome outcome = FollowUpOutcome.Satisfied, int number = 1) =>
        [new ComplaintFollowUpRecorded(number, outcome, "thanks", null, ResolvedAt.AddDays(1))];

    public static object[] Closed() => [new ComplaintClosed(Estate, ResolvedAt.AddDays(2))];

    public static object[] WorkOrderLinked(Guid? id = null) => [new ComplaintWorkOrderLinked(id ?? WorkOrderId, Later)];

    public static object[] ClaimRaised(decimal amount = 5_000m, bool engineeringQuality = false) =>
    [
        new CompensationClaimRaised(1, amount, "damaged furniture", engineeringQuality, Later),
        new ComplaintDeadlinesSet(ReplyDueAt, null),
    ];

    public static object[] PlanDrafted() =>
        [new CompensationPlanDrafted(1, "pay for the furniture", "leak from the roof slab", "covered by the contract", Later)];

    public static object[] Approved(decimal amount = 5_000m, HandlingLevel by = HandlingLevel.ComplaintSupervisor) =>
        [new CompensationApproved(1, amount, by, "approver-1", Later)];

    public static object[] LegallyConfirmed() => [new CompensationLegalConfirmed(1, "Counsel Li", DepartmentManager.Id, Later)];

    public static object[] AgreementSigned() => [new SupplementaryAgreementSigned(1, "ARCH-2026-017", Later)];

    public static object[] PaidOut(decimal amount = 5_000m) => [new CompensationPayoutRecorded(1, amount, "PAY-1", true, Later)];
}
