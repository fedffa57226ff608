using Platform.BuildingBlocks.EventSourcing;
using Platform.WorkOrders.Features;

namespace Platform.WorkOrders.Tests.Deciders;

public class RecordFollowUpTests
{
    private static RecordFollowUp Satisfied(DateTimeOffset? rainedAt = null, Actor? by = null) =>
        new(A.OrderId, FollowUpOutcome.Satisfied, null, rainedAt, A.Policy, by ?? A.Agent);

    private static RecordFollowUp ProblemFound(ReworkReason? problem = ReworkReason.NotFixed) =>
        new(A.OrderId, FollowUpOutcome.ProblemFound, problem, null, A.Policy, A.Agent);

    [Fact]
    public void A_satisfied_follow_up_is_recorded()
    {
        var at = History.CompletedAt.AddDays(1);

        Scenario.Given(History.Completed(UrgencyClass.Other, History.CompletedAt))
            .When(Satisfied(), at)
            .Then(new FollowUpRecorded(1, FollowUpOutcome.Satisfied, null, null, at));
    }

    [Fact]
    public void S15_The_second_urgent_follow_up_is_due_2_days_after_the_first()
    {
        // Completed 10:00 on day 0; follow-up #1 at 09:00 on day 1, within its 24 h.
        var firstAt = A.Monday.AddHours(23);

        Scenario.Given(History.Completed(UrgencyClass.Urgent, A.Monday))
            .When(Satisfied(), firstAt)
            .Then(
                new FollowUpRecorded(1, FollowUpOutcome.Satisfied, null, null, firstAt),
                new FollowUpScheduled(2, FollowUpTrigger.AfterPreviousFollowUp, firstAt.AddDays(2)));
    }

    [Fact]
    public void The_second_urgent_follow_up_schedules_no_third()
    {
        var firstAt = A.Monday.AddHours(23);
        var secondAt = firstAt.AddDays(2);

        Scenario.Given([
                .. History.Completed(UrgencyClass.Urgent, A.Monday),
                new FollowUpRecorded(1, FollowUpOutcome.Satisfied, null, null, firstAt),
                new FollowUpScheduled(2, FollowUpTrigger.AfterPreviousFollowUp, secondAt)])
            .When(Satisfied(), secondAt)
            .Then(new FollowUpRecorded(2, FollowUpOutcome.Satisfied, null, null, secondAt));
    }

    [Fact]
    public void A_follow_up_that_finds_a_problem_orders_rework_with_a_written_notice_due_within_12_hours()
    {
        var at = History.CompletedAt.AddDays(1);

        Scenario.Given(History.Completed(UrgencyClass.Other, History.CompletedAt))
            .When(ProblemFound(ReworkReason.Recurred), at)
            .Then(
                new FollowUpRecorded(1, FollowUpOutcome.ProblemFound, ReworkReason.Recurred, null, at),
                new ReworkOrdered(1, ReworkReason.Recurred, at, at.AddHours(12)));
    }

    [Fact]
    public void A_follow_up_that_finds_a_problem_says_what_kind_of_problem() =>
        Scenario.Given(History.Completed(UrgencyClass.Other, History.CompletedAt))
            .When(ProblemFound(problem: null), History.CompletedAt.AddDays(1))
            .ThenRejected("problem-required", RejectionKind.Invalid, "problem");

    [Fact]
    public void Rework_withdraws_the_follow_ups_still_pending()
    {
        var at = A.Monday.AddDays(1);

        var state = Scenario.Given(History.Completed(UrgencyClass.LeakSeepage, A.Monday)).When(ProblemFound(), at).StateAfter;

        Assert.Null(state.NextPendingFollowUp);
        Assert.Equal(WorkOrderStatus.ReworkOrdered, state.Status);
    }

    [Fact]
    public void The_after_rain_follow_up_of_a_leak_repair_says_when_it_rained()
    {
        object[] firstDone =
        [
            .. History.Completed(UrgencyClass.LeakSeepage, A.Monday),
            new FollowUpRecorded(1, FollowUpOutcome.Satisfied, null, null, A.Monday.AddDays(2)),
        ];
        var rain = A.Monday.AddDays(9);
        var at = A.Monday.AddDays(10);

        Scenario.Given(firstDone).When(Satisfied(), at).ThenRejected("rain-time-required", RejectionKind.Invalid, "rainedAt");
        Scenario.Given(firstDone).When(Satisfied(rainedAt: rain), at).Then(new FollowUpRecorded(2, FollowUpOutcome.Satisfied, null, rain, at));
    }

    [Fact]
    public void The_rain_must_fall_after_the_repair_and_not_in_the_future()
    {
        object[] firstDone =
        [
            .. History.Completed(UrgencyClass.LeakSeepage, A.Monday),
            new FollowUpRecorded(1, FollowUpOutcome.Satisfied, null, null, A.Monday.AddDays(2)),
        ];
        var at = A.Monday.AddDays(10);

        Scenario.Given(firstDone).When(Satisfied(rainedAt: A.Monday.AddDays(-1)), at).ThenRejected("rain-time-invalid", RejectionKind.Invalid, "rainedAt");
        Scenario.Given(firstDone).When(Satisfied(rainedAt: at.AddDays(1)), at).ThenRejected("rain-time-invalid", RejectionKind.Invalid, "rainedAt");
    }

    [Fact]
    public void A_late_follow_up_records_its_breach_with_it()
    {
        var due = History.CompletedAt.AddDays(7);
        var at = due.AddHours(5);

        Scenario.Given(History.Completed(UrgencyClass.Other, History.CompletedAt))
            .When(Satisfied(), at)
            .Then(
                new WorkOrderSlaBreached(SlaDeadline.FollowUp, due, at, 1, null),
                new FollowUpRecorded(1, FollowUpOutcome.Satisfied, null, null, at));
    }

    [Fact]
    public void Follow_ups_are_recorded_by_staff() =>
        Scenario.Given(History.Completed(UrgencyClass.Other, History.CompletedAt))
            .When(Satisfied(by: A.Technician), History.CompletedAt.AddDays(1))
            .ThenRejected("role-not-allowed", RejectionKind.Forbidden);

    [Fact]
    public void No_follow_up_is_due_before_the_work_is_completed() =>
        Scenario.Given(History.InProgress()).When(Satisfied(), History.CompletedAt).ThenRejected("no-follow-up-due", RejectionKind.Conflict);

    [Fact]
    public void No_follow_up_is_due_once_every_follow_up_is_recorded() =>
        Scenario.Given(History.ReadyToClose()).When(Satisfied(), History.CompletedAt.AddDays(2)).ThenRejected("no-follow-up-due", RejectionKind.Conflict);
}
