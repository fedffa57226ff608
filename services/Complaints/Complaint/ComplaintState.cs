using System.Collections.Immutable;

namespace Platform.Complaints;

/// <summary>The compensation claim a complaint is waiting for, or the last one it had.</summary>
public sealed record CompensationClaim(int Number, decimal Amount, string Basis, bool EngineeringQuality)
{
    public string? Plan { get; init; }
    public string? TechnicalAppraisal { get; init; }
    public string? LegalOpinion { get; init; }
    public ImmutableList<HandlingLevel> SignOffs { get; init; } = [];
    public decimal? ApprovedAmount { get; init; }
    public HandlingLevel? ApproverRole { get; init; }
    public string? CounselName { get; init; }
    public string? AgreementReference { get; init; }
    public decimal PaidAmount { get; init; }
    public bool Rejected { get; init; }
    public bool FullyPaid { get; init; }
    public bool FeesWithheld { get; init; }

    public bool IsApproved => ApprovedAmount is not null;
    public bool IsLegallyConfirmed => CounselName is not null;
    public bool IsSigned => AgreementReference is not null;

    /// <summary>Still to be decided or paid: it blocks resolving the complaint.</summary>
    public bool IsOpen => !Rejected && !FullyPaid;
}

/// <summary>A case opened from a new demand in a follow-up, and what that demand was.</summary>
public sealed record LinkedCase(Guid ComplaintId, string Content);

/// <summary>A complaint as its events made it. Only what the rules need.</summary>
public sealed record ComplaintState
{
    public static ComplaintState Initial { get; } = new();

    public Guid Id { get; init; }
    public ComplaintStatus Status { get; init; } = ComplaintStatus.None;
    public string EstateId { get; init; } = "";
    public UnitAddress Unit { get; init; } = new("", null, null);
    public Reporter? Reporter { get; init; }
    public Channel Channel { get; init; }
    public string Content { get; init; } = "";
    public Guid? LinkedToComplaintId { get; init; }
    public Category Category { get; init; }
    public Severity Severity { get; init; }
    public bool? Valid { get; init; }
    public bool GroupComplaint { get; init; }
    public ComplaintSla Sla { get; init; } = EstatePolicy.Default(0).Sla;
    public DateTimeOffset RegisteredAt { get; init; }
    /// <summary>When the current round of handling began: registration, or the latest reopening. The resolve deadline counts from it.</summary>
    public DateTimeOffset HandlingSince { get; init; }

    public DateTimeOffset ReplyDueAt { get; init; }
    public DateTimeOffset? ResolveDueAt { get; init; }
    public DateTimeOffset? FollowUpDueAt { get; init; }
    public DateTimeOffset? RepliedAt { get; init; }
    public ImmutableHashSet<(DeadlineKind Kind, DateTimeOffset DueAt)> MissedDeadlines { get; init; } = [];

    public string? Department { get; init; }
    public bool NeedsWork { get; init; }
    public string? WorkDescription { get; init; }
    public ImmutableHashSet<string> PhotoRefs { get; init; } = ImmutableHashSet.Create<string>(StringComparer.Ordinal);
    public HandlingLevel Level { get; init; } = HandlingLevel.CallCentreAgent;

    public CompensationClaim? Claim { get; init; }
    public int ClaimCount { get; init; }
    /// <summary>Once money is claimed the complaint has no fixed resolve deadline (decision 3d), even if the claim is rejected.</summary>
    public bool InvolvesCompensation => ClaimCount > 0;

    public ImmutableList<Guid> WorkOrderIds { get; init; } = [];

    /// <summary>Per linked work order, the highest revision of its stream that a completion or rework came from.</summary>
    public ImmutableDictionary<Guid, long> WorkOrderRevisions { get; init; } = ImmutableDictionary<Guid, long>.Empty;

    /// <summary>Whether something from the work order at or after <paramref name="revision"/> was handled already.</summary>
    public bool HasSeenWorkOrderAtOrAfter(Guid workOrderId, long revision) =>
        WorkOrderRevisions.TryGetValue(workOrderId, out var seen) && seen >= revision;
    public Guid? WorkOrderId => WorkOrderIds.IsEmpty ? null : WorkOrderIds[^1];
    public int ReworkCount { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }
    public string? Solution { get; init; }
    public Guid? ResolvedByWorkOrderId { get; init; }

    public int FollowUpCount { get; init; }
    /// <summary>Cases opened from new demands raised in follow-ups (000:492).</summary>
    public ImmutableList<LinkedCase> LinkedCases { get; init; } = [];
    /// <summary>The latest follow-up outcome since the complaint was last resolved; null if none yet.</summary>
    public FollowUpOutcome? FollowUpSinceResolution { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }

    public bool IsRegistered => Status != ComplaintStatus.None;
    public bool IsClosed => Status == ComplaintStatus.Closed;
    public bool IsResolved => Status is ComplaintStatus.Resolved or ComplaintStatus.Closed;

    /// <summary>Major and group complaints belong to the department manager (003@669).</summary>
    public bool NeedsDepartmentManager => Severity == Severity.Major || GroupComplaint;

    public ComplaintState Evolve(object @event) => @event switch
    {
        ComplaintRegistered e => this with
        {
            Id = e.ComplaintId,
            Status = ComplaintStatus.Registered,
            EstateId = e.EstateId,
            Unit = e.Unit,
            Reporter = e.Reporter,
            Channel = e.Channel,
            Content = e.Content,
            LinkedToComplaintId = e.LinkedToComplaintId,
            Category = e.Category,
            Severity = e.Severity,
            Sla = e.Sla,
            RegisteredAt = e.RegisteredAt,
            HandlingSince = e.RegisteredAt,
        },
        ComplaintDeadlinesSet e => this with { ReplyDueAt = e.ReplyDueAt, ResolveDueAt = e.ResolveDueAt },
        ComplaintClassified e => this with
        {
            Category = e.Category, Severity = e.Severity, Valid = e.Valid, GroupComplaint = e.GroupComplaint,
        },
        ComplaintTransferred e => this with
        {
            // Handing it on does not stop the wait for a compensation decision.
            Status = Status == ComplaintStatus.CompensationPending ? Status : ComplaintStatus.InProgress,
            Department = e.Department,
            NeedsWork = e.NeedsWork,
            WorkDescription = e.WorkDescription,
        },
        ComplaintProgressCommunicated e => this with { RepliedAt = RepliedAt ?? e.CommunicatedAt },
        ComplaintEvidenceAttached e => this with { PhotoRefs = PhotoRefs.Add(e.PhotoRef) },
        ComplaintEscalated e => this with { Level = e.ToLevel },
        CompensationClaimRaised e => this with
        {
            Status = ComplaintStatus.CompensationPending,
            Claim = new CompensationClaim(e.ClaimNumber, e.Amount, e.Basis, e.EngineeringQuality),
            ClaimCount = e.ClaimNumber,
        },
        CompensationPlanDrafted e => WithClaim(c => c with
        {
            Plan = e.Plan, TechnicalAppraisal = e.TechnicalAppraisal, LegalOpinion = e.LegalOpinion,
        }),
        CompensationSignOffRecorded e => WithClaim(c => c with { SignOffs = c.SignOffs.Add(e.Level) }),
        CompensationApproved e => WithClaim(c => c with { ApprovedAmount = e.ApprovedAmount, ApproverRole = e.ApproverRole }),
        CompensationRejected => WithClaim(c => c with { Rejected = true }) with { Status = ComplaintStatus.InProgress },
        CompensationLegalConfirmed e => WithClaim(c => c with { CounselName = e.CounselName }),
        // Approved, confirmed and signed: the complaint is back in hand while the money is paid (brief 3.3).
        SupplementaryAgreementSigned e => WithClaim(c => c with { AgreementReference = e.AgreementReference })
            with { Status = ComplaintStatus.InProgress },
        FeesWithheldOverClaim => WithClaim(c => c with { FeesWithheld = true }),
        CompensationPayoutRecorded e => WithClaim(c => c with { PaidAmount = c.PaidAmount + e.Amount, FullyPaid = e.FullyPaid }),
        ComplaintWorkOrderLinked e => this with { WorkOrderIds = WorkOrderIds.Add(e.WorkOrderId) },
        ComplaintResolved e => this with
        {
            Status = ComplaintStatus.Resolved,
            ResolvedAt = e.ResolvedAt,
            Solution = e.Solution,
            ResolvedByWorkOrderId = e.WorkOrderId,
            FollowUpDueAt = e.FollowUpDueAt,
            FollowUpSinceResolution = null,
            // A resolution told to the complainant answers them too.
            RepliedAt = RepliedAt ?? e.ResolvedAt,
        },
        ComplaintReworkRecorded e => this with { ReworkCount = ReworkCount + 1, WorkOrderRevisions = Seen(e.WorkOrderId, e.WorkOrderRevision) },
        LinkedWorkOrderCompleted e => this with { WorkOrderRevisions = Seen(e.WorkOrderId, e.WorkOrderRevision) },
        ComplaintFollowUpRecorded e => this with { FollowUpCount = e.FollowUpNumber, FollowUpSinceResolution = e.Outcome },
        ComplaintReopened e => this with
        {
            Status = ComplaintStatus.InProgress,
            HandlingSince = e.ReopenedAt,
            ResolveDueAt = e.ResolveDueAt,
            FollowUpDueAt = e.FollowUpDueAt,
            ResolvedByWorkOrderId = null,
        },
        LinkedCaseOpened e => this with { LinkedCases = LinkedCases.Add(new LinkedCase(e.NewComplaintId, e.Content)) },
        ComplaintClosed e => this with { Status = ComplaintStatus.Closed, ClosedAt = e.ClosedAt },
        ComplaintDeadlineMissed e => this with { MissedDeadlines = MissedDeadlines.Add((e.Deadline, e.DueAt)) },
        _ => this,
    };

    private ImmutableDictionary<Guid, long> Seen(Guid workOrderId, long? revision) =>
        revision is { } r && !HasSeenWorkOrderAtOrAfter(workOrderId, r) ? WorkOrderRevisions.SetItem(workOrderId, r) : WorkOrderRevisions;

    private ComplaintState WithClaim(Func<CompensationClaim, CompensationClaim> change) =>
        Claim is null ? this : this with { Claim = change(Claim) };
}
