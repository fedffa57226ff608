using Platform.BuildingBlocks.EventSourcing;

namespace Platform.WorkOrders.Features;

/// <summary>The owner agrees to the quote (「在征得业户认可后开始工作」, 001:271). No money changes hands here.</summary>
public sealed record AcceptQuote(Guid WorkOrderId, Actor By, decimal? CashReceived = null) : IWorkOrderCommand, IMayRecordCash
{
    public static Decision Decide(AcceptQuote command, WorkOrderState state, DateTimeOffset now)
    {
        var rejected = WorkOrderRules.MustExist(state)
            ?? WorkOrderRules.OwnerConsentRecorder(command.By, state)
            ?? WorkOrderRules.MustBeOpen(state);
        if (rejected is not null) return rejected;

        if (state.Quote is { Accepted: true })
            return Decision.NoChange;
        if (state.Status != WorkOrderStatus.AwaitingQuoteAcceptance)
            return Rejection.Conflict("no-quote-awaiting-answer", "There is no quote waiting for the owner's answer.");

        return Decision.Accept(new QuoteAccepted(state.Quote!.Amount, now));
    }
}
