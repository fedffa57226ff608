using Platform.BuildingBlocks.EventSourcing;
using Platform.WorkOrders.Features;

namespace Platform.WorkOrders.Tests.Deciders;

public class IssueQuoteTests
{
    private static readonly DateTimeOffset At = History.ArrivedAt.AddMinutes(2);

    private static IssueQuote Quote(decimal amount = 80m, string feeStandard = "FS-2026-SERVICE-01", Actor? by = null) =>
        new(A.OrderId, amount, feeStandard, by ?? A.Technician);

    [Fact]
    public void The_technician_quotes_from_the_fee_standard_on_site() =>
        Scenario.Given(History.OnSite(History.Logged(type: WorkOrderType.Service)))
            .When(Quote(80.00m), At)
            .Then(new QuoteIssued(80.00m, "FS-2026-SERVICE-01", At));

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("80.555")]
    public void A_quote_is_a_positive_amount_in_yuan_with_two_places(string amount) =>
        Scenario.Given(History.OnSite())
            .When(Quote(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)), At)
            .ThenRejected("amount-invalid", RejectionKind.Invalid, "amount");

    [Fact]
    public void A_quote_names_its_fee_standard() =>
        Scenario.Given(History.OnSite()).When(Quote(feeStandard: ""), At).ThenRejected("fee-standard-required", RejectionKind.Invalid, "feeStandardRef");

    [Fact]
    public void A_quote_is_given_on_site() =>
        Scenario.Given(History.Dispatched()).When(Quote(), At).ThenRejected("quote-needs-technician-on-site", RejectionKind.Conflict);

    [Fact]
    public void A_quote_awaiting_the_owners_answer_can_be_revised() =>
        Scenario.Given(History.AwaitingQuote(80m))
            .When(Quote(60m), At.AddMinutes(5))
            .Then(new QuoteIssued(60m, "FS-2026-SERVICE-01", At.AddMinutes(5)));

    [Fact]
    public void An_accepted_quote_cannot_change() =>
        Scenario.Given(History.QuoteAccepted(80m)).When(Quote(120m), At.AddMinutes(10)).ThenRejected("quote-already-accepted", RejectionKind.Conflict);

    [Fact]
    public void Only_the_assigned_technician_quotes() =>
        Scenario.Given(History.OnSite()).When(Quote(by: A.OtherTechnician), At).ThenRejected("not-assigned-technician", RejectionKind.Forbidden);
}
