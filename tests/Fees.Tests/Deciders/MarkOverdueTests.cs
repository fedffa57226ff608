using Platform.BuildingBlocks.EventSourcing;
using Platform.Fees.Accounts;
using Platform.Fees.Features;

namespace Platform.Fees.Tests.Deciders;

public class MarkOverdueTests
{
    private static readonly Guid Request = Guid.Parse("0193b000-0000-7000-8000-0000000000e1");
    private static readonly FeePolicy WithLateFee = A.Policy with { LateFee = new LateFeePolicy(0.001m, 0.10m) };

    private static readonly object[] RequestedOn15th =
    [
        History.Opened(),
        History.Charge(History.Repair, 120m, "2026-03", type: FeeType.PaidRepair, standard: "REPAIR-JOB", rate: 120m, at: A.Local(2026, 3, 3, 16)),
        new PaymentRequestIssued(Request, [History.Repair], 120m, new DateOnly(2026, 3, 15), new DateOnly(2026, 3, 20), A.Local(2026, 3, 21), A.Local(2026, 3, 15)),
    ];

    private static MarkOverdue Mark(FeePolicy? policy = null) => new(A.AccountId, policy ?? A.Policy, Actor.System);

    [Fact]
    public void S23_a_service_charge_unpaid_on_the_21st_is_overdue() =>
        Scenarios.Account(RequestedOn15th).When(Mark(), A.Local(2026, 3, 21, 0, 1))
            .Then(new ChargeOverdue(History.Repair, new DateOnly(2026, 3, 20), 120m, null, A.Local(2026, 3, 21, 0, 1)));

    [Fact]
    public void The_20th_is_inclusive_nothing_is_overdue_on_it() =>
        Scenarios.Account(RequestedOn15th).When(Mark(), A.Local(2026, 3, 20, 23, 59)).ThenNothing();

    [Fact]
    public void ChargeOverdue_is_recorded_once() =>
        Scenarios.Account([.. RequestedOn15th, new ChargeOverdue(History.Repair, new DateOnly(2026, 3, 20), 120m, null, A.Local(2026, 3, 21))])
            .When(Mark(), A.Local(2026, 3, 25)).ThenNothing();

    [Fact]
    public void A_paid_charge_is_never_overdue() =>
        Scenarios.Account([.. RequestedOn15th, History.Paid(History.PaymentOne, 120m, new ChargeAllocation(History.Repair, 120m))])
            .When(Mark(), A.Local(2026, 3, 25)).ThenNothing();

    [Fact]
    public void A_disputed_charge_is_not_marked_overdue() =>
        Scenarios.Account([.. RequestedOn15th, History.Disputed(History.Repair)]).When(Mark(), A.Local(2026, 3, 25)).ThenNothing();

    [Fact]
    public void There_is_no_late_fee_unless_the_estate_configures_one()
    {
        var overdue = new ChargeOverdue(History.Repair, new DateOnly(2026, 3, 20), 120m, null, A.Local(2026, 3, 21));
        Scenarios.Account([.. RequestedOn15th, overdue]).When(Mark(), A.Local(2026, 4, 30)).ThenNothing();
    }

    [Fact]
    public void A_configured_late_fee_accrues_for_each_whole_day_overdue()
    {
        var overdue = new ChargeOverdue(History.Repair, new DateOnly(2026, 3, 20), 120m, A.Local(2026, 3, 22), A.Local(2026, 3, 21));
        var accrued = Scenarios.Account([.. RequestedOn15th, overdue]).When(Mark(WithLateFee), A.Local(2026, 3, 24, 9)).Single<LateFeeAccrued>();
        Assert.Equal(new DateOnly(2026, 3, 21), accrued.FromDay);
        Assert.Equal(new DateOnly(2026, 3, 23), accrued.ThroughDay);
        Assert.Equal(0.36m, accrued.Amount);
        Assert.Equal(A.Local(2026, 3, 25), accrued.NextAccrualAt);
    }

    [Fact]
    public void A_late_fee_stops_at_its_cap()
    {
        var overdue = new ChargeOverdue(History.Repair, new DateOnly(2026, 3, 20), 120m, A.Local(2026, 3, 22), A.Local(2026, 3, 21));
        var result = Scenarios.Account([.. RequestedOn15th, overdue]).When(Mark(WithLateFee), A.Local(2026, 12, 1));
        var accrued = result.Single<LateFeeAccrued>();
        Assert.Equal(12.00m, accrued.Amount);
        Assert.Null(accrued.NextAccrualAt);
        Assert.Equal(132m, result.StateAfter.ChargeOf(History.Repair)!.Owed);
    }

    [Fact]
    public void No_late_fee_accrues_for_the_days_of_a_dispute()
    {
        var overdue = new ChargeOverdue(History.Repair, new DateOnly(2026, 3, 20), 120m, A.Local(2026, 3, 22), A.Local(2026, 3, 21));
        var resolved = new DisputeResolved(History.DisputeId, DisputeResolution.ClaimRejected, null, A.Local(2026, 4, 10, 9));
        var accrued = Scenarios.Account([.. RequestedOn15th, overdue, History.Disputed(History.Repair), resolved])
            .When(Mark(WithLateFee), A.Local(2026, 4, 13, 9)).Single<LateFeeAccrued>();
        Assert.Equal(new DateOnly(2026, 4, 11), accrued.FromDay);
        Assert.Equal(new DateOnly(2026, 4, 12), accrued.ThroughDay);
    }

    [Fact]
    public void An_approved_refund_unpaid_past_its_limit_is_flagged_once()
    {
        var approved = new RefundApproved(History.PaymentTwo, 10m, "double payment", A.Local(2026, 4, 8), A.Local(2026, 4, 1));
        var given = new object[] { History.Opened(), History.Paid(History.PaymentOne, 10m), approved };
        Scenarios.Account(given).When(Mark(), A.Local(2026, 4, 8, 1)).Then(new RefundOverdue(History.PaymentTwo, A.Local(2026, 4, 8), A.Local(2026, 4, 8, 1)));
        Scenarios.Account([.. given, new RefundOverdue(History.PaymentTwo, A.Local(2026, 4, 8), A.Local(2026, 4, 8, 1))]).When(Mark(), A.Local(2026, 4, 9)).ThenNothing();
    }
}
