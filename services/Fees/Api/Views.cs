using System.Security.Claims;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Security;
using Platform.Fees.Accounts;
using Platform.Fees.Standards;

namespace Platform.Fees.Api;

public sealed record UnitView(string EstateId, string Building, string? Entrance, string? Room)
{
    public static UnitView From(UnitAddress unit) => new(unit.EstateId, unit.Building, unit.Entrance, unit.Room);
}

public sealed record PayerView(string Name, string? Phone);

public sealed record ChargeView(
    Guid Id, string FeeType, string Period, string StandardCode, decimal Rate, decimal Quantity, decimal Amount, decimal Paid, decimal Credited,
    decimal LateFee, decimal Owed, DateOnly? DueOn, string Status, string? SourceRef, DateTimeOffset IssuedAt);

public sealed record AppliedPaymentView(Guid Id, string ReceiptNumber, decimal Amount, decimal ToCredit, bool Reversed);

public sealed record RefundView(Guid Id, decimal Amount, DateTimeOffset PayBy, bool Paid, bool Overdue);

public sealed record DisputeView(Guid Id, string Reason, Guid? ComplaintId, DateTimeOffset Since);

public sealed record LedgerEntryView(Guid EntryId, string Kind, decimal Amount, string Reference, Guid? Reverses, DateTimeOffset PostedAt);

/// <summary>A payer account as the API shows it: its charges, payments, refunds and ledger, the payer masked for operators.</summary>
public sealed record PayerAccountView(
    Guid Id,
    UnitView Unit,
    string PayerKind,
    PayerView Payer,
    string Occupancy,
    decimal FloorArea,
    int ParkingSpaces,
    string? PropertyFeeStandard,
    string? ParkingFeeStandard,
    decimal Owed,
    decimal Credit,
    decimal Balance,
    DisputeView? Dispute,
    int DunningLevelReached,
    IReadOnlyList<ChargeView> Charges,
    IReadOnlyList<AppliedPaymentView> Payments,
    IReadOnlyList<RefundView> Refunds,
    IReadOnlyList<LedgerEntryView> Ledger,
    DateTimeOffset OpenedAt)
{
    public static PayerAccountView From(PayerAccountState s, ClaimsPrincipal user)
    {
        var unmasked = FeeRoles.PaymentTakers.Any(user.IsInRole);
        return new PayerAccountView(
            s.Id,
            UnitView.From(s.Unit),
            WireName.Of(s.PayerKind),
            unmasked
                ? new PayerView(s.Payer.Name, s.Payer.Phone)
                : new PayerView(PersonalData.MaskName(s.Payer.Name), s.Payer.Phone is { } phone ? PersonalData.MaskPhone(phone) : null),
            WireName.Of(s.Occupancy),
            s.FloorArea,
            s.ParkingSpaces,
            s.PropertyFeeStandard,
            s.ParkingFeeStandard,
            s.Owed,
            s.Credit,
            s.Balance,
            s.OpenDispute is { } d ? new DisputeView(d.DisputeId, WireName.Of(d.Reason), d.ComplaintId, d.OpenedAt) : null,
            s.DunningLevelReached,
            s.Charges.Select(c => new ChargeView(
                c.ChargeId, WireName.Of(c.FeeType), c.Period, c.StandardCode, c.Rate, c.Quantity, c.Amount, c.Paid, c.Credited, c.LateFee, c.Owed,
                c.DueOn, WireName.Of(s.StatusOf(c)), c.SourceRef, c.IssuedAt)).ToList(),
            s.Payments.Values.Select(p => new AppliedPaymentView(p.PaymentId, p.ReceiptNumber, p.Amount, p.ToCredit, p.Reversed))
                .OrderBy(p => p.ReceiptNumber, StringComparer.Ordinal).ToList(),
            s.Refunds.Values.Select(r => new RefundView(r.RefundId, r.Amount, r.PayBy, r.Paid, r.MarkedOverdue)).ToList(),
            s.Ledger.Select(e => new LedgerEntryView(e.EntryId, WireName.Of(e.Kind), e.Amount, e.Reference, e.Reverses, e.PostedAt)).ToList(),
            s.OpenedAt);
    }
}

public sealed record RatePeriodView(decimal Rate, DateOnly From, DateOnly? To, string ApprovalReference);

public sealed record FeeStandardView(
    Guid Id, string EstateId, string Code, string Name, string FeeType, string Unit, IReadOnlyList<RatePeriodView> Rates,
    int ReviewMonth, DateOnly? LastReviewedOn, DateOnly NextReviewDue)
{
    public static FeeStandardView From(FeeStandardState s) => new(
        s.Id, s.EstateId, s.Code, s.Name, WireName.Of(s.FeeType), WireName.Of(s.Unit),
        s.Periods.Select(p => new RatePeriodView(p.Rate, p.From, p.To, p.ApprovalReference)).ToList(),
        s.ReviewMonth, s.LastReviewedOn, s.NextReviewDue);
}
