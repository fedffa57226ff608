using Platform.BuildingBlocks.EventSourcing;
using Platform.Fees.Accounts;
using Platform.Fees.Features;
using Platform.Fees.Receipts;

namespace Platform.Fees.Tests.Deciders;

public class RecordPaymentTests
{
    private static readonly PayerAccountState Account = new PayerAccountDecider().Fold([History.Opened()]);
    private static readonly DateTimeOffset Lunch = A.Local(2026, 3, 2, 12, 30);

    private static RecordPayment Pay(Actor by, PaymentChannel channel = PaymentChannel.Window, decimal amount = 150m, string currency = "CNY",
        Guid? id = null, PayerAccountState? account = null) =>
        new(A.Estate, 2026, "EST", id ?? History.PaymentOne, account ?? Account, amount, currency, channel, null, by);

    private static PaymentReceived Received(Guid id, int sequence, PaymentChannel channel = PaymentChannel.Window) =>
        new(id, $"EST/2026/{sequence:D6}", sequence, A.Estate, A.AccountId, 150m, "CNY", channel, null, Lunch);

    [Fact]
    public void A_payment_gets_the_next_receipt_number_of_the_estates_year() =>
        Scenarios.Book(Received(History.PaymentTwo, 1), Received(Guid.NewGuid(), 2)).When(Pay(A.Finance), Lunch)
            .Then(new PaymentReceived(History.PaymentOne, "EST/2026/000003", 3, A.Estate, A.AccountId, 150m, "CNY", PaymentChannel.Window, null, Lunch));

    [Fact]
    public void Receipt_numbers_have_no_gaps()
    {
        var book = new ReceiptBookDecider();
        var state = ReceiptBookState.Initial;
        for (var i = 0; i < 5; i++)
        {
            var decision = book.Decide(Pay(A.Finance, id: Guid.NewGuid()), state, Lunch.AddMinutes(i));
            state = decision.Events.Aggregate(state, book.Evolve);
        }
        Assert.Equal(["EST/2026/000001", "EST/2026/000002", "EST/2026/000003", "EST/2026/000004", "EST/2026/000005"],
            state.Receipts.Values.Select(r => r.Number).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_technician_can_never_record_a_payment() =>
        Assert.Multiple(
            () => Scenarios.Book().When(Pay(A.Technician, PaymentChannel.DoorCollection), Lunch).ThenRejected("technician-cannot-take-payment", RejectionKind.Forbidden),
            () => Scenarios.Book().When(Pay(new Actor("x", Roles.Technician, Roles.FinanceClerk)), Lunch).ThenRejected("technician-cannot-take-payment", RejectionKind.Forbidden));

    [Fact]
    public void S26_the_front_desk_takes_a_property_fee_payment_at_lunch() =>
        Assert.Equal(PaymentChannel.FrontDesk, Scenarios.Book().When(Pay(A.Agent, PaymentChannel.FrontDesk), Lunch).Single<PaymentReceived>().Channel);

    [Fact]
    public void Each_channel_is_its_own_staffs_work()
    {
        Scenarios.Book().When(Pay(A.Agent, PaymentChannel.Window), Lunch).ThenRejected("channel-not-yours", RejectionKind.Forbidden);
        Scenarios.Book().When(Pay(A.Agent, PaymentChannel.DoorCollection), Lunch).ThenRejected("channel-not-yours", RejectionKind.Forbidden);
        Scenarios.Book().When(Pay(A.Collector, PaymentChannel.DoorCollection), Lunch).Single<PaymentReceived>();
        Scenarios.Book().When(Pay(A.Finance, PaymentChannel.PaymentProvider), Lunch).ThenRejected("channel-not-yours", RejectionKind.Forbidden);
        Scenarios.Book().When(Pay(Actor.System, PaymentChannel.PaymentProvider), Lunch).Single<PaymentReceived>();
    }

    [Fact]
    public void Fees_are_paid_in_yuan_only() =>
        Scenarios.Book().When(Pay(A.Finance, currency: "USD"), Lunch).ThenRejected("currency-not-cny", RejectionKind.Invalid, "currency");

    [Theory]
    [InlineData("0")]
    [InlineData("-10")]
    [InlineData("10.001")]
    public void A_payment_is_a_positive_amount_in_yuan(string amount) =>
        Scenarios.Book().When(Pay(A.Finance, amount: decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)), Lunch)
            .ThenRejected("amount-invalid", RejectionKind.Invalid, "amount");

    [Fact]
    public void A_payment_for_an_unknown_account_is_refused() =>
        Scenarios.Book().When(Pay(A.Finance, account: PayerAccountState.Initial), Lunch).ThenRejected("account-not-found", RejectionKind.Invalid, "accountId");

    [Fact]
    public void The_same_payment_again_changes_nothing() =>
        Scenarios.Book(Received(History.PaymentOne, 1)).When(Pay(A.Finance), Lunch).ThenNothing();

    [Fact]
    public void Front_desk_collections_are_handed_over_once_each()
    {
        var given = new object[] { Received(History.PaymentOne, 1, PaymentChannel.FrontDesk), Received(History.PaymentTwo, 2) };
        var handOver = Guid.NewGuid();
        Scenarios.Book(given).When(new HandOverCollections(A.Estate, 2026, handOver, [History.PaymentOne], "cs-lead", A.Agent), Lunch.AddHours(6))
            .Then(new CollectionsHandedOver(handOver, [History.PaymentOne], 150m, "cs-lead", Lunch.AddHours(6)));
        Scenarios.Book(given).When(new HandOverCollections(A.Estate, 2026, handOver, [History.PaymentTwo], "cs-lead", A.Agent), Lunch)
            .ThenRejected("not-a-front-desk-payment", RejectionKind.Invalid, "paymentIds[0]");
        Scenarios.Book([.. given, new CollectionsHandedOver(handOver, [History.PaymentOne], 150m, "cs-lead", Lunch)])
            .When(new HandOverCollections(A.Estate, 2026, Guid.NewGuid(), [History.PaymentOne], "cs-lead", A.Agent), Lunch)
            .ThenRejected("already-handed-over", RejectionKind.Conflict);
    }
}
