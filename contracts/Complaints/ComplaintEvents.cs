using MassTransit;

namespace Platform.Contracts.Complaints;

// Integration events of the Complaints service. They carry ids and facts, never personal data:
// no reporter names, phone numbers or complaint text (brief 2.6). The exchange name and message
// URN are the public contract; a changed shape is a new ".v2" type published beside the old one.

/// <summary>Where a complaint is about: estate / building / entrance / room (brief 2.4, 004:220).</summary>
public sealed record UnitAddress(string EstateId, string Building, string? Entrance, string? Room);

[EntityName("complaints.complaint-registered.v1"), MessageUrn("complaints.complaint-registered.v1")]
public sealed record ComplaintRegisteredV1(
    Guid ComplaintId,
    UnitAddress Unit,
    string Channel,
    string Category,
    string Severity,
    Guid? LinkedToComplaintId,
    DateTimeOffset RegisteredAt);

/// <summary>A complaint handed to a department. <see cref="NeedsWork"/> means physical work is needed: a work order (派工单, 002:52).</summary>
[EntityName("complaints.complaint-transferred.v1"), MessageUrn("complaints.complaint-transferred.v1")]
public sealed record ComplaintTransferredV1(
    Guid ComplaintId,
    UnitAddress Unit,
    string Department,
    bool NeedsWork,
    string Category,
    string? WorkDescription,
    DateTimeOffset TransferredAt);

[EntityName("complaints.complaint-resolved.v1"), MessageUrn("complaints.complaint-resolved.v1")]
public sealed record ComplaintResolvedV1(
    Guid ComplaintId,
    string EstateId,
    Guid? WorkOrderId,
    DateTimeOffset ResolvedAt,
    DateTimeOffset FollowUpDueAt);

[EntityName("complaints.complaint-closed.v1"), MessageUrn("complaints.complaint-closed.v1")]
public sealed record ComplaintClosedV1(Guid ComplaintId, string EstateId, DateTimeOffset ClosedAt);

/// <summary>A deadline of the estate's policy passed: <see cref="Deadline"/> is "reply", "resolve" or "follow-up".</summary>
[EntityName("complaints.complaint-deadline-missed.v1"), MessageUrn("complaints.complaint-deadline-missed.v1")]
public sealed record ComplaintDeadlineMissedV1(
    Guid ComplaintId,
    string EstateId,
    string Deadline,
    DateTimeOffset DueAt,
    DateTimeOffset DetectedAt);

/// <summary>
/// The complainant withholds fees over an open compensation claim (000:136): Fees puts the unit's charges into dispute
/// (F9). <see cref="Reason"/> is "construction-defects" for engineering-quality compensation, else "compensation".
/// </summary>
[EntityName("complaints.fees-withheld-over-claim.v1"), MessageUrn("complaints.fees-withheld-over-claim.v1")]
public sealed record FeesWithheldOverClaimV1(Guid ComplaintId, int ClaimNumber, UnitAddress Unit, string Reason, DateTimeOffset WithheldAt);

/// <summary>
/// A compensation claim is settled: approved with its supplementary agreement signed (000:406), or rejected.
/// <see cref="Outcome"/> is "approved" or "rejected"; <see cref="ApprovedAmount"/> is set when approved.
/// </summary>
[EntityName("complaints.compensation-settled.v1"), MessageUrn("complaints.compensation-settled.v1")]
public sealed record CompensationSettledV1(
    Guid ComplaintId, int ClaimNumber, UnitAddress Unit, string Outcome, decimal? ApprovedAmount, DateTimeOffset SettledAt);
