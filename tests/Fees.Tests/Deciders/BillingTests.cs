using Platform.Contracts.WorkOrders;
using Platform.Fees.Billing;
using Platform.Fees.Features;

namespace Platform.Fees.Tests.Deciders;

public class BillingTests
{
    [Fact]
    public void Monthly_fees_are_billed_from_the_month_after_the_first_account_opens_and_payment_requests_from_the_15th()
    {
        var runs = BillingCalendar.DueRuns(A.Estate, new DateOnly(2026, 1, 10), new DateOnly(2026, 3, 15), A.Policy, 12).ToList();
        Assert.Equal(
        [
            "payment-requests 2026-01", "monthly-fees 2026-02", "payment-requests 2026-02", "monthly-fees 2026-03", "payment-requests 2026-03",
        ], runs.Select(r => $"{BuildingBlocks.EventSourcing.WireName.Of(r.Kind)} {r.Period}"));
    }

    [Fact]
    public void Before_the_15th_the_months_payment_request_is_not_due() =>
        Assert.DoesNotContain(BillingCalendar.DueRuns(A.Estate, new DateOnly(2026, 1, 10), new DateOnly(2026, 3, 14), A.Policy, 12),
            r => r.Kind == BillingRunKind.PaymentRequests && r.Period == new BillingPeriod(2026, 3));

    [Fact]
    public void A_run_is_one_stream_per_estate_kind_and_month_so_a_second_run_is_the_same_run() =>
        Assert.Equal(new BillingRunSpec(A.Estate, BillingRunKind.PaymentRequests, new BillingPeriod(2026, 3)).RunId,
            new BillingRunSpec(A.Estate, BillingRunKind.PaymentRequests, new BillingPeriod(2026, 3)).RunId);

    [Fact]
    public void A_completed_run_does_not_complete_again() =>
        Assert.Empty(new BillingRunDecider().Decide(new CompleteBillingRun(Guid.Empty, 1, 1, 1m, []),
            new BillingRunDecider().Fold([new BillingRunStarted(Guid.Empty, A.Estate, BillingRunKind.MonthlyFees, "2026-03", A.Opened),
                new BillingRunCompleted(1, 1, 1m, [], A.Opened)]), A.Opened).Events);

    private static WorkOrderBillingHandedOverV1 HandOver(decimal amount, string? standard = "REPAIR-JOB", string currency = "CNY") =>
        new(History.Repair, A.Estate, new WorkOrderUnit(A.Estate, "3", "2", "501"), amount, currency, standard, A.Local(2026, 3, 3, 16));

    [Fact]
    public void F3_a_signed_off_repair_becomes_a_service_charge_for_the_next_payment_request()
    {
        var (charge, refused) = ChargeWorkOrder.From(HandOver(120m), History.Standard(History.RepairJob(60m)), A.Policy);
        Assert.Null(refused);
        var issued = Scenarios.Account(History.Opened()).When(charge!, A.Local(2026, 3, 3, 16, 1)).Single<Accounts.ChargeIssued>();
        Assert.Equal(120m, issued.Amount);
        Assert.Equal(2m, issued.Quantity);
        Assert.Null(issued.DueOn);
        Assert.Equal($"work-order:{History.Repair}", issued.SourceRef);
    }

    [Fact]
    public void S25_an_owner_signed_special_service_becomes_a_special_service_charge()
    {
        var housekeeping = History.Standard(new Standards.FeeStandardApproved(Platform.Fees.FeeStreams.StandardId(A.Estate, "HOUSEKEEPING"), A.Estate,
            "HOUSEKEEPING", "特约清洁服务, per hour", FeeType.SpecialService, 40m, RateUnit.PerHour, new DateOnly(2026, 1, 1), null, "PB-2026-050", 4, A.Opened));
        var (charge, _) = ChargeWorkOrder.From(HandOver(100m, "HOUSEKEEPING"), housekeeping, A.Policy);
        var issued = Scenarios.Account(History.Opened()).When(charge!, A.Local(2026, 3, 3, 16, 1)).Single<Accounts.ChargeIssued>();
        Assert.Equal(FeeType.SpecialService, issued.FeeType);
        Assert.Equal(2.5m, issued.Quantity);
    }

    [Fact]
    public void A_signed_amount_that_is_not_the_standards_rate_times_whole_jobs_is_refused()
    {
        var (charge, _) = ChargeWorkOrder.From(HandOver(100m), History.Standard(History.RepairJob(60m)), A.Policy);
        Scenarios.Account(History.Opened()).When(charge!, A.Local(2026, 3, 3, 16, 1)).ThenRejected("quantity-not-whole");
    }

    [Fact]
    public void A_hand_over_without_a_fee_standard_is_refused() =>
        Assert.Equal("fee-standard-required", ChargeWorkOrder.From(HandOver(100m, null), History.Standard(), A.Policy).Refused!.Code);

    [Fact]
    public void The_same_work_order_is_one_charge() =>
        Assert.Equal(ChargeWorkOrder.From(HandOver(120m), History.Standard(History.RepairJob(60m)), A.Policy).Command!.ChargeId,
            ChargeWorkOrder.From(HandOver(120m), History.Standard(History.RepairJob(60m)), A.Policy).Command!.ChargeId);
}
