using Platform.BuildingBlocks.EventSourcing;
using Platform.Fees.Accounts;

namespace Platform.Fees.Features;

/// <summary>
/// A payment taken back (a bounced transfer, money on the wrong account): the receipt stays, the reversal names it. The
/// amount comes off the account's credit first, then off the charges it paid, newest first, which are owed again.
/// Money already refunded cannot be taken back this way.
/// </summary>
public sealed record ReversePayment(Guid AccountId, Guid ReversalId, Guid PaymentId, string Reason, Actor By) : IPayerAccountCommand
{
    public static Decision Decide(ReversePayment command, PayerAccountState state, DateTimeOffset now)
    {
        if (CommandRules.RequireRole(command.By, FeeRoles.Finance, "reversals-are-finance", "Only finance posts reversals.") is { } forbidden)
            return forbidden;
        if (state.Postings.Contains(command.ReversalId)) return Decision.NoChange;
        if (FeeRules.RequireText(command.Reason, "reason", "The reason for the reversal") is { } invalid) return invalid;
        if (!state.Payments.TryGetValue(command.PaymentId, out var payment))
            return Rejection.Invalid("payment-not-found", "paymentId", "No such payment was applied to this account.");
        if (payment.Reversed)
            return Rejection.Conflict("payment-already-reversed", "The payment was reversed already.");

        var fromCredit = Math.Min(state.Credit, payment.Amount);
        var left = payment.Amount - fromCredit;
        var fromCharges = new List<ChargeAllocation>();
        foreach (var charge in state.Charges.Where(c => c.Paid > 0 && !c.Reversed).OrderByDescending(c => c.Sequence))
        {
            if (left <= 0) break;
            var amount = Math.Min(left, charge.Paid);
            fromCharges.Add(new ChargeAllocation(charge.ChargeId, amount));
            left -= amount;
        }
        if (left > 0)
            return Rejection.Conflict("payment-already-refunded", "Part of this payment was refunded; reverse the refund's effect with finance first.");

        return Decision.Accept(new PaymentReversed(command.ReversalId, payment.PaymentId, command.Reason.Trim(), fromCredit, fromCharges, now));
    }
}
