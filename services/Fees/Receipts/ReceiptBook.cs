using System.Collections.Immutable;
using Platform.BuildingBlocks.EventSourcing;
using Platform.Fees.Features;

namespace Platform.Fees.Receipts;

/// <summary>
/// A payment taken and receipted (「将收取的费用登记入账」, 001:277). The receipt number is the next of the estate's book for
/// the year, so numbers are unique and have no gaps; the account is credited from this event (a reaction).
/// </summary>
[EventType("PaymentReceived.v1")]
public sealed record PaymentReceived(
    Guid PaymentId,
    string ReceiptNumber,
    int Sequence,
    string EstateId,
    Guid AccountId,
    decimal Amount,
    string Currency,
    PaymentChannel Channel,
    string? ProviderReference,
    DateTimeOffset ReceivedAt);

/// <summary>Front-desk collections handed over to the customer-service staff who account for them (002:58).</summary>
[EventType("CollectionsHandedOver.v1")]
public sealed record CollectionsHandedOver(Guid HandOverId, IReadOnlyList<Guid> PaymentIds, decimal Total, string HandedOverTo, DateTimeOffset HandedOverAt);

public sealed record Receipt(Guid PaymentId, string Number, Guid AccountId, decimal Amount, PaymentChannel Channel, DateTimeOffset ReceivedAt, bool HandedOver);

/// <summary>The receipt book of one estate and year: stream fees.receipt-book-{id of estate and year}.</summary>
public sealed record ReceiptBookState
{
    public static ReceiptBookState Initial { get; } = new();

    public string EstateId { get; init; } = "";
    public int LastSequence { get; init; }
    public ImmutableDictionary<Guid, Receipt> Receipts { get; init; } = ImmutableDictionary<Guid, Receipt>.Empty;
    public ImmutableHashSet<Guid> HandOvers { get; init; } = [];

    public ReceiptBookState Apply(object @event) => @event switch
    {
        PaymentReceived e => this with
        {
            EstateId = e.EstateId,
            LastSequence = e.Sequence,
            Receipts = Receipts.Add(e.PaymentId, new Receipt(e.PaymentId, e.ReceiptNumber, e.AccountId, e.Amount, e.Channel, e.ReceivedAt, false)),
        },
        CollectionsHandedOver e => this with
        {
            HandOvers = HandOvers.Add(e.HandOverId),
            Receipts = e.PaymentIds.Aggregate(Receipts, (r, id) => r.SetItem(id, r[id] with { HandedOver = true })),
        },
        _ => this,
    };
}

public interface IReceiptBookCommand
{
    string EstateId { get; }
    int Year { get; }
    Actor By { get; }
}

public sealed class ReceiptBookDecider : Decider<ReceiptBookState, IReceiptBookCommand>
{
    public override ReceiptBookState Initial => ReceiptBookState.Initial;

    public override ReceiptBookState Evolve(ReceiptBookState state, object @event) => state.Apply(@event);

    /// <summary>What the book answers a payment for an account it cannot find, without a stream to read.</summary>
    public static Rejection? Refusal(RecordPayment command) => RecordPayment.Decide(command, ReceiptBookState.Initial, DateTimeOffset.MinValue).Rejection;

    public override Decision Decide(IReceiptBookCommand command, ReceiptBookState state, DateTimeOffset now) => command switch
    {
        RecordPayment c => RecordPayment.Decide(c, state, now),
        HandOverCollections c => HandOverCollections.Decide(c, state, now),
        _ => throw new ArgumentException($"{command.GetType().Name} is not a receipt-book command.", nameof(command)),
    };
}
