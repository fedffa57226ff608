using System.Security.Claims;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Security;
using Platform.Fees.Accounts;
using Platform.Fees.Api;
using Platform.Fees.Features;
using Platform.Fees.Receipts;

namespace Platform.Fees.Payments;

/// <summary>A receipted payment as the API shows it. <see cref="Applied"/> turns true once the account has taken it.</summary>
public sealed record PaymentView(
    Guid Id, string ReceiptNumber, Guid AccountId, string EstateId, decimal Amount, string Currency, string Channel,
    string? ReceivedBy, DateTimeOffset ReceivedAt, bool Applied, bool Reversed, string? HandedOverTo, IReadOnlyList<PaymentAllocationView> Allocations);

public sealed record PaymentAllocationView(Guid? ChargeId, string FeeType, decimal Amount);

/// <summary>
/// Records a payment in the receipt book of the account's estate and year, for the HTTP API and the payment provider's
/// confirmations alike: the account is read first (the decider refuses an unknown one), then one append to the book.
/// </summary>
public sealed class PaymentDesk(
    CommandHandler<ReceiptBookState, IReceiptBookCommand> books,
    CommandHandler<PayerAccountState, IPayerAccountCommand> accounts,
    FeePolicies policies,
    TimeProvider time)
{
    public sealed record Request(Guid PaymentId, Guid AccountId, decimal Amount, string Currency, PaymentChannel Channel, string? ProviderReference);

    /// <param name="caller">The user, whose token must cover the account's estate; null for the payment provider.</param>
    public async Task<CommandOutcome<ReceiptBookState>> RecordAsync(Request request, Actor by, ClaimsPrincipal? caller, CommandEnvelope envelope, CancellationToken ct)
    {
        var account = (await accounts.LoadAsync(FeeStreams.Accounts.For(request.AccountId), ct)).State;
        if (!account.Exists || (caller is not null && !caller.CanSeeEstate(account.Unit.EstateId)))
            account = PayerAccountState.Initial;
        // An unknown account has no estate, so no book: the decider answers on an empty one and nothing is stored.
        var estate = account.Exists ? account.Unit.EstateId : "";
        var policy = policies.For(estate);
        var year = FeeRules.LocalDay(time.GetUtcNow(), policy.TimeZone).Year;
        var command = new RecordPayment(estate, year, policy.ReceiptPrefixFor(estate), request.PaymentId, account, request.Amount,
            request.Currency, request.Channel, request.ProviderReference, by);
        if (!account.Exists)
            return ReceiptBookDecider.Refusal(command) is { } refused
                ? new CommandOutcome<ReceiptBookState>.Rejected(refused)
                : throw new InvalidOperationException("An unknown account must be refused.");

        return await books.HandleAsync(FeeStreams.ReceiptBooks.For(FeeStreams.ReceiptBookId(estate, year)), command, envelope, ct);
    }

    /// <summary>The payment as its book holds it: not yet applied, as far as the answer to the request knows.</summary>
    public static PaymentView? ViewOf(ReceiptBookState book, Guid paymentId) =>
        book.Receipts.TryGetValue(paymentId, out var r)
            ? new PaymentView(r.PaymentId, r.Number, r.AccountId, book.EstateId, r.Amount, RecordPayment.Yuan, BuildingBlocks.EventSourcing.WireName.Of(r.Channel),
                null, r.ReceivedAt, false, false, null, [])
            : null;
}
