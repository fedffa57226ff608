using Platform.BuildingBlocks.EventSourcing;
using Platform.Fees.Accounts;

namespace Platform.Fees.Features;

/// <summary>
/// A charge issued in error is reversed, never edited: the reversal names it and gives the reason. What had been paid on
/// it becomes credit, which goes to the account's other open charges.
/// </summary>
public sealed record ReverseCharge(Guid AccountId, Guid ReversalId, Guid ChargeId, string Reason, Actor By) : IPayerAccountCommand
{
    public static Decision Decide(ReverseCharge command, PayerAccountState state, DateTimeOffset now)
    {
        if (CommandRules.RequireRole(command.By, FeeRoles.Finance, "reversals-are-finance", "Only finance posts reversals.") is { } forbidden)
            return forbidden;
        if (state.Postings.Contains(command.ReversalId)) return Decision.NoChange;
        if (FeeRules.RequireText(command.Reason, "reason", "The reason for the reversal") is { } invalid) return invalid;
        if (state.ChargeOf(command.ChargeId) is not { } charge)
            return Rejection.Invalid("charge-not-found", "chargeId", "The account has no such charge.");
        if (charge.Reversed)
            return Rejection.Conflict("charge-already-reversed", "The charge was reversed already.");

        return CreditSettlement.AcceptThenSettle(state, now, new ChargeReversed(command.ReversalId, charge.ChargeId, command.Reason.Trim(), charge.Paid, now));
    }
}
