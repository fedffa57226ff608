using MassTransit;

namespace Platform.Contracts.Fees;

// Integration events of the Fees service, for downstream finance and BI. Ids and amounts (yuan, 2 places, CNY), never
// names or phone numbers (brief 2.6). A changed shape is a new ".v2" type published beside the old one.

/// <summary>A charge on a payer account. <see cref="DueOn"/> is null for a service charge waiting for the payment request of the 15th.</summary>
[EntityName("fees.charge-issued.v1"), MessageUrn("fees.charge-issued.v1")]
public sealed record ChargeIssuedV1(
    Guid ChargeId, Guid AccountId, string EstateId, string FeeType, string Period, string StandardCode, decimal Amount,
    DateOnly? DueOn, string? SourceRef, DateTimeOffset IssuedAt);

/// <summary>The 《付款请求书》 of the 15th for an account: a downstream notifier tells the owner.</summary>
[EntityName("fees.payment-request-issued.v1"), MessageUrn("fees.payment-request-issued.v1")]
public sealed record PaymentRequestIssuedV1(
    Guid RequestId, Guid AccountId, string EstateId, IReadOnlyList<Guid> ChargeIds, decimal Total, DateOnly DueOn, DateTimeOffset IssuedAt);

[EntityName("fees.payment-received.v1"), MessageUrn("fees.payment-received.v1")]
public sealed record PaymentReceivedV1(
    Guid PaymentId, string ReceiptNumber, Guid AccountId, string EstateId, decimal Amount, string Currency, string Channel, DateTimeOffset ReceivedAt);

[EntityName("fees.charge-overdue.v1"), MessageUrn("fees.charge-overdue.v1")]
public sealed record ChargeOverdueV1(
    Guid ChargeId, Guid AccountId, string EstateId, string FeeType, DateOnly DueOn, decimal Owed, DateTimeOffset DetectedAt);

[EntityName("fees.account-disputed.v1"), MessageUrn("fees.account-disputed.v1")]
public sealed record AccountDisputedV1(
    Guid AccountId, string EstateId, Guid DisputeId, string Reason, Guid? ComplaintId, IReadOnlyList<Guid> ChargeIds, DateTimeOffset DisputedAt);

[EntityName("fees.dispute-resolved.v1"), MessageUrn("fees.dispute-resolved.v1")]
public sealed record DisputeResolvedV1(Guid AccountId, string EstateId, Guid DisputeId, string Resolution, DateTimeOffset ResolvedAt);

[EntityName("fees.refund-paid.v1"), MessageUrn("fees.refund-paid.v1")]
public sealed record RefundPaidV1(Guid RefundId, Guid AccountId, string EstateId, decimal Amount, DateTimeOffset PaidAt);
