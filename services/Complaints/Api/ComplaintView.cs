using Platform.BuildingBlocks.EventSourcing;
using System.Security.Claims;
using Platform.BuildingBlocks.Security;

namespace Platform.Complaints.Api;

/// <summary>A complaint as the API shows it, with personal data masked for roles that do not handle it.</summary>
public sealed record ComplaintView(
    Guid Id,
    string EstateId,
    UnitAddress Unit,
    ReporterView? Reporter,
    Channel Channel,
    string Content,
    Category Category,
    Severity Severity,
    bool? Valid,
    bool GroupComplaint,
    string Status,
    string HandlingLevel,
    string? Department,
    bool NeedsWork,
    string? WorkDescription,
    DeadlinesView Deadlines,
    IReadOnlyList<string> Photos,
    CompensationView? Compensation,
    IReadOnlyList<Guid> WorkOrderIds,
    int ReworkCount,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? ResolvedAt,
    string? Solution,
    Guid? ResolvedByWorkOrderId,
    int FollowUpCount,
    string? LastFollowUpOutcome,
    IReadOnlyList<Guid> LinkedCaseIds,
    Guid? LinkedToComplaintId,
    DateTimeOffset? ClosedAt)
{
    public static ComplaintView From(ComplaintState s, ClaimsPrincipal user) => new(
        s.Id,
        s.EstateId,
        s.Unit,
        s.Reporter is null ? null : ReporterView.From(s.Reporter, Access.MaySeeReporter(user, s)),
        s.Channel,
        s.Content,
        s.Category,
        s.Severity,
        s.Valid,
        s.GroupComplaint,
        WireName.Of(s.Status),
        WireName.Of(s.Level),
        s.Department,
        s.NeedsWork,
        s.WorkDescription,
        new DeadlinesView(
            s.ReplyDueAt, s.ResolveDueAt, s.FollowUpDueAt, s.RepliedAt,
            s.MissedDeadlines.OrderBy(m => m.DueAt).Select(m => new MissedDeadlineView(WireName.Of(m.Kind), m.DueAt)).ToList()),
        s.PhotoRefs.Order(StringComparer.Ordinal).ToList(),
        s.Claim is null ? null : CompensationView.From(s.Claim),
        s.WorkOrderIds,
        s.ReworkCount,
        s.RegisteredAt,
        s.ResolvedAt,
        s.Solution,
        s.ResolvedByWorkOrderId,
        s.FollowUpCount,
        s.FollowUpSinceResolution is { } outcome ? WireName.Of(outcome) : null,
        s.LinkedCases.Select(c => c.ComplaintId).ToList(),
        s.LinkedToComplaintId,
        s.ClosedAt);
}

public sealed record ReporterView(string Name, string Phone, ReporterKind Kind, bool Masked)
{
    public static ReporterView From(Reporter reporter, bool full) => full
        ? new(reporter.Name, reporter.Phone, reporter.Kind, false)
        : new(PersonalData.MaskName(reporter.Name), PersonalData.MaskPhone(reporter.Phone), reporter.Kind, true);
}

public sealed record DeadlinesView(
    DateTimeOffset ReplyDueAt,
    DateTimeOffset? ResolveDueAt,
    DateTimeOffset? FollowUpDueAt,
    DateTimeOffset? RepliedAt,
    IReadOnlyList<MissedDeadlineView> Missed);

public sealed record MissedDeadlineView(string Deadline, DateTimeOffset DueAt);

public sealed record CompensationView(
    int Number,
    decimal Amount,
    string Basis,
    bool EngineeringQuality,
    string? Plan,
    IReadOnlyList<string> SignOffs,
    decimal? ApprovedAmount,
    string? ApprovedBy,
    bool LegallyConfirmed,
    bool AgreementSigned,
    decimal PaidAmount,
    bool Rejected,
    bool FullyPaid,
    bool FeesWithheld)
{
    public static CompensationView From(CompensationClaim c) => new(
        c.Number, c.Amount, c.Basis, c.EngineeringQuality, c.Plan,
        c.SignOffs.Select(WireName.Of).ToList(), c.ApprovedAmount,
        c.ApproverRole is { } role ? WireName.Of(role) : null,
        c.IsLegallyConfirmed, c.IsSigned, c.PaidAmount, c.Rejected, c.FullyPaid, c.FeesWithheld);
}
