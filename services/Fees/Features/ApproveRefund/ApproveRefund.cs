using Platform.BuildingBlocks.EventSourcing;
using Platform.Fees.Accounts;

namespace Platform.Fees.Features;

/// <summary>
/// A refund of the account's credit, approved by a manager, to be paid within the estate's limit after approval (a week
/// by default: 「签批后一周内办理好相关退款手续」, 000:392). The credit is held for it from approval.
/// </summary>
public sealed record ApproveRefund(Guid AccountId, Guid RefundId, decimal Amount, string Reason, FeePolicy Policy, Actor By) : IPayerAccountCommand
{
    public static Decision Decide(ApproveRefund command, PayerAccountState state, DateTimeOffset now)
    {
        if (CommandRules.RequireRole(command.By, FeeRoles.Approvers, "refunds-need-a-manager", "A department or general manager approves refunds.") is { } forbidden)
            return forbidden;
        if (state.Refunds.ContainsKey(command.RefundId)) return Decision.NoChange;
        var invalid = FeeRules.RequireAmount(command.Amount, "amount") ?? FeeRules.RequireText(command.Reason, "reason", "The reason for the refund");
        if (invalid is not null) return invalid;
        if (command.Amount > state.Credit)
            return Rejection.Invalid("refund-exceeds-credit", "amount", $"The account's credit is {state.Credit} yuan; only credit is refunded.");

        return Decision.Accept(new RefundApproved(command.RefundId, command.Amount, command.Reason.Trim(), now + command.Policy.RefundWithin, now));
    }
}
