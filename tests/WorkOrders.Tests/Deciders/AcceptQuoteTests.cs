using Platform.BuildingBlocks.EventSourcing;
using Platform.WorkOrders.Features;

namespace Platform.WorkOrders.Tests.Deciders;

public class AcceptQuoteTests
{
    private static readonly DateTimeOffset At = History.ArrivedAt.AddMinutes(4);

    [Fact]
    public void The_owners_acceptance_is_recorded_by_the_technician_on_site() =>
        Scenario.Given(History.AwaitingQuote(80m))
            .When(new AcceptQuote(A.OrderId, A.Technician), At)
            .Then(new QuoteAccepted(80m, At));

    [Fact]
    public void The_reporting_resident_can_accept_in_the_app_but_no_other_resident_can()
    {
        object[] history =
        [
            .. History.OnSite(History.Logged(type: WorkOrderType.Service, residentId: A.Resident.Id)),
            new QuoteIssued(80m, "FS-2026-SERVICE-01", History.ArrivedAt),
        ];

        Scenario.Given(history).When(new AcceptQuote(A.OrderId, A.Resident), At).Single<QuoteAccepted>();
        Scenario.Given(history).When(new AcceptQuote(A.OrderId, A.OtherResident), At).ThenRejected("role-not-allowed", RejectionKind.Forbidden);
    }

    [Fact]
    public void Staff_can_record_the_owners_acceptance() =>
        Scenario.Given(History.AwaitingQuote()).When(new AcceptQuote(A.OrderId, A.Agent), At).Single<QuoteAccepted>();

    [Fact]
    public void Accepting_needs_a_quote_awaiting_an_answer() =>
        Scenario.Given(History.OnSite()).When(new AcceptQuote(A.OrderId, A.Technician), At).ThenRejected("no-quote-awaiting-answer", RejectionKind.Conflict);

    [Fact]
    public void Accepting_twice_changes_nothing() =>
        Scenario.Given(History.QuoteAccepted()).When(new AcceptQuote(A.OrderId, A.Technician), At.AddMinutes(1)).ThenNothing();
}
