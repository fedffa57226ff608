using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Security;
using Platform.Fees.Accounts;

namespace Platform.Fees.Features;

/// <summary>
/// The unit's payer changes (a new tenant moves in, 「公寓多为出租户」 000:138, or the flat is sold): the account and its
/// ledger stay with the unit, and charges from now on are the new payer's to pay.
/// </summary>
public sealed record ChangePayer(Guid AccountId, PayerKind PayerKind, Payer Payer, Actor By) : IPayerAccountCommand
{
    public static Decision Decide(ChangePayer command, PayerAccountState state, DateTimeOffset now)
    {
        var invalid = CommandRules.RequireRole(command.By, FeeRoles.Finance, "payers-are-changed-by-finance", "Only finance changes an account's payer.")
            ?? FeeRules.RequireText(command.Payer.Name, "payer.name", "The payer's name")
            ?? (command.Payer.Phone is { Length: > 0 } phone && !PersonalData.IsPlausiblePhone(phone)
                ? Rejection.Invalid("phone-invalid", "payer.phone", "The phone number is not one a caller could be reached at.")
                : null);
        if (invalid is not null) return invalid;

        var payer = new Payer(command.Payer.Name.Trim(), command.Payer.Phone?.Trim());
        return payer == state.Payer && command.PayerKind == state.PayerKind
            ? Decision.NoChange
            : Decision.Accept(new PayerChanged(state.PayerKind, command.PayerKind, payer, now));
    }
}
