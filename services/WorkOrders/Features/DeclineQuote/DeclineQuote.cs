using Platform.BuildingBlocks.EventSourcing;

namespace Platform.WorkOrders.Features;

/// <summary>The owner declines the quote: paid work does not go ahead, so the order is cancelled (brief 4.3).</summary>
public sealed record DeclineQuote(Guid WorkOrderId, Actor By) : IWorkOrderCommand
{
    public static Decision Decide(DeclineQuote command, WorkOrderState state, DateTimeOffset now)
    {
        var rejected = WorkOrderRules.MustExist(state)
            ?? WorkOrderRules.OwnerConsentRecorder(command.By, state)
            ?? WorkOrderRules.MustBeOpen(state);
        if (rejected is not null) return rejected;

        if (state.Status != WorkOrderStatus.AwaitingQuoteAcceptance)
            return Rejection.Conflict("no-quote-awaiting-answer", "There is no quote waiting for the owner's answer.");

        return Decision.Accept(
            new QuoteDeclined(state.Quote!.Amount, now),
            new WorkOrderCancelled(CancellationReason.QuoteDeclined, now));
    }
}
