using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.Messaging;
using Platform.Contracts.Fees;
using Platform.Fees.Accounts;
using Platform.Fees.Receipts;

namespace Platform.Fees.Integration;

/// <summary>
/// Domain events to the integration events of contracts/Fees. Account events need the account as it stood after the
/// event for its estate (<see cref="StateAtEvent"/>); a receipted payment carries what it needs. Ids and amounts only.
/// </summary>
public sealed class FeesOutboxMapper(IEventStore store, EventTypeMap types, Decider<PayerAccountState, IPayerAccountCommand> accounts)
    : IIntegrationEventMapper
{
    public async ValueTask<IReadOnlyList<object>> MapAsync(object domainEvent, RecordedEvent recorded, CancellationToken ct)
    {
        if (domainEvent is PaymentReceived received)
            return [new PaymentReceivedV1(received.PaymentId, received.ReceiptNumber, received.AccountId, received.EstateId, received.Amount,
                received.Currency, WireName.Of(received.Channel), received.ReceivedAt)];
        if (!FeeStreams.Accounts.Owns(recorded.StreamId) || Map(domainEvent, PayerAccountState.Initial) is null) return [];

        var state = await StateAtEvent.FoldAsync(store, types, accounts, recorded, ct);
        return Map(domainEvent, state) is { } message ? [message] : [];
    }

    /// <summary>Pure; picks by event type alone, so an empty state tells whether an event is published at all.</summary>
    public static object? Map(object domainEvent, PayerAccountState state) => domainEvent switch
    {
        ChargeIssued e => new ChargeIssuedV1(e.ChargeId, state.Id, state.Unit.EstateId, WireName.Of(e.FeeType), e.Period, e.StandardCode, e.Amount, e.DueOn, e.SourceRef, e.IssuedAt),
        PaymentRequestIssued e => new PaymentRequestIssuedV1(e.RequestId, state.Id, state.Unit.EstateId, e.ChargeIds, e.Total, e.DueOn, e.IssuedAt),
        ChargeOverdue e => new ChargeOverdueV1(e.ChargeId, state.Id, state.Unit.EstateId, state.ChargeOf(e.ChargeId) is { } c ? WireName.Of(c.FeeType) : "", e.DueOn, e.Owed, e.DetectedAt),
        ChargesDisputed e => new AccountDisputedV1(state.Id, state.Unit.EstateId, e.DisputeId, WireName.Of(e.Reason), e.ComplaintId, e.ChargeIds, e.DisputedAt),
        DisputeResolved e => new DisputeResolvedV1(state.Id, state.Unit.EstateId, e.DisputeId, WireName.Of(e.Resolution), e.ResolvedAt),
        RefundPaid e => new RefundPaidV1(e.RefundId, state.Id, state.Unit.EstateId, e.Amount, e.PaidAt),
        _ => null,
    };
}
