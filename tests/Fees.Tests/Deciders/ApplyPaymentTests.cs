using Platform.BuildingBlocks.EventSourcing;
using Platform.Fees.Accounts;
using Platform.Fees.Features;

namespace Platform.Fees.Tests.Deciders;

public class ApplyPaymentTests
{
    private static readonly DateTimeOffset At = A.Local(2026, 4, 5, 10);

    private static readonly object[] TwoMonthsOwed =
    [
        History.Opened(), History.Charge(History.Feb, 150m, "2026-02"), History.Charge(History.Mar, 150m, "2026-03", at: A.Local(2026, 3, 1, 1)),
    ];

    private static ApplyPayment Pay(decimal amount, Guid? id = null) =>
        new(A.AccountId, id ?? History.PaymentOne, "ESTATE-1/2026/000001", amount, PaymentChannel.Window, At, Actor.System);

    [Fact]
    public void A_payment_goes_to_the_open_charges_oldest_first() =>
        Scenarios.Account(TwoMonthsOwed).When(Pay(300m), At).Then(new PaymentApplied(
            History.PaymentOne, "ESTATE-1/2026/000001", 300m, PaymentChannel.Window,
            [new ChargeAllocation(History.Feb, 150m), new ChargeAllocation(History.Mar, 150m)], 0m, At, At));

    [Fact]
    public void A_part_payment_pays_the_oldest_and_leaves_the_rest_owed()
    {
        var state = Scenarios.Account(TwoMonthsOwed).When(Pay(200m), At).StateAfter;
        Assert.Equal(0m, state.ChargeOf(History.Feb)!.Owed);
        Assert.Equal(100m, state.ChargeOf(History.Mar)!.Owed);
        Assert.Equal(0m, state.Credit);
    }

    [Fact]
    public void An_overpayment_becomes_credit_on_the_account()
    {
        var applied = Scenarios.Account(TwoMonthsOwed).When(Pay(350m), At).Single<PaymentApplied>();
        Assert.Equal(50m, applied.ToCredit);
    }

    [Fact]
    public void A_payment_is_applied_once() =>
        Scenarios.Account([.. TwoMonthsOwed, History.Paid(History.PaymentOne, 150m, new ChargeAllocation(History.Feb, 150m))]).When(Pay(150m), At).ThenNothing();

    [Fact]
    public void While_the_owner_disputes_the_charges_a_payment_waits_as_credit()
    {
        var applied = Scenarios.Account([.. TwoMonthsOwed, History.Disputed(History.Feb, History.Mar)]).When(Pay(100m), At).Single<PaymentApplied>();
        Assert.Empty(applied.Allocations);
        Assert.Equal(100m, applied.ToCredit);
    }
}
