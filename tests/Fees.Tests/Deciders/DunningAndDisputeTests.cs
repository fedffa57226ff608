using Platform.BuildingBlocks.EventSourcing;
using Platform.Fees.Accounts;
using Platform.Fees.Features;

namespace Platform.Fees.Tests.Deciders;

public class DunningAndDisputeTests
{
    private static readonly Guid Action = Guid.Parse("0193b000-0000-7000-8000-0000000000f1");

    private static readonly object[] FebruaryOverdue =
    [
        History.Opened(), History.Charge(History.Feb, 150m, "2026-02"),
        new ChargeOverdue(History.Feb, new DateOnly(2026, 2, 28), 150m, null, A.Local(2026, 3, 1)),
    ];

    private static RecordDunningAction Dun(DunningMethod method = DunningMethod.Phone, Actor? by = null) =>
        new(A.AccountId, Action, method, DunningResult.PromisedToPay, "will pay Friday", A.Policy, by ?? A.Agent);

    private static DisputeCharges Dispute(Guid? id = null) =>
        new(A.AccountId, id ?? History.DisputeId, DisputeReason.Compensation, null, null, "until the ceiling leak is compensated", A.Agent);

    [Fact]
    public void A_dunning_action_is_recorded_with_its_method_result_and_level() =>
        Scenarios.Account(FebruaryOverdue).When(Dun(), A.Local(2026, 3, 2, 10))
            .Then(new DunningActionRecorded(Action, DunningMethod.Phone, DunningResult.PromisedToPay, 1, [History.Feb], "will pay Friday", A.Local(2026, 3, 2, 10)));

    [Fact]
    public void The_level_comes_from_the_estate_policy_a_door_visit_at_15_days_a_letter_at_30()
    {
        Assert.Equal(2, Scenarios.Account(FebruaryOverdue).When(Dun(DunningMethod.DoorVisit), A.Local(2026, 3, 15, 10)).Single<DunningActionRecorded>().Level);
        Assert.Equal(3, Scenarios.Account(FebruaryOverdue).When(Dun(DunningMethod.DunningLetter), A.Local(2026, 3, 30, 10)).Single<DunningActionRecorded>().Level);
    }

    [Fact]
    public void Overdue_service_charges_go_to_the_collector_at_the_door_first() =>
        Assert.Equal([DunningMethod.DoorVisit], A.Policy.LevelDue(FeeType.PaidRepair, 1)!.Methods);

    [Fact]
    public void Only_overdue_charges_are_chased() =>
        Scenarios.Account(History.Opened(), History.Charge(History.Feb, 150m, "2026-02")).When(Dun(), A.Local(2026, 2, 20))
            .ThenRejected("nothing-overdue", RejectionKind.Conflict);

    [Fact]
    public void There_is_no_dunning_while_a_charge_is_disputed() =>
        Scenarios.Account([.. FebruaryOverdue, History.Disputed(History.Feb)]).When(Dun(), A.Local(2026, 3, 5))
            .ThenRejected("no-dunning-while-disputed", RejectionKind.Conflict);

    [Fact]
    public void A_technician_does_not_chase_arrears() =>
        Scenarios.Account(FebruaryOverdue).When(Dun(by: A.Technician), A.Local(2026, 3, 5)).ThenRejected("dunning-needs-fee-staff", RejectionKind.Forbidden);

    [Fact]
    public void Withholding_over_a_claim_puts_the_accounts_open_charges_into_dispute()
    {
        var result = Scenarios.Account(FebruaryOverdue).When(Dispute(), A.Local(2026, 3, 5));
        Assert.Equal([History.Feb], result.Single<ChargesDisputed>().ChargeIds);
        Assert.Equal(ChargeStatus.Disputed, result.StateAfter.StatusOf(result.StateAfter.ChargeOf(History.Feb)!));
    }

    [Fact]
    public void The_same_dispute_again_changes_nothing_and_a_second_waits_for_the_first() =>
        Assert.Multiple(
            () => Scenarios.Account([.. FebruaryOverdue, History.Disputed(History.Feb)]).When(Dispute(), A.Local(2026, 3, 6)).ThenNothing(),
            () => Scenarios.Account([.. FebruaryOverdue, History.Disputed(History.Feb)]).When(Dispute(Action), A.Local(2026, 3, 6))
                .ThenRejected("dispute-already-open", RejectionKind.Conflict));

    [Fact]
    public void The_dispute_ends_when_the_claim_is_settled_and_dunning_resumes()
    {
        var resolved = Scenarios.Account([.. FebruaryOverdue, History.Disputed(History.Feb)])
            .When(new ResolveDispute(A.AccountId, History.DisputeId, DisputeResolution.CompensationApproved, 800m, Actor.System), A.Local(2026, 4, 1))
            .StateAfter;
        Assert.Equal(ChargeStatus.Overdue, resolved.StatusOf(resolved.ChargeOf(History.Feb)!));
        Assert.Equal(150m, resolved.Owed);
    }

    [Fact]
    public void Settling_a_dispute_lets_the_credit_that_waited_pay_the_charges()
    {
        var result = Scenarios.Account([.. FebruaryOverdue, History.Disputed(History.Feb), History.Paid(History.PaymentOne, 100m)])
            .When(new ResolveDispute(A.AccountId, History.DisputeId, DisputeResolution.Withdrawn, null, A.Agent), A.Local(2026, 4, 1));
        Assert.Equal(100m, result.Single<CreditApplied>().Amount);
        Assert.Equal(50m, result.StateAfter.Owed);
    }

    [Fact]
    public void A_settlement_for_an_account_without_that_dispute_changes_nothing() =>
        Scenarios.Account(FebruaryOverdue)
            .When(new ResolveDispute(A.AccountId, History.DisputeId, DisputeResolution.ClaimRejected, null, Actor.System), A.Local(2026, 4, 1)).ThenNothing();
}
