using MassTransit;

namespace Platform.Contracts.WorkOrders;

// Integration events of the Work orders service. Ids and facts only: no reporter names, phone numbers or
// request text (brief 2.6). Codes are kebab-case strings so they survive enum changes on either side:
// urgency "urgent" | "safety-facility" | "leak-seepage" | "other"; a changed shape is a new ".v2" type.

/// <summary>Where the work is: estate / building / entrance / room (004:220). Entrance and room are absent for common areas.</summary>
public sealed record WorkOrderUnit(string EstateId, string Building, string? Entrance, string? Room);

/// <summary>A work order was logged. <see cref="ComplaintId"/> is set when it was opened from a complaint (flow F1).</summary>
[EntityName("workorders.work-order-opened.v1"), MessageUrn("workorders.work-order-opened.v1")]
public sealed record WorkOrderOpenedV1(
    Guid WorkOrderId,
    Guid? ComplaintId,
    WorkOrderUnit Unit,
    string Channel,
    string Type,
    string Urgency,
    string Category,
    DateTimeOffset OpenedAt);

/// <summary>
/// The owner signed off the work. <see cref="Amount"/> is the signed amount in yuan for paid work, else null.
/// <see cref="Rework"/> is true when this completes rework a follow-up ordered. <see cref="Revision"/> is the work order's
/// revision at this event: of a completion and a rework order of the same work order, the higher revision happened
/// later, whatever order the two messages arrive in (they travel on different exchanges). Null from publishers before
/// it was added.
/// </summary>
[EntityName("workorders.work-order-completed.v1"), MessageUrn("workorders.work-order-completed.v1")]
public sealed record WorkOrderCompletedV1(
    Guid WorkOrderId,
    Guid? ComplaintId,
    string EstateId,
    DateTimeOffset CompletedAt,
    decimal? Amount,
    bool Rework,
    long? Revision = null);

/// <summary>
/// A follow-up found a problem. <see cref="Reason"/>: "not-fixed" | "recurred" | "poor-workmanship" | "damage-caused" |
/// "incomplete". <see cref="Revision"/>: the work order's revision at this event (see <see cref="WorkOrderCompletedV1"/>).
/// </summary>
[EntityName("workorders.work-order-rework-ordered.v1"), MessageUrn("workorders.work-order-rework-ordered.v1")]
public sealed record WorkOrderReworkOrderedV1(
    Guid WorkOrderId,
    Guid? ComplaintId,
    string EstateId,
    string Reason,
    DateTimeOffset OrderedAt,
    DateTimeOffset NoticeDueAt,
    long? Revision = null);

[EntityName("workorders.work-order-closed.v1"), MessageUrn("workorders.work-order-closed.v1")]
public sealed record WorkOrderClosedV1(Guid WorkOrderId, Guid? ComplaintId, string EstateId, DateTimeOffset ClosedAt);

/// <summary>The order was cancelled. <see cref="Reason"/>: "quote-declined".</summary>
[EntityName("workorders.work-order-cancelled.v1"), MessageUrn("workorders.work-order-cancelled.v1")]
public sealed record WorkOrderCancelledV1(Guid WorkOrderId, Guid? ComplaintId, string EstateId, string Reason, DateTimeOffset CancelledAt);

/// <summary>
/// A deadline of the estate's policy passed unmet. <see cref="Deadline"/>: "handle" | "repair" | "follow-up" |
/// "rework-notice" | "rectification-reply".
/// </summary>
[EntityName("workorders.work-order-sla-breached.v1"), MessageUrn("workorders.work-order-sla-breached.v1")]
public sealed record WorkOrderSlaBreachedV1(
    Guid WorkOrderId,
    Guid? ComplaintId,
    string EstateId,
    string Deadline,
    string Urgency,
    string Category,
    DateTimeOffset DueAt,
    DateTimeOffset DetectedAt);

public sealed record MaterialLineV1(string ItemCode, decimal Quantity, string Unit);

/// <summary>A technician needs material for an order; Inventory opens a requisition referencing it (F5). <see cref="RequestId"/> is unique per request.</summary>
[EntityName("workorders.materials-requested.v1"), MessageUrn("workorders.materials-requested.v1")]
public sealed record MaterialsRequestedV1(
    Guid WorkOrderId,
    Guid RequestId,
    string EstateId,
    string TechnicianId,
    IReadOnlyList<MaterialLineV1> Lines,
    DateTimeOffset RequestedAt);

/// <summary>
/// A paid order was completed and signed: Fees issues the service charge for the next billing batch (F3, 001:275-277).
/// <see cref="Amount"/> is yuan with 2 places; <see cref="FeeStandardRef"/> is the fee standard the quote came from.
/// </summary>
[EntityName("workorders.work-order-billing-handed-over.v1"), MessageUrn("workorders.work-order-billing-handed-over.v1")]
public sealed record WorkOrderBillingHandedOverV1(
    Guid WorkOrderId,
    string EstateId,
    WorkOrderUnit Unit,
    decimal Amount,
    string Currency,
    string? FeeStandardRef,
    DateTimeOffset CompletedAt);

/// <summary>
/// The work a <c>FireSafetyWorkRequestedV1</c> asked for was completed and signed: Fire safety marks the hazard rectified
/// and schedules its re-check (F7), or the equipment repaired (F8). <see cref="RequestId"/>, <see cref="Kind"/>,
/// <see cref="HazardId"/> and <see cref="EquipmentId"/> echo the request.
/// </summary>
[EntityName("workorders.fire-safety-work-completed.v1"), MessageUrn("workorders.fire-safety-work-completed.v1")]
public sealed record FireSafetyWorkCompletedV1(
    Guid WorkOrderId, Guid RequestId, string Kind, Guid? HazardId, Guid? EquipmentId, string EstateId, DateTimeOffset CompletedAt);
