using Platform.BuildingBlocks.EventSourcing;
using Platform.WorkOrders.Features;

namespace Platform.WorkOrders.Tests.Deciders;

public class MarkSlaBreachedTests
{
    private static readonly MarkSlaBreached Mark = new(A.OrderId, Actor.System);

    /// <summary>S14: a user reports a gas equipment fault at 08:00.</summary>
    private static readonly DateTimeOffset GasReportedAt = new(2026, 3, 2, 8, 0, 0, TimeSpan.FromHours(8));

    private static object[] GasFaultLogged()
    {
        var logged = Scenario.Given()
            .When(new LogWorkOrder(A.OrderId, IntakeChannel.Hotline, WorkOrderType.Repair, A.Unit, A.Reporter, null,
                "Gas water heater will not ignite", "gas-fault", UrgencyClass.Other, A.Policy, A.Agent), GasReportedAt)
            .Single<WorkOrderLogged>();
        return [logged, new TechnicianDispatched("tech-7", GasReportedAt.AddHours(2), GasReportedAt.AddMinutes(10))];
    }

    [Fact]
    public void S14_A_gas_fault_without_work_started_by_14_00_breaches_the_6_hour_handle_deadline()
    {
        var at = GasReportedAt.AddHours(6).AddSeconds(1);

        Scenario.Given(GasFaultLogged()).When(Mark, at)
            .Then(new WorkOrderSlaBreached(SlaDeadline.Handle, GasReportedAt.AddHours(6), at, null, null));
    }

    [Fact]
    public void S14_A_gas_fault_not_completed_by_08_00_next_day_breaches_the_24_hour_repair_deadline()
    {
        var startedLate = GasReportedAt.AddHours(7);
        var at = GasReportedAt.AddHours(24).AddMinutes(1);

        Scenario.Given([
                .. GasFaultLogged(),
                new TechnicianArrived("tech-7", startedLate),
                new WorkOrderSlaBreached(SlaDeadline.Handle, GasReportedAt.AddHours(6), GasReportedAt.AddHours(6).AddMinutes(1), null, null),
                new WorkStarted("tech-7", startedLate)])
            .When(Mark, at)
            .Then(new WorkOrderSlaBreached(SlaDeadline.Repair, GasReportedAt.AddHours(24), at, null, null));
    }

    [Fact]
    public void Nothing_is_breached_before_a_deadline_passes() =>
        Scenario.Given(GasFaultLogged()).When(Mark, GasReportedAt.AddHours(6)).ThenNothing();

    [Fact]
    public void Marking_breaches_is_idempotent()
    {
        var at = GasReportedAt.AddHours(7);
        var first = Scenario.Given(GasFaultLogged()).When(Mark, at).Single<WorkOrderSlaBreached>();

        Scenario.Given([.. GasFaultLogged(), first]).When(Mark, at.AddMinutes(5)).ThenNothing();
    }

    [Fact]
    public void Both_deadlines_breach_together_when_the_watcher_comes_late()
    {
        var at = GasReportedAt.AddDays(2);

        Scenario.Given(GasFaultLogged()).When(Mark, at)
            .Then(
                new WorkOrderSlaBreached(SlaDeadline.Handle, GasReportedAt.AddHours(6), at, null, null),
                new WorkOrderSlaBreached(SlaDeadline.Repair, GasReportedAt.AddHours(24), at, null, null));
    }

    [Fact]
    public void Started_work_meets_the_handle_deadline()
    {
        object[] started = [.. GasFaultLogged(), new TechnicianArrived("tech-7", GasReportedAt.AddHours(1)), new WorkStarted("tech-7", GasReportedAt.AddHours(2))];

        Scenario.Given(started).When(Mark, GasReportedAt.AddHours(10)).ThenNothing();
    }

    [Fact]
    public void An_overdue_follow_up_is_a_breach()
    {
        var due = History.CompletedAt.AddDays(7);
        var at = due.AddMinutes(1);

        Scenario.Given(History.Completed(UrgencyClass.Other, History.CompletedAt)).When(Mark, at)
            .Then(new WorkOrderSlaBreached(SlaDeadline.FollowUp, due, at, 1, null));
    }

    [Fact]
    public void The_after_rain_follow_up_has_no_deadline_to_breach()
    {
        object[] waitingForRain =
        [
            .. History.Completed(UrgencyClass.LeakSeepage, A.Monday),
            new FollowUpRecorded(1, FollowUpOutcome.Satisfied, null, null, A.Monday.AddDays(2)),
        ];

        Scenario.Given(waitingForRain).When(Mark, A.Monday.AddDays(60)).ThenNothing();
    }

    [Fact]
    public void A_rework_notice_missing_after_12_hours_is_a_breach()
    {
        var orderedAt = History.CompletedAt.AddDays(1);
        var at = orderedAt.AddHours(12).AddMinutes(1);

        Scenario.Given(History.ReworkOrdered(orderedAt)).When(Mark, at)
            .Then(new WorkOrderSlaBreached(SlaDeadline.ReworkNotice, orderedAt.AddHours(12), at, 1, null));
    }

    [Fact]
    public void An_overdue_rectification_reply_is_a_breach()
    {
        var notice = new RectificationNoticeIssued(Guid.NewGuid(), "Contractor Huajian", "Re-seal the roof membrane", A.T0.AddDays(7), A.T0);
        var at = A.T0.AddDays(8);

        Scenario.Given([.. History.InProgress(), notice]).When(Mark, at)
            .Then(new WorkOrderSlaBreached(SlaDeadline.RectificationReply, notice.ReplyDueAt, at, null, notice.NoticeId));
    }

    [Fact]
    public void Closed_and_cancelled_orders_breach_nothing()
    {
        Scenario.Given([.. History.ReadyToClose(), new WorkOrderClosed(History.CompletedAt.AddDays(2))]).When(Mark, A.T0.AddYears(1)).ThenNothing();
        Scenario.Given([.. History.AwaitingQuote(), new WorkOrderCancelled(CancellationReason.QuoteDeclined, A.T0.AddHours(1))])
            .When(Mark, A.T0.AddYears(1))
            .ThenNothing();
    }

    [Fact]
    public void Breaches_are_marked_by_the_deadline_watcher_or_staff()
    {
        Scenario.Given(GasFaultLogged()).When(new MarkSlaBreached(A.OrderId, A.Supervisor), GasReportedAt.AddHours(7)).Single<WorkOrderSlaBreached>();
        Scenario.Given(GasFaultLogged()).When(new MarkSlaBreached(A.OrderId, A.Technician), GasReportedAt.AddHours(7)).ThenRejected("role-not-allowed", RejectionKind.Forbidden);
    }
}
