using Platform.BuildingBlocks.EventSourcing;

namespace Platform.WorkOrders;

// The work-order stream's events. Names are stored and never change; a changed shape is a ".v2" plus an
// upcaster. Who acted is in each event's metadata, so only the people the facts are about appear here.

/// <summary>A request was received and logged (《维修(服务)汇总表》, 001:269), with its SLA deadlines from the estate's policy.</summary>
[EventType("WorkOrderLogged.v1")]
public sealed record WorkOrderLogged(
    Guid WorkOrderId,
    IntakeChannel Channel,
    WorkOrderType Type,
    UnitAddress Unit,
    Reporter? Reporter,
    string? ResidentId,
    Guid? ComplaintId,
    string Content,
    string Category,
    UrgencyClass Urgency,
    UrgencySource UrgencySource,
    DateTimeOffset? HandleDueAt,
    DateTimeOffset? RepairDueAt,
    DateTimeOffset LoggedAt);

/// <summary>
/// The order was opened for Fire safety's request (F7, F8), which its completion answers. Recorded with
/// <see cref="WorkOrderLogged"/>, so that event's shape stays as it was.
/// </summary>
[EventType("FireSafetyWorkLinked.v1")]
public sealed record FireSafetyWorkLinked(Guid RequestId, FireSafetyWorkKind Kind, Guid? HazardId, Guid? EquipmentId);

[EventType("WorkOrderUrgencyReclassified.v1")]
public sealed record WorkOrderUrgencyReclassified(
    UrgencyClass From,
    UrgencyClass To,
    DateTimeOffset? HandleDueAt,
    DateTimeOffset? RepairDueAt,
    DateTimeOffset ReclassifiedAt);

[EventType("TechnicianDispatched.v1")]
public sealed record TechnicianDispatched(string TechnicianId, DateTimeOffset AppointmentAt, DateTimeOffset DispatchedAt);

[EventType("TechnicianArrived.v1")]
public sealed record TechnicianArrived(string TechnicianId, DateTimeOffset ArrivedAt);

/// <summary>A price from the fee standard (001:271), in yuan with 2 places.</summary>
[EventType("QuoteIssued.v1")]
public sealed record QuoteIssued(decimal Amount, string FeeStandardRef, DateTimeOffset IssuedAt);

[EventType("QuoteAccepted.v1")]
public sealed record QuoteAccepted(decimal Amount, DateTimeOffset AcceptedAt);

[EventType("QuoteDeclined.v1")]
public sealed record QuoteDeclined(decimal Amount, DateTimeOffset DeclinedAt);

[EventType("WorkOrderCancelled.v1")]
public sealed record WorkOrderCancelled(CancellationReason Reason, DateTimeOffset CancelledAt);

[EventType("WorkStarted.v1")]
public sealed record WorkStarted(string TechnicianId, DateTimeOffset StartedAt);

/// <summary>Material the job needs; Inventory turns it into a requisition (F5).</summary>
/// <summary>Inventory issued material for the order (F5): what left the store, valued at its unit cost in yuan.</summary>
[EventType("MaterialsIssued.v1")]
public sealed record MaterialsIssued(Guid IssueId, Guid RequisitionId, IReadOnlyList<MaterialUsed> Lines, DateTimeOffset IssuedAt);

[EventType("MaterialsRequested.v1")]
public sealed record MaterialsRequested(Guid RequestId, string TechnicianId, IReadOnlyList<MaterialLine> Lines, DateTimeOffset RequestedAt);

/// <summary>The owner signed the sheet (001:273). <see cref="Rework"/> marks the completion of rework ordered by a follow-up.</summary>
[EventType("WorkCompleted.v1")]
public sealed record WorkCompleted(string TechnicianId, string SignedOffBy, decimal? Amount, bool Rework, DateTimeOffset CompletedAt);

/// <summary>The signed amount of a paid order goes to billing (001:275-277, F3).</summary>
[EventType("WorkOrderHandedToBilling.v1")]
public sealed record WorkOrderHandedToBilling(decimal Amount, string Currency, string? FeeStandardRef, DateTimeOffset CompletedAt);

/// <summary>A required follow-up. <see cref="DueAt"/> is null when it waits for an outside event (the next rain).</summary>
[EventType("FollowUpScheduled.v1")]
public sealed record FollowUpScheduled(int Sequence, FollowUpTrigger Trigger, DateTimeOffset? DueAt);

[EventType("FollowUpRecorded.v1")]
public sealed record FollowUpRecorded(
    int Sequence,
    FollowUpOutcome Outcome,
    ReworkReason? Problem,
    DateTimeOffset? RainedAt,
    DateTimeOffset RecordedAt);

/// <summary>A follow-up found a problem: a written notice to the technician is due by <see cref="NoticeDueAt"/> (001:205).</summary>
[EventType("ReworkOrdered.v1")]
public sealed record ReworkOrdered(int FollowUpSequence, ReworkReason Reason, DateTimeOffset OrderedAt, DateTimeOffset NoticeDueAt);

[EventType("ReworkNoticeIssued.v1")]
public sealed record ReworkNoticeIssued(string TechnicianId, DateTimeOffset IssuedAt);

[EventType("WorkOrderClosed.v1")]
public sealed record WorkOrderClosed(DateTimeOffset ClosedAt);

/// <summary>
/// A deadline passed unmet. <see cref="FollowUpSequence"/> names the follow-up or the follow-up that ordered the
/// rework; <see cref="RectificationNoticeId"/> names the notice.
/// </summary>
[EventType("WorkOrderSlaBreached.v1")]
public sealed record WorkOrderSlaBreached(
    SlaDeadline Deadline,
    DateTimeOffset DueAt,
    DateTimeOffset DetectedAt,
    int? FollowUpSequence,
    Guid? RectificationNoticeId);

/// <summary>A written demand to an external responsible unit (a contractor) to put something right by a deadline (000:146).</summary>
[EventType("RectificationNoticeIssued.v1")]
public sealed record RectificationNoticeIssued(
    Guid NoticeId,
    string ResponsibleUnit,
    string Subject,
    DateTimeOffset ReplyDueAt,
    DateTimeOffset IssuedAt);

[EventType("RectificationReplyRecorded.v1")]
public sealed record RectificationReplyRecorded(Guid NoticeId, string Summary, DateTimeOffset RepliedAt);
