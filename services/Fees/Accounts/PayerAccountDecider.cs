using Platform.BuildingBlocks.EventSourcing;
using Platform.Fees.Features;

namespace Platform.Fees.Accounts;

public interface IPayerAccountCommand
{
    Guid AccountId { get; }
    Actor By { get; }
}

/// <summary>The payer account's rules: folds its ledger and sends each command to its feature's decision.</summary>
public sealed class PayerAccountDecider : Decider<PayerAccountState, IPayerAccountCommand>
{
    public override PayerAccountState Initial => PayerAccountState.Initial;

    public override PayerAccountState Evolve(PayerAccountState state, object @event) => state.Apply(@event);

    public override Decision Decide(IPayerAccountCommand command, PayerAccountState state, DateTimeOffset now)
    {
        if (command is not OpenPayerAccount && !state.Exists)
            return Rejection.NotFound("account-not-found", "There is no payer account for this unit.");

        return command switch
        {
            OpenPayerAccount c => OpenPayerAccount.Decide(c, state, now),
            ChangeOccupancy c => ChangeOccupancy.Decide(c, state, now),
            ChangePayer c => ChangePayer.Decide(c, state, now),
            IssueCharge c => IssueCharge.Decide(c, state, now),
            IssuePaymentRequest c => IssuePaymentRequest.Decide(c, state, now),
            ApplyPayment c => ApplyPayment.Decide(c, state, now),
            MarkOverdue c => MarkOverdue.Decide(c, state, now),
            RecordDunningAction c => RecordDunningAction.Decide(c, state, now),
            DisputeCharges c => DisputeCharges.Decide(c, state, now),
            ResolveDispute c => ResolveDispute.Decide(c, state, now),
            ReverseCharge c => ReverseCharge.Decide(c, state, now),
            ReversePayment c => ReversePayment.Decide(c, state, now),
            IssueCreditNote c => IssueCreditNote.Decide(c, state, now),
            ApproveRefund c => ApproveRefund.Decide(c, state, now),
            PayRefund c => PayRefund.Decide(c, state, now),
            _ => throw new ArgumentException($"{command.GetType().Name} is not a payer-account command.", nameof(command)),
        };
    }
}

/// <summary>Where the account's credit goes: the payable charges, oldest first, as far as it reaches.</summary>
public static class CreditSettlement
{
    public static IEnumerable<CreditApplied> Apply(PayerAccountState state, DateTimeOffset now)
    {
        var credit = state.Credit;
        foreach (var charge in state.PayableCharges)
        {
            if (credit <= 0) yield break;
            var amount = Math.Min(credit, charge.Owed);
            credit -= amount;
            yield return new CreditApplied(charge.ChargeId, amount, now);
        }
    }

    /// <summary>The decision's events followed by the credit applications they make possible.</summary>
    public static Decision AcceptThenSettle(PayerAccountState state, DateTimeOffset now, params object[] events)
    {
        var after = events.Aggregate(state, (s, e) => s.Apply(e));
        return Decision.Accept(events.Concat(Apply(after, now)));
    }
}
