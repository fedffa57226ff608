using Platform.BuildingBlocks.EventSourcing;

namespace Platform.Complaints.Features;

/// <summary>
/// Money was paid to the complainant, possibly in parts. Only against approved compensation with a supplementary
/// agreement that legal counsel confirmed and that was signed (000:406), and never more than was approved.
/// </summary>
public sealed record RecordCompensationPayout(decimal Amount, string? PaymentReference, Actor By) : IComplaintCommand
{
    public static Decision Decide(RecordCompensationPayout command, ComplaintState state, DateTimeOffset now)
    {
        var mayRecord = command.By.HasAnyRole(ComplaintRules.PayoutRecorderRoles) || ComplaintRules.IsSystem(command.By);
        if (!mayRecord)
            return Rejection.Forbidden("payout-needs-complaint-supervisor-or-finance", "A payout is recorded by finance or a complaint supervisor or above.");
        if ((ComplaintRules.RequireOpen(state) ?? CompensationAuthority.RequireOpenClaim(state)) is { } rejection) return rejection;
        var claim = state.Claim!;
        if (!Money.IsPositiveYuan(command.Amount))
            return Rejection.Invalid("payout-amount-invalid", "amount", "The amount must be more than 0 yuan, with at most two decimal places, and at most 100,000,000.");
        if (!claim.IsApproved)
            return Rejection.Conflict("payout-needs-approval", "The compensation is not approved.");
        if (!claim.IsLegallyConfirmed || !claim.IsSigned)
            return Rejection.Conflict("payout-needs-legal-agreement",
                "No payout without a supplementary agreement confirmed by legal counsel and signed (000:406).");
        var paid = claim.PaidAmount + command.Amount;
        if (paid > claim.ApprovedAmount)
            return Rejection.Conflict("payout-exceeds-approved-amount",
                $"{claim.ApprovedAmount} yuan was approved and {claim.PaidAmount} yuan is already paid.");

        return Decision.Accept(new CompensationPayoutRecorded(
            claim.Number, command.Amount, ComplaintRules.Trimmed(command.PaymentReference), FullyPaid: paid == claim.ApprovedAmount, now));
    }
}
