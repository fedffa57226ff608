using Platform.BuildingBlocks.EventSourcing;

namespace Platform.Complaints;

// The Complaints stream's domain events. Their names and JSON shapes are stored forever: a changed shape
// is a new ".v2" plus an upcaster (the snapshot tests guard this). The stream name carries the complaint
// id; every event carries the instant it took effect, so read models and the outbox need nothing else.

/// <summary>A complaint was recorded (《投诉登记表》, 000:402) with the deadline terms of the estate's policy.</summary>
[EventType("ComplaintRegistered.v1")]
public sealed record ComplaintRegistered(
    Guid ComplaintId,
    string EstateId,
    UnitAddress Unit,
    Reporter Reporter,
    Channel Channel,
    string Content,
    Category Category,
    Severity Severity,
    Guid? LinkedToComplaintId,
    ComplaintSla Sla,
    string RegisteredBy,
    DateTimeOffset RegisteredAt);

/// <summary>The reply and resolve deadlines now in force. A major or compensation complaint has no resolve deadline (decision 3d).</summary>
[EventType("ComplaintDeadlinesSet.v1")]
public sealed record ComplaintDeadlinesSet(DateTimeOffset ReplyDueAt, DateTimeOffset? ResolveDueAt);

[EventType("ComplaintClassified.v1")]
public sealed record ComplaintClassified(
    Category Category, Severity Severity, bool Valid, bool GroupComplaint, DateTimeOffset ClassifiedAt);

/// <summary>
/// Handed to a department (004:248). It repeats the estate, unit and category as they stand, so that the work-order
/// side (派工单, 002:52) learns everything it needs from this one event.
/// </summary>
[EventType("ComplaintTransferred.v1")]
public sealed record ComplaintTransferred(
    string EstateId,
    UnitAddress Unit,
    Category Category,
    string Department,
    bool NeedsWork,
    string? WorkDescription,
    DateTimeOffset TransferredAt);

/// <summary>The complainant was told how it stands (000:407). The first one is the reply the 24 h deadline asks for.</summary>
[EventType("ComplaintProgressCommunicated.v1")]
public sealed record ComplaintProgressCommunicated(string Message, bool IsReply, DateTimeOffset CommunicatedAt);

/// <summary>A photo kept in the complaint file (000:403).</summary>
[EventType("ComplaintEvidenceAttached.v1")]
public sealed record ComplaintEvidenceAttached(string PhotoRef, string? Caption, DateTimeOffset AttachedAt);

[EventType("ComplaintEscalated.v1")]
public sealed record ComplaintEscalated(
    HandlingLevel FromLevel, HandlingLevel ToLevel, string Reason, string EscalatedBy, DateTimeOffset EscalatedAt);

/// <summary>A compensation claim (索赔). Claims are numbered within the complaint; the complaint waits for it.</summary>
[EventType("CompensationClaimRaised.v1")]
public sealed record CompensationClaimRaised(
    int ClaimNumber, decimal Amount, string Basis, bool EngineeringQuality, DateTimeOffset RaisedAt);

/// <summary>The handling plan: contract terms, technical appraisal, legal counsel's opinion (000:405).</summary>
[EventType("CompensationPlanDrafted.v1")]
public sealed record CompensationPlanDrafted(
    int ClaimNumber, string Plan, string? TechnicalAppraisal, string? LegalOpinion, DateTimeOffset DraftedAt);

/// <summary>A sign-off on the way up that does not yet carry enough authority (逐级签批, 000:415): the claim stays pending.</summary>
[EventType("CompensationSignOffRecorded.v1")]
public sealed record CompensationSignOffRecorded(
    int ClaimNumber, HandlingLevel Level, string SignedOffBy, DateTimeOffset SignedOffAt);

[EventType("CompensationApproved.v1")]
public sealed record CompensationApproved(
    int ClaimNumber, decimal ApprovedAmount, HandlingLevel ApproverRole, string ApprovedBy, DateTimeOffset ApprovedAt);

[EventType("CompensationRejected.v1")]
public sealed record CompensationRejected(int ClaimNumber, string Reason, DateTimeOffset RejectedAt);

/// <summary>Legal counsel confirmed the supplementary agreement (000:406). Counsel has no platform role: a manager enters it.</summary>
[EventType("CompensationLegalConfirmed.v1")]
public sealed record CompensationLegalConfirmed(
    int ClaimNumber, string CounselName, string EnteredBy, DateTimeOffset ConfirmedAt);

/// <summary>The supplementary agreement (补充协议) was signed; its copy is filed in the department archive (000:408).</summary>
[EventType("SupplementaryAgreementSigned.v1")]
public sealed record SupplementaryAgreementSigned(int ClaimNumber, string AgreementReference, DateTimeOffset SignedAt);

/// <summary>The complainant withholds fees until the claim is settled (000:136); Fees disputes the unit's charges (F9).</summary>
[EventType("FeesWithheldOverClaim.v1")]
public sealed record FeesWithheldOverClaim(int ClaimNumber, DateTimeOffset WithheldAt);

[EventType("CompensationPayoutRecorded.v1")]
public sealed record CompensationPayoutRecorded(
    int ClaimNumber, decimal Amount, string? PaymentReference, bool FullyPaid, DateTimeOffset PaidAt);

[EventType("ComplaintWorkOrderLinked.v1")]
public sealed record ComplaintWorkOrderLinked(Guid WorkOrderId, DateTimeOffset LinkedAt);

/// <summary>Handled. <see cref="WorkOrderId"/> is set when the linked work order's completion resolved it.</summary>
[EventType("ComplaintResolved.v1")]
public sealed record ComplaintResolved(
    string EstateId,
    string Solution,
    Guid? WorkOrderId,
    DateTimeOffset ResolvedAt,
    DateTimeOffset FollowUpDueAt);

/// <summary>The linked work order's follow-up found a problem and the work is being redone.</summary>
[EventType("ComplaintReworkRecorded.v2")]
public sealed record ComplaintReworkRecorded(Guid WorkOrderId, string? Notes, DateTimeOffset RecordedAt, long? WorkOrderRevision);

/// <summary>v2 added the work order's revision, which orders a rework against a completion; v1 events had none.</summary>
public sealed class ComplaintReworkRecordedV1ToV2() : FieldAddedUpcaster("ComplaintReworkRecorded.v1", "ComplaintReworkRecorded.v2", "workOrderRevision");

/// <summary>
/// The linked work order reported a completion at <see cref="WorkOrderRevision"/> of its own stream. Recorded even when
/// the complaint is resolved already, so a rework order from an earlier revision that arrives later is known as history.
/// </summary>
[EventType("LinkedWorkOrderCompleted.v1")]
public sealed record LinkedWorkOrderCompleted(Guid WorkOrderId, long WorkOrderRevision, DateTimeOffset NotedAt);

/// <summary>A follow-up call or visit (回访, 《回访记录》 001:257).</summary>
[EventType("ComplaintFollowUpRecorded.v1")]
public sealed record ComplaintFollowUpRecorded(
    int FollowUpNumber, FollowUpOutcome Outcome, string? Notes, string? NewDemandContent, DateTimeOffset RecordedAt);

/// <summary>
/// Back to work: the complainant was not satisfied (004:460) or the work is being redone. A complainant who was not
/// satisfied is called back (「要做到让业户满意为止,并应在事后与业户保持联系」, 001:299): <see cref="FollowUpDueAt"/> is that
/// call-back's deadline, the policy's follow-up time after the new resolve deadline (after now when there is none),
/// visible at once; the resolution that follows sets it again from the real resolution.
/// </summary>
[EventType("ComplaintReopened.v2")]
public sealed record ComplaintReopened(string Reason, DateTimeOffset? ResolveDueAt, DateTimeOffset ReopenedAt, DateTimeOffset? FollowUpDueAt);

/// <summary>v2 added the call-back deadline of a reopening; v1 reopenings had none.</summary>
public sealed class ComplaintReopenedV1ToV2() : FieldAddedUpcaster("ComplaintReopened.v1", "ComplaintReopened.v2", "followUpDueAt");

/// <summary>A new demand raised in a follow-up becomes its own case, linked to this one (000:492).</summary>
[EventType("LinkedCaseOpened.v1")]
public sealed record LinkedCaseOpened(
    Guid NewComplaintId, int FollowUpNumber, string Content, DateTimeOffset OpenedAt);

[EventType("ComplaintClosed.v1")]
public sealed record ComplaintClosed(string EstateId, DateTimeOffset ClosedAt);

[EventType("ComplaintDeadlineMissed.v1")]
public sealed record ComplaintDeadlineMissed(
    string EstateId, DeadlineKind Deadline, DateTimeOffset DueAt, DateTimeOffset DetectedAt);
