using Platform.BuildingBlocks.EventSourcing;

namespace Platform.WorkOrders.Features;

/// <summary>
/// On site, the technician quotes from the fee standard (「根据规定的收费标准向业户报价」, 001:271). A quote awaiting the
/// owner's answer may be revised; an accepted one may not.
/// </summary>
public sealed record IssueQuote(Guid WorkOrderId, decimal Amount, string FeeStandardRef, Actor By) : IWorkOrderCommand
{
    public static Decision Decide(IssueQuote command, WorkOrderState state, DateTimeOffset now)
    {
        var rejected = WorkOrderRules.MustExist(state)
            ?? WorkOrderRules.AssignedTechnicianOnly(command.By, state, "issue a quote")
            ?? (command.Amount > 0 && Money.IsYuan(command.Amount)
                ? null
                : Rejection.Invalid("amount-invalid", "amount", "A quote is a positive amount in yuan with at most 2 decimal places."))
            ?? WorkOrderRules.Required(command.FeeStandardRef, "feeStandardRef", "fee-standard-required")
            ?? WorkOrderRules.MustBeOpen(state);
        if (rejected is not null) return rejected;

        if (state.Quote is { Accepted: true })
            return Rejection.Conflict("quote-already-accepted", "The owner accepted the quote; it can no longer change.");
        if (state.Status is not (WorkOrderStatus.OnSite or WorkOrderStatus.AwaitingQuoteAcceptance))
            return Rejection.Conflict("quote-needs-technician-on-site", "A quote is given on site, before work starts.");

        return Decision.Accept(new QuoteIssued(command.Amount, command.FeeStandardRef.Trim(), now));
    }
}
