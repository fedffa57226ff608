using Platform.BuildingBlocks.EventSourcing;
using Platform.WorkOrders.Features;

namespace Platform.WorkOrders.Tests.Deciders;

public class DeclineQuoteTests
{
    private static readonly DateTimeOffset At = History.ArrivedAt.AddMinutes(4);

    [Fact]
    public void Declining_the_quote_cancels_the_order() =>
        Scenario.Given(History.AwaitingQuote(80m))
            .When(new DeclineQuote(A.OrderId, A.Technician), At)
            .Then(new QuoteDeclined(80m, At), new WorkOrderCancelled(CancellationReason.QuoteDeclined, At));

    [Fact]
    public void Declining_needs_a_quote_awaiting_an_answer() =>
        Scenario.Given(History.QuoteAccepted()).When(new DeclineQuote(A.OrderId, A.Technician), At).ThenRejected("no-quote-awaiting-answer", RejectionKind.Conflict);

    [Fact]
    public void A_cancelled_order_takes_no_further_work() =>
        Scenario.Given([.. History.AwaitingQuote(), new QuoteDeclined(80m, At), new WorkOrderCancelled(CancellationReason.QuoteDeclined, At)])
            .When(new StartWork(A.OrderId, A.Technician), At.AddMinutes(1))
            .ThenRejected("work-order-cancelled", RejectionKind.Conflict);

    [Fact]
    public void A_technician_not_assigned_to_the_order_cannot_record_the_owners_answer() =>
        Scenario.Given(History.AwaitingQuote()).When(new DeclineQuote(A.OrderId, A.OtherTechnician), At).ThenRejected("role-not-allowed", RejectionKind.Forbidden);
}
