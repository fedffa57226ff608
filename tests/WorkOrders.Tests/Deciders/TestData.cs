using Platform.BuildingBlocks.EventSourcing;

namespace Platform.WorkOrders.Tests.Deciders;

internal static class A
{
    public static readonly Guid OrderId = Guid.Parse("0193a000-0000-7000-8000-000000000001");
    public static readonly Guid ComplaintId = Guid.Parse("0193a000-0000-7000-8000-0000000000c1");

    public static readonly Actor Agent = new("agent-1", Roles.CallCentreAgent);
    public static readonly Actor Supervisor = new("supervisor-1", Roles.ComplaintSupervisor);
    public static readonly Actor TeamLeader = new("leader-1", Roles.TeamLeader);
    public static readonly Actor Technician = new("tech-7", Roles.Technician);
    public static readonly Actor OtherTechnician = new("tech-8", Roles.Technician);
    public static readonly Actor Resident = new("resident-42", Roles.Resident);
    public static readonly Actor OtherResident = new("resident-43", Roles.Resident);
    public static readonly Actor FinanceClerk = new("finance-1", Roles.FinanceClerk);

    public static readonly UnitAddress Unit = new("estate-xx", "3", "2", "501");
    public static readonly Reporter Reporter = new("Zhang", "13800138000");
    public static readonly WorkOrderPolicy Policy = WorkOrderPolicy.Default;

    /// <summary>Monday 2 March 2026, 10:00 in Asia/Shanghai.</summary>
    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));
    public static readonly DateTimeOffset T0 = Monday;
}

/// <summary>Event builders for the usual stages of an order, all on <see cref="A.OrderId"/> logged at <see cref="A.T0"/>.</summary>
internal static class History
{
    public static readonly DateTimeOffset DispatchedAt = A.T0.AddMinutes(5);
    public static readonly DateTimeOffset ArrivedAt = A.T0.AddMinutes(20);
    public static readonly DateTimeOffset StartedAt = A.T0.AddMinutes(25);

    public static WorkOrderLogged Logged(
        UrgencyClass urgency = UrgencyClass.Other,
        WorkOrderType type = WorkOrderType.Repair,
        string category = "general",
        DateTimeOffset? handleDueAt = null,
        DateTimeOffset? repairDueAt = null,
        string? residentId = null,
        Guid? complaintId = null) =>
        new(A.OrderId, complaintId is null ? IntakeChannel.Hotline : IntakeChannel.Complaint, type, A.Unit,
            complaintId is null ? A.Reporter : null, residentId, complaintId, "Basin drain blocked", category, urgency,
            UrgencySource.Caller, handleDueAt, repairDueAt, A.T0);

    public static object[] Dispatched(WorkOrderLogged? logged = null) =>
        [logged ?? Logged(), new TechnicianDispatched(A.Technician.Id, A.T0.AddHours(1), DispatchedAt)];

    public static object[] OnSite(WorkOrderLogged? logged = null) =>
        [.. Dispatched(logged), new TechnicianArrived(A.Technician.Id, ArrivedAt)];

    public static object[] AwaitingQuote(decimal amount = 80m, WorkOrderType type = WorkOrderType.Service) =>
        [.. OnSite(Logged(type: type)), new QuoteIssued(amount, "FS-2026-SERVICE-01", ArrivedAt.AddMinutes(2))];

    public static object[] QuoteAccepted(decimal amount = 80m) =>
        [.. AwaitingQuote(amount), new QuoteAccepted(amount, ArrivedAt.AddMinutes(4))];

    public static object[] InProgress(WorkOrderLogged? logged = null) =>
        [.. OnSite(logged), new WorkStarted(A.Technician.Id, StartedAt)];

    /// <summary>Completed at <paramref name="completedAt"/> with the default policy's first follow-up (and the after-rain one for leaks).</summary>
    public static object[] Completed(UrgencyClass urgency, DateTimeOffset completedAt)
    {
        var events = new List<object>(InProgress(Logged(urgency)))
        {
            new WorkCompleted(A.Technician.Id, "Zhang", null, false, completedAt),
            new FollowUpScheduled(1, FollowUpTrigger.AfterCompletion, completedAt + A.Policy.FollowUpFor(urgency).FirstWithin),
        };
        if (urgency == UrgencyClass.LeakSeepage)
            events.Add(new FollowUpScheduled(2, FollowUpTrigger.AfterNextRain, null));
        return [.. events];
    }

    public static readonly DateTimeOffset CompletedAt = A.T0.AddHours(2);

    /// <summary>An "other" repair completed, whose first follow-up found it not fixed.</summary>
    public static object[] ReworkOrdered(DateTimeOffset orderedAt) =>
    [
        .. Completed(UrgencyClass.Other, CompletedAt),
        new FollowUpRecorded(1, FollowUpOutcome.ProblemFound, ReworkReason.NotFixed, null, orderedAt),
        new ReworkOrdered(1, ReworkReason.NotFixed, orderedAt, orderedAt.AddHours(12)),
    ];

    /// <summary>An "other" repair whose single follow-up was satisfied: ready to close.</summary>
    public static object[] ReadyToClose() =>
    [
        .. Completed(UrgencyClass.Other, CompletedAt),
        new FollowUpRecorded(1, FollowUpOutcome.Satisfied, null, null, CompletedAt.AddDays(1)),
    ];
}
