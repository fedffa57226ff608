using Platform.BuildingBlocks.EventSourcing;
using Platform.Fees.Accounts;
using Platform.Fees.Receipts;

namespace Platform.Fees.Features;

/// <summary>
/// Money taken for an account: at the window by finance (001:57), at the front desk by customer service on holidays,
/// at lunch and after hours (002:58, S26), at the door by a collector (001:277), or confirmed by a payment provider
/// (the system, through Dapr). A technician never takes money (「维修(服务)人员不得直接向业户收费」, 001:273). Only yuan
/// (CNY). The receipt number is the next of the estate's book for the year: "{prefix}/2026/000123". The payment id
/// makes a repeat a no-op that answers with the first receipt.
/// </summary>
public sealed record RecordPayment(
    string EstateId,
    int Year,
    string ReceiptPrefix,
    Guid PaymentId,
    PayerAccountState Account,
    decimal Amount,
    string Currency,
    PaymentChannel Channel,
    string? ProviderReference,
    Actor By) : IReceiptBookCommand
{
    public const string Yuan = "CNY";

    public static Decision Decide(RecordPayment command, ReceiptBookState state, DateTimeOffset now)
    {
        if (command.By.HasRole(Roles.Technician))
            return Rejection.Forbidden("technician-cannot-take-payment", "Technicians never take payment from owners (001:273); the charge is billed through Fees.");
        if (ChannelRule(command) is { } wrongChannel) return wrongChannel;
        if (state.Receipts.ContainsKey(command.PaymentId)) return Decision.NoChange;

        var invalid = FeeRules.RequireAmount(command.Amount, "amount")
            ?? (command.Currency != Yuan ? Rejection.Invalid("currency-not-cny", "currency", "Fees are paid in yuan (CNY).") : null)
            ?? (!command.Account.Exists || command.Account.Unit.EstateId != command.EstateId
                ? Rejection.Invalid("account-not-found", "accountId", "There is no payer account with this id in the estate.")
                : null);
        if (invalid is not null) return invalid;

        var sequence = state.LastSequence + 1;
        var number = $"{command.ReceiptPrefix}/{command.Year:D4}/{sequence:D6}";
        return Decision.Accept(new PaymentReceived(
            command.PaymentId, number, sequence, command.EstateId, command.Account.Id, command.Amount, Yuan, command.Channel, command.ProviderReference?.Trim(), now));
    }

    /// <summary>Each channel is the work of its own staff: the provider's confirmations come only through the system.</summary>
    private static Rejection? ChannelRule(RecordPayment command)
    {
        var by = command.By;
        var allowed = command.Channel switch
        {
            PaymentChannel.Window => by.HasRole(Roles.FinanceClerk),
            PaymentChannel.FrontDesk => by.HasAnyRole(FeeRoles.CustomerService) || by.HasRole(Roles.FinanceClerk),
            PaymentChannel.DoorCollection => by.HasRole(Roles.Collector) || by.HasRole(Roles.FinanceClerk),
            PaymentChannel.PaymentProvider => by.HasRole(Roles.System),
            _ => false,
        };
        return allowed
            ? null
            : Rejection.Forbidden("channel-not-yours", command.Channel switch
            {
                PaymentChannel.Window => "The window is finance's.",
                PaymentChannel.FrontDesk => "Front-desk collection is customer service's (or finance's).",
                PaymentChannel.DoorCollection => "Door collection is a collector's (or finance's).",
                _ => "Payment-provider confirmations arrive only from the provider.",
            });
    }
}
