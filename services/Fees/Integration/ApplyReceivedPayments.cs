using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.Messaging;
using Platform.Fees.Accounts;
using Platform.Fees.Features;
using Platform.Fees.Receipts;

namespace Platform.Fees.Integration;

/// <summary>
/// A receipted payment is applied to its account from the stored receipt (the request writes once, to the receipt
/// book). The account refuses a second application of the same payment, so a re-run after a crash changes nothing.
/// </summary>
public sealed class ApplyReceivedPayments(CommandHandler<PayerAccountState, IPayerAccountCommand> accounts) : IEventReaction
{
    public async Task ReactAsync(object domainEvent, RecordedEvent recorded, CancellationToken ct)
    {
        if (domainEvent is not PaymentReceived e) return;
        var apply = new ApplyPayment(e.AccountId, e.PaymentId, e.ReceiptNumber, e.Amount, e.Channel, e.ReceivedAt, Actor.System);
        (await accounts.HandleAsync(FeeStreams.Accounts.For(e.AccountId), apply, EventReactions.EnvelopeFor(recorded), ct))
            .ThrowIfRejected($"Applying payment {e.ReceiptNumber}");
    }
}
