using Platform.BuildingBlocks.EventSourcing;
using Platform.Fees.Accounts;
using Platform.Fees.Features;

namespace Platform.Fees.Tests.Deciders;

public class PaymentRequestTests
{
    private static readonly Guid Request = Guid.Parse("0193b000-0000-7000-8000-0000000000e1");

    /// <summary>S23: an order the owner signed off on 3 March for 120 yuan.</summary>
    private static readonly object[] SignedOffOnMarch3 =
    [
        History.Opened(),
        History.Charge(History.Repair, 120m, "2026-03", type: FeeType.PaidRepair, standard: "REPAIR-JOB", rate: 120m, at: A.Local(2026, 3, 3, 16)),
    ];

    private static IssuePaymentRequest Issue(Guid? id = null) => new(A.AccountId, id ?? Request, new BillingPeriod(2026, 3), A.Policy, Actor.System);

    [Fact]
    public void S23_the_payment_request_of_the_15th_includes_the_signed_service_charge_due_on_the_20th()
    {
        var request = Scenarios.Account(SignedOffOnMarch3).When(Issue(), A.Local(2026, 3, 15, 0, 5)).Single<PaymentRequestIssued>();
        Assert.Equal([History.Repair], request.ChargeIds);
        Assert.Equal(120m, request.Total);
        Assert.Equal(new DateOnly(2026, 3, 20), request.DueOn);
        Assert.Equal(A.Local(2026, 3, 21), request.OverdueFrom);
    }

    [Fact]
    public void A_service_charge_waits_for_the_payment_request_without_a_due_date()
    {
        var state = Scenarios.Account(SignedOffOnMarch3).When(Issue(), A.Local(2026, 3, 15, 0, 5)).StateAfter;
        var before = new PayerAccountDecider().Fold(SignedOffOnMarch3);
        Assert.Equal(ChargeStatus.AwaitingPaymentRequest, before.StatusOf(before.ChargeOf(History.Repair)!));
        Assert.Equal(ChargeStatus.Issued, state.StatusOf(state.ChargeOf(History.Repair)!));
    }

    [Fact]
    public void Running_the_15th_twice_issues_nothing_twice()
    {
        var first = Scenarios.Account(SignedOffOnMarch3).When(Issue(), A.Local(2026, 3, 15, 0, 5)).Single<PaymentRequestIssued>();
        Scenarios.Account([.. SignedOffOnMarch3, first]).When(Issue(), A.Local(2026, 3, 15, 0, 10)).ThenNothing();
    }

    [Fact]
    public void The_payment_request_is_not_issued_before_the_15th() =>
        Scenarios.Account(SignedOffOnMarch3).When(Issue(), A.Local(2026, 3, 14, 23, 59)).ThenRejected("payment-request-not-yet", RejectionKind.Conflict);

    [Fact]
    public void A_request_issued_late_still_gives_until_the_20th_or_the_day_it_runs()
    {
        Assert.Equal(new DateOnly(2026, 3, 20),
            Scenarios.Account(SignedOffOnMarch3).When(Issue(), A.Local(2026, 3, 17, 9)).Single<PaymentRequestIssued>().DueOn);
        Assert.Equal(new DateOnly(2026, 3, 22),
            Scenarios.Account(SignedOffOnMarch3).When(Issue(), A.Local(2026, 3, 22, 9)).Single<PaymentRequestIssued>().DueOn);
    }

    [Fact]
    public void An_account_with_nothing_waiting_gets_no_request() =>
        Scenarios.Account(History.Opened()).When(Issue(), A.Local(2026, 3, 15, 1)).ThenNothing();
}
