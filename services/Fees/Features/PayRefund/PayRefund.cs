using Platform.BuildingBlocks.EventSourcing;
using Platform.Fees.Accounts;

namespace Platform.Fees.Features;

/// <summary>Finance pays an approved refund and records the transfer's reference; the payout is a ledger entry too.</summary>
public sealed record PayRefund(Guid AccountId, Guid RefundId, string PaymentReference, Actor By) : IPayerAccountCommand
{
    public static Decision Decide(PayRefund command, PayerAccountState state, DateTimeOffset now)
    {
        if (CommandRules.RequireRole(command.By, FeeRoles.Finance, "refunds-are-paid-by-finance", "Only finance pays refunds.") is { } forbidden)
            return forbidden;
        if (!state.Refunds.TryGetValue(command.RefundId, out var refund))
            return Rejection.NotFound("refund-not-found", "The account has no such approved refund.");
        if (refund.Paid) return Decision.NoChange;
        if (FeeRules.RequireText(command.PaymentReference, "paymentReference", "The refund transfer's reference") is { } invalid) return invalid;

        return Decision.Accept(new RefundPaid(refund.RefundId, refund.Amount, command.PaymentReference.Trim(), now));
    }
}
