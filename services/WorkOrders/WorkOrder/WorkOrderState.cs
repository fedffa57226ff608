using System.Collections.Immutable;

namespace Platform.WorkOrders;

public sealed record Quote(decimal Amount, string FeeStandardRef, bool Accepted);

public sealed record FollowUp(int Sequence, FollowUpTrigger Trigger, DateTimeOffset? DueAt, FollowUpOutcome? Outcome)
{
    public bool IsPending => Outcome is null;
}

/// <summary>Rework a follow-up ordered; open until the rework is completed.</summary>
public sealed record Rework(int FollowUpSequence, ReworkReason Reason, DateTimeOffset NoticeDueAt, DateTimeOffset? NoticeIssuedAt);

public sealed record RectificationNotice(Guid NoticeId, string ResponsibleUnit, DateTimeOffset ReplyDueAt, DateTimeOffset? RepliedAt);

/// <summary>A work order folded from its events. Only what the rules and the integration mapping need.</summary>
public sealed record WorkOrderState
{
    public static WorkOrderState Initial { get; } = new();

    public Guid Id { get; init; }
    public WorkOrderStatus Status { get; init; } = WorkOrderStatus.None;
    public bool Exists => Status != WorkOrderStatus.None;
    public bool IsTerminal => Status is WorkOrderStatus.Closed or WorkOrderStatus.Cancelled;

    public IntakeChannel Channel { get; init; }
    public WorkOrderType Type { get; init; }
    public UnitAddress Unit { get; init; } = new("", "", null, null);
    public string? ResidentId { get; init; }
    /// <summary>Personal data: shown in full only to the roles that handle the order (brief 2.6).</summary>
    public Reporter? Reporter { get; init; }
    public string Content { get; init; } = "";
    public UrgencySource UrgencySource { get; init; }
    public DateTimeOffset? AppointmentAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public Guid? ComplaintId { get; init; }
    public FireSafetyWorkLinked? FireSafetyWork { get; init; }
    public string Category { get; init; } = "";
    public UrgencyClass Urgency { get; init; }
    public DateTimeOffset LoggedAt { get; init; }
    public DateTimeOffset? HandleDueAt { get; init; }
    public DateTimeOffset? RepairDueAt { get; init; }

    public string? TechnicianId { get; init; }
    public Quote? Quote { get; init; }
    /// <summary>Paid work: a special service, or any order that received a quote (001:271).</summary>
    public bool IsPaid => Type == WorkOrderType.Service || Quote is not null;
    public bool WorkHasStarted { get; init; }
    public int MaterialsRequests { get; init; }
    /// <summary>What Inventory issued for the order, each issue once.</summary>
    public ImmutableList<MaterialUsed> MaterialsUsed { get; init; } = [];
    public ImmutableHashSet<Guid> MaterialIssues { get; init; } = [];

    public DateTimeOffset? FirstCompletedAt { get; init; }
    public DateTimeOffset? LastCompletedAt { get; init; }
    public decimal? Amount { get; init; }

    public ImmutableList<FollowUp> FollowUps { get; init; } = [];
    public int LastFollowUpSequence => FollowUps.Count == 0 ? 0 : FollowUps.Max(f => f.Sequence);
    public FollowUp? NextPendingFollowUp => FollowUps.Where(f => f.IsPending).OrderBy(f => f.Sequence).FirstOrDefault();
    public Rework? OpenRework { get; init; }
    public ImmutableList<RectificationNotice> RectificationNotices { get; init; } = [];

    /// <summary>Keys of deadlines already recorded as breached (see <see cref="SlaBreachKey"/>), so each is recorded once.</summary>
    public ImmutableHashSet<string> Breaches { get; init; } = [];

    public WorkOrderState Apply(object @event) => @event switch
    {
        WorkOrderLogged e => this with
        {
            Id = e.WorkOrderId,
            Status = WorkOrderStatus.Logged,
            Channel = e.Channel,
            Type = e.Type,
            Unit = e.Unit,
            ResidentId = e.ResidentId,
            Reporter = e.Reporter,
            Content = e.Content,
            UrgencySource = e.UrgencySource,
            ComplaintId = e.ComplaintId,
            Category = e.Category,
            Urgency = e.Urgency,
            LoggedAt = e.LoggedAt,
            HandleDueAt = e.HandleDueAt,
            RepairDueAt = e.RepairDueAt,
        },
        FireSafetyWorkLinked e => this with { FireSafetyWork = e },
        WorkOrderUrgencyReclassified e => this with { Urgency = e.To, HandleDueAt = e.HandleDueAt, RepairDueAt = e.RepairDueAt },
        TechnicianDispatched e => this with { Status = WorkOrderStatus.Dispatched, TechnicianId = e.TechnicianId, AppointmentAt = e.AppointmentAt },
        TechnicianArrived => this with { Status = WorkOrderStatus.OnSite },
        QuoteIssued e => this with { Status = WorkOrderStatus.AwaitingQuoteAcceptance, Quote = new Quote(e.Amount, e.FeeStandardRef, false) },
        QuoteAccepted => this with { Status = WorkOrderStatus.OnSite, Quote = Quote! with { Accepted = true } },
        QuoteDeclined => this,
        WorkOrderCancelled => this with { Status = WorkOrderStatus.Cancelled },
        WorkStarted => this with { Status = WorkOrderStatus.InProgress, WorkHasStarted = true },
        MaterialsRequested => this with { MaterialsRequests = MaterialsRequests + 1 },
        MaterialsIssued e => this with { MaterialsUsed = MaterialsUsed.AddRange(e.Lines), MaterialIssues = MaterialIssues.Add(e.IssueId) },
        WorkCompleted e => this with
        {
            Status = WorkOrderStatus.Completed,
            FirstCompletedAt = FirstCompletedAt ?? e.CompletedAt,
            LastCompletedAt = e.CompletedAt,
            Amount = Amount ?? e.Amount,
            OpenRework = null,
        },
        WorkOrderHandedToBilling => this,
        FollowUpScheduled e => this with { FollowUps = FollowUps.Add(new FollowUp(e.Sequence, e.Trigger, e.DueAt, null)) },
        FollowUpRecorded e => this with
        {
            FollowUps = FollowUps.Select(f => f.Sequence == e.Sequence ? f with { Outcome = e.Outcome } : f).ToImmutableList(),
        },
        // Rework supersedes the follow-ups still pending: a new round is scheduled when the rework is completed.
        ReworkOrdered e => this with
        {
            Status = WorkOrderStatus.ReworkOrdered,
            OpenRework = new Rework(e.FollowUpSequence, e.Reason, e.NoticeDueAt, null),
            FollowUps = FollowUps.RemoveAll(f => f.IsPending),
        },
        ReworkNoticeIssued e => this with
        {
            Status = WorkOrderStatus.InProgress,
            TechnicianId = e.TechnicianId,
            OpenRework = OpenRework! with { NoticeIssuedAt = e.IssuedAt },
        },
        WorkOrderClosed e => this with { Status = WorkOrderStatus.Closed, ClosedAt = e.ClosedAt },
        WorkOrderSlaBreached e => this with { Breaches = Breaches.Add(SlaBreachKey.Of(e)) },
        RectificationNoticeIssued e => this with
        {
            RectificationNotices = RectificationNotices.Add(new RectificationNotice(e.NoticeId, e.ResponsibleUnit, e.ReplyDueAt, null)),
        },
        RectificationReplyRecorded e => this with
        {
            RectificationNotices = RectificationNotices
                .Select(n => n.NoticeId == e.NoticeId ? n with { RepliedAt = e.RepliedAt } : n).ToImmutableList(),
        },
        _ => throw new ArgumentException($"{@event.GetType().Name} is not a work-order event.", nameof(@event)),
    };
}

public static class SlaBreachKey
{
    public static string Of(WorkOrderSlaBreached breach) =>
        For(breach.Deadline, breach.FollowUpSequence, breach.RectificationNoticeId);

    public static string For(SlaDeadline deadline, int? followUpSequence = null, Guid? noticeId = null) => deadline switch
    {
        SlaDeadline.FollowUp or SlaDeadline.ReworkNotice => $"{deadline}:{followUpSequence}",
        SlaDeadline.RectificationReply => $"{deadline}:{noticeId}",
        _ => deadline.ToString(),
    };
}
