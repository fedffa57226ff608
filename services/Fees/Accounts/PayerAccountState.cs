using System.Collections.Immutable;

namespace Platform.Fees.Accounts;

public sealed record Charge(
    Guid ChargeId,
    int Sequence,
    FeeType FeeType,
    string Period,
    string StandardCode,
    decimal Rate,
    decimal Quantity,
    decimal Amount,
    DateOnly? DueOn,
    DateTimeOffset? OverdueFrom,
    string? SourceRef,
    DateTimeOffset IssuedAt)
{
    public decimal Paid { get; init; }
    public decimal Credited { get; init; }
    public decimal LateFee { get; init; }
    public DateOnly? LateFeeThrough { get; init; }
    public DateTimeOffset? NextLateFeeAt { get; init; }
    public bool Reversed { get; init; }
    public bool MarkedOverdue { get; init; }
    public Guid? PaymentRequestId { get; init; }

    public decimal Owed => Reversed ? 0 : Amount + LateFee - Paid - Credited;
    public bool IsOpen => Owed > 0;
    public bool AwaitsPaymentRequest => DueOn is null;
}

public sealed record Dispute(Guid DisputeId, DisputeReason Reason, Guid? ComplaintId, DateTimeOffset OpenedAt);

public sealed record AppliedPayment(Guid PaymentId, string ReceiptNumber, decimal Amount, IReadOnlyList<ChargeAllocation> Allocations, decimal ToCredit, bool Reversed);

public sealed record Refund(Guid RefundId, decimal Amount, DateTimeOffset PayBy, bool Paid, bool MarkedOverdue);

public enum LedgerEntryKind { Charge, LateFee, Payment, CreditNote, ChargeReversal, PaymentReversal, Refund }

/// <summary>
/// One posting. A positive <see cref="Amount"/> is owed by the payer (a charge, a late fee, a reversed payment, a refund
/// paid out); a negative one is in the payer's favour. <see cref="Reverses"/> names the entry a reversal takes back.
/// </summary>
public sealed record LedgerEntry(Guid EntryId, LedgerEntryKind Kind, decimal Amount, string Reference, Guid? Reverses, DateTimeOffset PostedAt);

/// <summary>A payer account folded from its ledger.</summary>
public sealed record PayerAccountState
{
    public static PayerAccountState Initial { get; } = new();

    public bool Exists { get; init; }
    public Guid Id { get; init; }
    public UnitAddress Unit { get; init; } = new("", "", null, null);
    public PayerKind PayerKind { get; init; }
    public Payer Payer { get; init; } = new("", null);
    public Occupancy Occupancy { get; init; }
    public decimal FloorArea { get; init; }
    public int ParkingSpaces { get; init; }
    public string? PropertyFeeStandard { get; init; }
    public string? ParkingFeeStandard { get; init; }
    public DateTimeOffset OpenedAt { get; init; }

    public ImmutableList<Charge> Charges { get; init; } = [];
    public decimal Credit { get; init; }
    public ImmutableDictionary<Guid, AppliedPayment> Payments { get; init; } = ImmutableDictionary<Guid, AppliedPayment>.Empty;
    public ImmutableHashSet<Guid> PaymentRequests { get; init; } = [];
    public Dispute? OpenDispute { get; init; }
    public ImmutableHashSet<Guid> ClosedDisputes { get; init; } = [];
    public DateTimeOffset? LastDisputeResolvedAt { get; init; }
    public ImmutableDictionary<Guid, Refund> Refunds { get; init; } = ImmutableDictionary<Guid, Refund>.Empty;
    public ImmutableHashSet<Guid> Postings { get; init; } = [];
    public int DunningLevelReached { get; init; }
    public ImmutableList<LedgerEntry> Ledger { get; init; } = [];

    public bool IsDisputed => OpenDispute is not null;
    public decimal Owed => Charges.Sum(c => c.Owed);
    public decimal Balance => Ledger.Sum(e => e.Amount);

    public Charge? ChargeOf(Guid chargeId) => Charges.FirstOrDefault(c => c.ChargeId == chargeId);

    public ChargeStatus StatusOf(Charge charge) => charge switch
    {
        { Reversed: true } => ChargeStatus.Reversed,
        { IsOpen: false } => ChargeStatus.Paid,
        _ when IsDisputed => ChargeStatus.Disputed,
        { AwaitsPaymentRequest: true } => ChargeStatus.AwaitingPaymentRequest,
        { MarkedOverdue: true } => ChargeStatus.Overdue,
        _ => ChargeStatus.Issued,
    };

    /// <summary>Open charges that money may go to, oldest first. Disputed charges are withheld, so none while a dispute is open.</summary>
    public IEnumerable<Charge> PayableCharges => IsDisputed ? [] : Charges.Where(c => c.IsOpen).OrderBy(c => c.Sequence);

    public PayerAccountState Apply(object @event) => @event switch
    {
        PayerAccountOpened e => this with
        {
            Exists = true,
            Id = e.AccountId,
            Unit = e.Unit,
            PayerKind = e.PayerKind,
            Payer = e.Payer,
            Occupancy = e.Occupancy,
            FloorArea = e.FloorArea,
            ParkingSpaces = e.ParkingSpaces,
            PropertyFeeStandard = e.PropertyFeeStandard,
            ParkingFeeStandard = e.ParkingFeeStandard,
            OpenedAt = e.OpenedAt,
        },
        OccupancyChanged e => this with { Occupancy = e.To },
        PayerChanged e => this with { PayerKind = e.To, Payer = e.Payer },
        ChargeIssued e => this with
        {
            Charges = Charges.Add(new Charge(e.ChargeId, Charges.Count + 1, e.FeeType, e.Period, e.StandardCode, e.Rate, e.Quantity, e.Amount,
                e.DueOn, e.OverdueFrom, e.SourceRef, e.IssuedAt)),
            Postings = Postings.Add(e.ChargeId),
            Ledger = Ledger.Add(new LedgerEntry(e.ChargeId, LedgerEntryKind.Charge, e.Amount, $"{WireNameOf(e.FeeType)} {e.Period}", null, e.IssuedAt)),
        },
        CreditApplied e => WithCharge(e.ChargeId, c => c with { Paid = c.Paid + e.Amount }) with { Credit = Credit - e.Amount },
        PaymentRequestIssued e => WithCharges(e.ChargeIds, c => c with { DueOn = e.DueOn, OverdueFrom = e.OverdueFrom, PaymentRequestId = e.RequestId })
            with { PaymentRequests = PaymentRequests.Add(e.RequestId) },
        PaymentApplied e => e.Allocations.Aggregate(this, (s, a) => s.WithCharge(a.ChargeId, c => c with { Paid = c.Paid + a.Amount })) with
        {
            Credit = Credit + e.ToCredit,
            Payments = Payments.SetItem(e.PaymentId, new AppliedPayment(e.PaymentId, e.ReceiptNumber, e.Amount, e.Allocations, e.ToCredit, false)),
            Ledger = Ledger.Add(new LedgerEntry(e.PaymentId, LedgerEntryKind.Payment, -e.Amount, e.ReceiptNumber, null, e.AppliedAt)),
        },
        ChargeOverdue e => WithCharge(e.ChargeId, c => c with { MarkedOverdue = true, NextLateFeeAt = e.NextLateFeeAt }),
        LateFeeAccrued e => WithCharge(e.ChargeId, c => c with { LateFee = c.LateFee + e.Amount, LateFeeThrough = e.ThroughDay, NextLateFeeAt = e.NextAccrualAt }) with
        {
            Ledger = Ledger.Add(new LedgerEntry(e.ChargeId, LedgerEntryKind.LateFee, e.Amount, $"late fee {e.FromDay:yyyy-MM-dd}..{e.ThroughDay:yyyy-MM-dd}", null, e.AccruedAt)),
        },
        DunningActionRecorded e => this with { DunningLevelReached = Math.Max(DunningLevelReached, e.Level) },
        ChargesDisputed e => this with { OpenDispute = new Dispute(e.DisputeId, e.Reason, e.ComplaintId, e.DisputedAt) },
        DisputeResolved e => this with { OpenDispute = null, ClosedDisputes = ClosedDisputes.Add(e.DisputeId), LastDisputeResolvedAt = e.ResolvedAt },
        ChargeReversed e => WithCharge(e.ChargeId, c => c with { Reversed = true }) with
        {
            Credit = Credit + e.ReleasedToCredit,
            Postings = Postings.Add(e.ReversalId),
            Ledger = Ledger.Add(new LedgerEntry(e.ReversalId, LedgerEntryKind.ChargeReversal, -(ChargeOf(e.ChargeId)!.Amount + ChargeOf(e.ChargeId)!.LateFee), e.Reason, e.ChargeId, e.ReversedAt)),
        },
        PaymentReversed e => e.FromCharges.Aggregate(this, (s, a) => s.WithCharge(a.ChargeId, c => c with { Paid = c.Paid - a.Amount })) with
        {
            Credit = Credit - e.FromCredit,
            Payments = Payments.SetItem(e.PaymentId, Payments[e.PaymentId] with { Reversed = true }),
            Postings = Postings.Add(e.ReversalId),
            Ledger = Ledger.Add(new LedgerEntry(e.ReversalId, LedgerEntryKind.PaymentReversal, Payments[e.PaymentId].Amount, e.Reason, e.PaymentId, e.ReversedAt)),
        },
        CreditNoteIssued e => WithCharge(e.ChargeId, c => c with { Credited = c.Credited + e.Amount }) with
        {
            Postings = Postings.Add(e.CreditNoteId),
            Ledger = Ledger.Add(new LedgerEntry(e.CreditNoteId, LedgerEntryKind.CreditNote, -e.Amount, e.Reason, null, e.IssuedAt)),
        },
        // Approved refunds hold their credit, so it cannot also pay a charge or a second refund.
        RefundApproved e => this with { Credit = Credit - e.Amount, Refunds = Refunds.SetItem(e.RefundId, new Refund(e.RefundId, e.Amount, e.PayBy, false, false)) },
        RefundPaid e => this with
        {
            Refunds = Refunds.SetItem(e.RefundId, Refunds[e.RefundId] with { Paid = true }),
            Ledger = Ledger.Add(new LedgerEntry(e.RefundId, LedgerEntryKind.Refund, e.Amount, e.PaymentReference, null, e.PaidAt)),
        },
        RefundOverdue e => this with { Refunds = Refunds.SetItem(e.RefundId, Refunds[e.RefundId] with { MarkedOverdue = true }) },
        _ => this,
    };

    private PayerAccountState WithCharge(Guid chargeId, Func<Charge, Charge> change) =>
        this with { Charges = Charges.Select(c => c.ChargeId == chargeId ? change(c) : c).ToImmutableList() };

    private PayerAccountState WithCharges(IReadOnlyList<Guid> chargeIds, Func<Charge, Charge> change) =>
        this with { Charges = Charges.Select(c => chargeIds.Contains(c.ChargeId) ? change(c) : c).ToImmutableList() };

    private static string WireNameOf(FeeType type) => BuildingBlocks.EventSourcing.WireName.Of(type);
}
