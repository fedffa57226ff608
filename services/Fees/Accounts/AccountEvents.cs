using Platform.BuildingBlocks.EventSourcing;

namespace Platform.Fees.Accounts;

// The payer account's stream is its ledger: every posting is an event and none is ever changed. A correction is a
// reversal that names what it reverses. Who acted is in each event's metadata.

[EventType("PayerAccountOpened.v1")]
public sealed record PayerAccountOpened(
    Guid AccountId,
    UnitAddress Unit,
    PayerKind PayerKind,
    Payer Payer,
    Occupancy Occupancy,
    decimal FloorArea,
    int ParkingSpaces,
    string? PropertyFeeStandard,
    string? ParkingFeeStandard,
    DateTimeOffset OpenedAt);

/// <summary>A new payer for the unit (an owner or a tenant); what was posted before stays on the ledger.</summary>
[EventType("PayerChanged.v1")]
public sealed record PayerChanged(PayerKind From, PayerKind To, Payer Payer, DateTimeOffset ChangedAt);

[EventType("OccupancyChanged.v1")]
public sealed record OccupancyChanged(Occupancy From, Occupancy To, DateTimeOffset ChangedAt);

/// <summary>
/// A charge at the rate of the standard in force (S24). <see cref="DueOn"/> is null for a service charge that waits for
/// the next payment request of the 15th; <see cref="OverdueFrom"/> is the instant the estate's due day ends.
/// </summary>
[EventType("ChargeIssued.v1")]
public sealed record ChargeIssued(
    Guid ChargeId,
    FeeType FeeType,
    string Period,
    string StandardCode,
    decimal Rate,
    RateUnit Unit,
    decimal Quantity,
    decimal Amount,
    DateOnly? DueOn,
    DateTimeOffset? OverdueFrom,
    string? SourceRef,
    DateTimeOffset IssuedAt);

/// <summary>The account's credit paid (part of) a charge.</summary>
[EventType("CreditApplied.v1")]
public sealed record CreditApplied(Guid ChargeId, decimal Amount, DateTimeOffset AppliedAt);

/// <summary>The 《付款请求书》 of the 15th (001:277): the service charges waiting for it, due on the 20th.</summary>
[EventType("PaymentRequestIssued.v1")]
public sealed record PaymentRequestIssued(
    Guid RequestId, IReadOnlyList<Guid> ChargeIds, decimal Total, DateOnly IssuedOn, DateOnly DueOn, DateTimeOffset OverdueFrom, DateTimeOffset IssuedAt);

public sealed record ChargeAllocation(Guid ChargeId, decimal Amount);

/// <summary>A receipted payment went to the open charges, oldest first; what was left over is credit.</summary>
[EventType("PaymentApplied.v1")]
public sealed record PaymentApplied(
    Guid PaymentId,
    string ReceiptNumber,
    decimal Amount,
    PaymentChannel Channel,
    IReadOnlyList<ChargeAllocation> Allocations,
    decimal ToCredit,
    DateTimeOffset ReceivedAt,
    DateTimeOffset AppliedAt);

/// <summary>The due date passed with money owing. <see cref="NextLateFeeAt"/> is set only where the estate charges a late fee.</summary>
[EventType("ChargeOverdue.v1")]
public sealed record ChargeOverdue(Guid ChargeId, DateOnly DueOn, decimal Owed, DateTimeOffset? NextLateFeeAt, DateTimeOffset DetectedAt);

/// <summary>A late fee for the days <see cref="FromDay"/> to <see cref="ThroughDay"/>, at the estate's rate, within its cap.</summary>
[EventType("LateFeeAccrued.v1")]
public sealed record LateFeeAccrued(
    Guid ChargeId, DateOnly FromDay, DateOnly ThroughDay, decimal Amount, DateTimeOffset? NextAccrualAt, DateTimeOffset AccruedAt);

/// <summary>A dunning action (催缴) with its method and result, at the level of the estate's policy the arrears had reached.</summary>
[EventType("DunningActionRecorded.v1")]
public sealed record DunningActionRecorded(
    Guid ActionId, DunningMethod Method, DunningResult Result, int Level, IReadOnlyList<Guid> ChargeIds, string? Note, DateTimeOffset RecordedAt);

/// <summary>The owner withholds payment (000:136, 000:1024): while the dispute is open the account's charges are disputed.</summary>
[EventType("ChargesDisputed.v1")]
public sealed record ChargesDisputed(
    Guid DisputeId, DisputeReason Reason, Guid? ComplaintId, int? ClaimNumber, IReadOnlyList<Guid> ChargeIds, string? Note, DateTimeOffset DisputedAt);

[EventType("DisputeResolved.v1")]
public sealed record DisputeResolved(Guid DisputeId, DisputeResolution Resolution, decimal? ApprovedCompensation, DateTimeOffset ResolvedAt);

/// <summary>A charge taken back. What had been paid on it becomes credit.</summary>
[EventType("ChargeReversed.v1")]
public sealed record ChargeReversed(Guid ReversalId, Guid ChargeId, string Reason, decimal ReleasedToCredit, DateTimeOffset ReversedAt);

/// <summary>A payment taken back (a bounced transfer, a wrong account): first from credit, then from the charges, newest first.</summary>
[EventType("PaymentReversed.v1")]
public sealed record PaymentReversed(
    Guid ReversalId, Guid PaymentId, string Reason, decimal FromCredit, IReadOnlyList<ChargeAllocation> FromCharges, DateTimeOffset ReversedAt);

[EventType("CreditNoteIssued.v1")]
public sealed record CreditNoteIssued(Guid CreditNoteId, Guid ChargeId, decimal Amount, string Reason, DateTimeOffset IssuedAt);

/// <summary>A refund of credit, approved; to be paid by <see cref="PayBy"/> (a week by default, 000:392).</summary>
[EventType("RefundApproved.v1")]
public sealed record RefundApproved(Guid RefundId, decimal Amount, string Reason, DateTimeOffset PayBy, DateTimeOffset ApprovedAt);

[EventType("RefundPaid.v1")]
public sealed record RefundPaid(Guid RefundId, decimal Amount, string PaymentReference, DateTimeOffset PaidAt);

[EventType("RefundOverdue.v1")]
public sealed record RefundOverdue(Guid RefundId, DateTimeOffset PayBy, DateTimeOffset DetectedAt);
