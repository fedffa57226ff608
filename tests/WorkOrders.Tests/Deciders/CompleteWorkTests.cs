using Platform.BuildingBlocks.EventSourcing;
using Platform.WorkOrders.Features;

namespace Platform.WorkOrders.Tests.Deciders;

public class CompleteWorkTests
{
    private static readonly DateTimeOffset At = History.CompletedAt;

    private static CompleteWork Complete(string signedOffBy = "Zhang", decimal? amount = null, Actor? by = null, decimal? cash = null) =>
        new(A.OrderId, signedOffBy, amount, A.Policy, by ?? A.Technician, cash);

    [Fact]
    public void The_technician_completes_with_the_owners_sign_off_and_the_first_follow_up_is_scheduled() =>
        Scenario.Given(History.InProgress())
            .When(Complete(), At)
            .Then(
                new WorkCompleted("tech-7", "Zhang", null, false, At),
                new FollowUpScheduled(1, FollowUpTrigger.AfterCompletion, At.AddDays(7)));

    [Fact]
    public void Completion_needs_the_owners_sign_off() =>
        Scenario.Given(History.InProgress()).When(Complete(signedOffBy: ""), At).ThenRejected("owner-sign-off-required", RejectionKind.Invalid, "signedOffBy");

    [Fact]
    public void A_technician_can_never_record_a_cash_payment()
    {
        Scenario.Given([.. History.QuoteAccepted(), new WorkStarted("tech-7", History.StartedAt)])
            .When(Complete(amount: 80m, cash: 80m), At)
            .ThenRejected("technician-cannot-take-cash", RejectionKind.Forbidden);
        Scenario.Given(History.AwaitingQuote())
            .When(new AcceptQuote(A.OrderId, A.Technician, CashReceived: 80m), At)
            .ThenRejected("technician-cannot-take-cash", RejectionKind.Forbidden);
    }

    [Fact]
    public void Payments_are_recorded_in_Fees_not_on_a_work_order() =>
        Scenario.Given(History.AwaitingQuote())
            .When(new AcceptQuote(A.OrderId, A.Agent, CashReceived: 80m), At)
            .ThenRejected("payments-are-recorded-in-fees", RejectionKind.Invalid, "cashReceived");

    [Fact]
    public void A_completed_paid_order_is_handed_to_billing_with_the_signed_amount() =>
        Scenario.Given([.. History.QuoteAccepted(80m), new WorkStarted("tech-7", History.StartedAt)])
            .When(Complete(amount: 80.00m), At)
            .Then(
                new WorkCompleted("tech-7", "Zhang", 80.00m, false, At),
                new WorkOrderHandedToBilling(80.00m, "CNY", "FS-2026-SERVICE-01", At),
                new FollowUpScheduled(1, FollowUpTrigger.AfterCompletion, At.AddDays(7)));

    [Fact]
    public void Paid_work_is_completed_with_the_amount_the_owner_signs_for() =>
        Scenario.Given([.. History.QuoteAccepted(), new WorkStarted("tech-7", History.StartedAt)])
            .When(Complete(amount: null), At)
            .ThenRejected("amount-required", RejectionKind.Invalid, "amount");

    [Fact]
    public void Free_work_cannot_be_charged() =>
        Scenario.Given(History.InProgress()).When(Complete(amount: 50m), At).ThenRejected("charge-without-accepted-quote", RejectionKind.Invalid, "amount");

    [Theory]
    [InlineData("-1")]
    [InlineData("10.001")]
    public void The_amount_is_yuan_with_at_most_two_places(string amount) =>
        Scenario.Given([.. History.QuoteAccepted(), new WorkStarted("tech-7", History.StartedAt)])
            .When(Complete(amount: decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)), At)
            .ThenRejected("amount-invalid", RejectionKind.Invalid, "amount");

    [Fact]
    public void Only_work_in_progress_can_be_completed() =>
        Scenario.Given(History.OnSite()).When(Complete(), At).ThenRejected("work-not-started", RejectionKind.Conflict);

    [Fact]
    public void Only_the_assigned_technician_completes_the_work() =>
        Scenario.Given(History.InProgress()).When(Complete(by: A.TeamLeader), At).ThenRejected("role-not-allowed", RejectionKind.Forbidden);

    [Fact]
    public void A_late_completion_records_the_repair_breach_with_it()
    {
        var due = A.T0.AddHours(1);

        Scenario.Given(History.InProgress(History.Logged(repairDueAt: due)))
            .When(Complete(), At)
            .Then(
                new WorkOrderSlaBreached(SlaDeadline.Repair, due, At, null, null),
                new WorkCompleted("tech-7", "Zhang", null, false, At),
                new FollowUpScheduled(1, FollowUpTrigger.AfterCompletion, At.AddDays(7)));
    }

    [Fact]
    public void S15_An_urgent_repair_completed_at_10_is_followed_up_by_10_the_next_day()
    {
        var completedAt = A.Monday;

        var followUp = Scenario.Given(History.InProgress(History.Logged(UrgencyClass.Urgent))).When(Complete(), completedAt).Single<FollowUpScheduled>();

        Assert.Equal(new FollowUpScheduled(1, FollowUpTrigger.AfterCompletion, new DateTimeOffset(2026, 3, 3, 10, 0, 0, TimeSpan.FromHours(8))), followUp);
    }

    [Fact]
    public void S16_A_leak_repair_is_followed_up_within_3_days_and_again_after_the_next_rain()
    {
        var result = Scenario.Given(History.InProgress(History.Logged(UrgencyClass.LeakSeepage))).When(Complete(), A.Monday);

        result.Then(
            new WorkCompleted("tech-7", "Zhang", null, false, A.Monday),
            new FollowUpScheduled(1, FollowUpTrigger.AfterCompletion, A.Monday.AddDays(3)),
            new FollowUpScheduled(2, FollowUpTrigger.AfterNextRain, null));
    }

    [Fact]
    public void S17_A_safety_facility_repair_completed_on_Monday_is_followed_up_by_Wednesday()
    {
        var followUp = Scenario.Given(History.InProgress(History.Logged(UrgencyClass.SafetyFacility))).When(Complete(), A.Monday).Single<FollowUpScheduled>();

        Assert.Equal(DayOfWeek.Wednesday, followUp.DueAt!.Value.DayOfWeek);
        Assert.Equal(A.Monday.AddDays(2), followUp.DueAt);
    }

    [Fact]
    public void S17_A_basin_drain_repair_completed_on_Monday_is_followed_up_by_the_next_Monday()
    {
        var followUp = Scenario.Given(History.InProgress(History.Logged(UrgencyClass.Other))).When(Complete(), A.Monday).Single<FollowUpScheduled>();

        Assert.Equal(A.Monday.AddDays(7), followUp.DueAt);
        Assert.Equal(DayOfWeek.Monday, followUp.DueAt!.Value.DayOfWeek);
    }

    [Fact]
    public void Follow_up_times_come_from_the_estates_policy()
    {
        var strict = new CompleteWork(A.OrderId, "Zhang", null, A.Policy.WithFollowUp(UrgencyClass.Other, new FollowUpRule(TimeSpan.FromDays(3))), A.Technician);

        var followUp = Scenario.Given(History.InProgress()).When(strict, A.Monday).Single<FollowUpScheduled>();

        Assert.Equal(A.Monday.AddDays(3), followUp.DueAt);
    }

    [Fact]
    public void Rework_is_not_charged_again()
    {
        var noticeAt = History.CompletedAt.AddDays(1).AddHours(1);

        Scenario.Given([.. History.ReworkOrdered(History.CompletedAt.AddDays(1)), new ReworkNoticeIssued("tech-7", noticeAt)])
            .When(Complete(amount: 30m), noticeAt.AddHours(3))
            .ThenRejected("rework-is-free-of-charge", RejectionKind.Invalid, "amount");
    }

    [Fact]
    public void Completing_rework_schedules_a_new_round_of_follow_ups()
    {
        var noticeAt = History.CompletedAt.AddDays(1).AddHours(1);
        var doneAt = noticeAt.AddHours(3);

        Scenario.Given([.. History.ReworkOrdered(History.CompletedAt.AddDays(1)), new ReworkNoticeIssued("tech-7", noticeAt)])
            .When(Complete(), doneAt)
            .Then(
                new WorkCompleted("tech-7", "Zhang", null, true, doneAt),
                new FollowUpScheduled(2, FollowUpTrigger.AfterCompletion, doneAt.AddDays(7)));
    }
}
