using Platform.BuildingBlocks.EventSourcing;
using Platform.Fees.Accounts;
using Platform.Fees.Standards;

namespace Platform.Fees.Features;

/// <summary>
/// A charge on the account at the rate of a standard in force on <see cref="ServiceDay"/> (「坚决杜绝乱收费」, 000:26; S24).
/// <see cref="Standard"/> is the standard the charge names, as the handler found it (an empty state: none). The id is
/// derived by the caller (account and period, or the work order), so a repeat issues nothing twice. A charge waiting
/// for the payment request of the 15th has no due date yet; any other is due on <see cref="DueOn"/>. Credit on the
/// account pays it at once. <see cref="ExpectedAmount"/>, when given, must be what the standard gives.
/// </summary>
public sealed record IssueCharge(
    Guid AccountId,
    Guid ChargeId,
    string StandardCode,
    FeeStandardState Standard,
    decimal? Rate,
    decimal Quantity,
    decimal? ExpectedAmount,
    BillingPeriod Period,
    DateOnly ServiceDay,
    DateOnly? DueOn,
    string? SourceRef,
    FeePolicy Policy,
    Actor By) : IPayerAccountCommand
{
    public static Decision Decide(IssueCharge command, PayerAccountState state, DateTimeOffset now)
    {
        if (CommandRules.RequireRole(command.By, FeeRoles.Finance, "charges-are-issued-by-finance", "Only finance issues charges.") is { } forbidden)
            return forbidden;
        if (state.Postings.Contains(command.ChargeId)) return Decision.NoChange;

        if (string.IsNullOrWhiteSpace(command.StandardCode))
            return Rejection.Invalid("fee-standard-required", "standardCode", "A charge names the approved fee standard it is issued under.");
        if (!command.Standard.Exists || command.Standard.EstateId != state.Unit.EstateId)
            return Rejection.Invalid("fee-standard-not-found", "standardCode", $"The estate has no approved fee standard '{command.StandardCode}'.");
        if (command.Standard.InForceOn(command.ServiceDay) is not { } inForce)
            return Rejection.Invalid("fee-standard-not-in-force", "standardCode",
                $"Standard {command.Standard.Code} is not in force on {command.ServiceDay:yyyy-MM-dd}.");
        if (command.Rate is { } rate && rate != inForce.Rate)
            return Rejection.Invalid("rate-differs-from-standard", "rate",
                $"The rate of {command.Standard.Code} on {command.ServiceDay:yyyy-MM-dd} is {inForce.Rate} yuan; no other rate may be charged.");
        if (command.Quantity <= 0 || command.Quantity > 1_000_000 || decimal.Round(command.Quantity, 2) != command.Quantity)
            return Rejection.Invalid("quantity-invalid", "quantity", "The quantity is more than 0, at most 1,000,000, with at most 2 decimal places.");
        if (command.Standard.Unit is RateUnit.PerJob or RateUnit.PerItem && command.Quantity != decimal.Truncate(command.Quantity))
            return Rejection.Invalid("quantity-not-whole", "quantity", "A standard per job or per item is charged in whole numbers.");
        if (command.DueOn is { } due && due < command.Period.FirstDay)
            return Rejection.Invalid("due-before-period", "dueOn", "A charge falls due no earlier than its period starts.");

        var amount = Yuan.Round(inForce.Rate * command.Quantity);
        if (command.ExpectedAmount is { } expected && expected != amount)
            return Rejection.Invalid("amount-differs-from-standard", "amount",
                $"At {inForce.Rate} yuan × {command.Quantity} the charge is {amount} yuan, not {expected}.");
        if (FeeRules.RequireAmount(amount, "quantity") is { } tooMuch) return tooMuch;

        var issued = new ChargeIssued(
            command.ChargeId, command.Standard.FeeType, command.Period.ToString(), command.Standard.Code, inForce.Rate, command.Standard.Unit,
            command.Quantity, amount, command.DueOn,
            command.DueOn is { } dueOn ? FeeRules.StartOfDay(dueOn.AddDays(1), command.Policy.TimeZone) : null,
            command.SourceRef, now);
        return CreditSettlement.AcceptThenSettle(state, now, issued);
    }
}
