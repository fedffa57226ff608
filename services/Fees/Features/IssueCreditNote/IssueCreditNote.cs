using Platform.BuildingBlocks.EventSourcing;
using Platform.Fees.Accounts;

namespace Platform.Fees.Features;

/// <summary>A credit note (a goodwill reduction, an agreed discount) lowers what a charge owes, by a manager's decision.</summary>
public sealed record IssueCreditNote(Guid AccountId, Guid CreditNoteId, Guid ChargeId, decimal Amount, string Reason, Actor By) : IPayerAccountCommand
{
    public static Decision Decide(IssueCreditNote command, PayerAccountState state, DateTimeOffset now)
    {
        if (CommandRules.RequireRole(command.By, FeeRoles.Approvers, "credit-notes-need-a-manager", "A department or general manager issues credit notes.") is { } forbidden)
            return forbidden;
        if (state.Postings.Contains(command.CreditNoteId)) return Decision.NoChange;
        var invalid = FeeRules.RequireAmount(command.Amount, "amount") ?? FeeRules.RequireText(command.Reason, "reason", "The reason for the credit note");
        if (invalid is not null) return invalid;
        if (state.ChargeOf(command.ChargeId) is not { Reversed: false } charge)
            return Rejection.Invalid("charge-not-found", "chargeId", "The account has no such charge open.");
        if (command.Amount > charge.Owed)
            return Rejection.Invalid("credit-note-exceeds-owed", "amount", $"The charge owes {charge.Owed} yuan; a credit note cannot exceed it.");

        return Decision.Accept(new CreditNoteIssued(command.CreditNoteId, charge.ChargeId, command.Amount, command.Reason.Trim(), now));
    }
}
