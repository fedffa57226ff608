using Platform.BuildingBlocks.EventSourcing;
using Platform.Fees.Accounts;
using Platform.Fees.Features;
using Platform.Fees.Standards;

namespace Platform.Fees.Tests.Deciders;

public class IssueChargeTests
{
    private static readonly DateTimeOffset At = A.Local(2026, 3, 1, 1);
    private static readonly FeeStandardState PropertyFee = History.Standard(History.PropertyFee(1.50m));
    private static readonly BillingPeriod March = new(2026, 3);

    private static IssueCharge Charge(FeeStandardState? standard = null, decimal? rate = 1.50m, decimal quantity = 100m, decimal? amount = null,
        string code = "PF-RES", DateOnly? serviceDay = null, Actor? by = null, Guid? id = null) =>
        new(A.AccountId, id ?? History.Mar, code, standard ?? PropertyFee, rate, quantity, amount, March, serviceDay ?? March.FirstDay,
            March.LastDay, null, A.Policy, by ?? A.Finance);

    [Fact]
    public void A_charge_is_the_standards_rate_times_the_quantity_due_on_the_month_end()
    {
        var issued = Scenarios.Account(History.Opened()).When(Charge(), At).Single<ChargeIssued>();
        Assert.Equal(150.00m, issued.Amount);
        Assert.Equal(new DateOnly(2026, 3, 31), issued.DueOn);
        Assert.Equal(A.Local(2026, 4, 1), issued.OverdueFrom);
    }

    [Fact]
    public void S24_a_charge_at_another_rate_than_the_approved_standard_is_refused() =>
        Scenarios.Account(History.Opened()).When(Charge(rate: 1.60m), At).ThenRejected("rate-differs-from-standard", RejectionKind.Invalid, "rate");

    [Fact]
    public void S24_a_charge_with_no_standard_reference_is_refused() =>
        Scenarios.Account(History.Opened()).When(Charge(code: ""), At).ThenRejected("fee-standard-required", RejectionKind.Invalid, "standardCode");

    [Fact]
    public void S24_a_charge_under_a_standard_the_estate_does_not_have_is_refused() =>
        Scenarios.Account(History.Opened()).When(Charge(standard: FeeStandardState.Initial, code: "PF-LUX"), At)
            .ThenRejected("fee-standard-not-found", RejectionKind.Invalid, "standardCode");

    [Fact]
    public void A_charge_needs_a_standard_in_force_on_its_service_day() =>
        Scenarios.Account(History.Opened()).When(Charge(standard: History.Standard(History.PropertyFee(from: new DateOnly(2026, 4, 1)))), At)
            .ThenRejected("fee-standard-not-in-force", RejectionKind.Invalid, "standardCode");

    [Fact]
    public void A_stated_amount_must_be_what_the_standard_gives() =>
        Scenarios.Account(History.Opened()).When(Charge(amount: 160m), At).ThenRejected("amount-differs-from-standard", RejectionKind.Invalid, "amount");

    [Fact]
    public void A_standard_per_job_is_charged_in_whole_jobs() =>
        Scenarios.Account(History.Opened()).When(Charge(History.Standard(History.RepairJob()), rate: 60m, quantity: 1.5m, code: "REPAIR-JOB"), At)
            .ThenRejected("quantity-not-whole", RejectionKind.Invalid, "quantity");

    [Fact]
    public void The_same_charge_again_issues_nothing_twice() =>
        Scenarios.Account(History.Opened(), History.Charge(History.Mar, 150m, "2026-03")).When(Charge(), At).ThenNothing();

    [Fact]
    public void Only_finance_issues_charges() =>
        Scenarios.Account(History.Opened()).When(Charge(by: A.Agent), At).ThenRejected("charges-are-issued-by-finance", RejectionKind.Forbidden);

    [Fact]
    public void A_charge_on_an_account_that_does_not_exist_is_refused() =>
        Scenarios.Account().When(Charge(), At).ThenRejected("account-not-found", RejectionKind.NotFound);

    [Fact]
    public void Credit_on_the_account_pays_a_new_charge_at_once()
    {
        var result = Scenarios.Account(History.Opened(), History.Paid(History.PaymentOne, 200m)).When(Charge(), At);
        Assert.Equal(150m, result.Single<CreditApplied>().Amount);
        Assert.Equal(50m, result.StateAfter.Credit);
        Assert.Equal(ChargeStatus.Paid, result.StateAfter.StatusOf(result.StateAfter.ChargeOf(History.Mar)!));
    }

    [Fact]
    public void Each_posting_is_a_ledger_entry_and_the_balance_is_their_sum()
    {
        var state = Scenarios.Account(History.Opened(), History.Paid(History.PaymentOne, 200m)).When(Charge(), At).StateAfter;
        Assert.Equal([LedgerEntryKind.Payment, LedgerEntryKind.Charge], state.Ledger.Select(e => e.Kind));
        Assert.Equal(-50m, state.Balance);
    }
}
