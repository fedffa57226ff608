using Platform.BuildingBlocks.EventSourcing;
using Platform.WorkOrders.Features;

namespace Platform.WorkOrders.Tests.Deciders;

public class CloseWorkOrderTests
{
    private static readonly CloseWorkOrder Close = new(A.OrderId, A.Agent);

    [Fact]
    public void An_order_closes_when_every_required_follow_up_found_it_satisfactory()
    {
        var at = History.CompletedAt.AddDays(2);

        Scenario.Given(History.ReadyToClose()).When(Close, at).Then(new WorkOrderClosed(at));
    }

    [Fact]
    public void Close_needs_the_follow_ups() =>
        Scenario.Given(History.Completed(UrgencyClass.Other, History.CompletedAt))
            .When(Close, History.CompletedAt.AddHours(1))
            .ThenRejected("close-needs-follow-ups", RejectionKind.Conflict);

    [Fact]
    public void Close_needs_the_work_completed() =>
        Scenario.Given(History.InProgress()).When(Close, History.CompletedAt).ThenRejected("close-needs-follow-ups", RejectionKind.Conflict);

    [Fact]
    public void S15_An_urgent_order_cannot_close_after_only_its_first_follow_up()
    {
        var firstAt = A.Monday.AddHours(23);

        Scenario.Given([
                .. History.Completed(UrgencyClass.Urgent, A.Monday),
                new FollowUpRecorded(1, FollowUpOutcome.Satisfied, null, null, firstAt),
                new FollowUpScheduled(2, FollowUpTrigger.AfterPreviousFollowUp, firstAt.AddDays(2))])
            .When(Close, firstAt.AddHours(1))
            .ThenRejected("close-needs-follow-ups", RejectionKind.Conflict);
    }

    [Fact]
    public void S16_A_leak_order_cannot_close_before_the_after_rain_follow_up()
    {
        object[] firstDone =
        [
            .. History.Completed(UrgencyClass.LeakSeepage, A.Monday),
            new FollowUpRecorded(1, FollowUpOutcome.Satisfied, null, null, A.Monday.AddDays(2)),
        ];

        Scenario.Given(firstDone).When(Close, A.Monday.AddDays(3)).ThenRejected("close-needs-follow-ups", RejectionKind.Conflict);
        Scenario.Given([.. firstDone, new FollowUpRecorded(2, FollowUpOutcome.Satisfied, null, A.Monday.AddDays(9), A.Monday.AddDays(10))])
            .When(Close, A.Monday.AddDays(10))
            .Single<WorkOrderClosed>();
    }

    [Fact]
    public void An_order_with_rework_open_cannot_close()
    {
        var orderedAt = History.CompletedAt.AddDays(1);

        Scenario.Given(History.ReworkOrdered(orderedAt)).When(Close, orderedAt.AddHours(1)).ThenRejected("close-needs-follow-ups", RejectionKind.Conflict);
        Scenario.Given([.. History.ReworkOrdered(orderedAt), new ReworkNoticeIssued("tech-7", orderedAt.AddHours(1))])
            .When(Close, orderedAt.AddHours(2))
            .ThenRejected("close-needs-follow-ups", RejectionKind.Conflict);
    }

    [Fact]
    public void Close_needs_every_rectification_notice_replied()
    {
        var at = History.CompletedAt.AddDays(2);
        var notice = new RectificationNoticeIssued(Guid.NewGuid(), "Contractor Huajian", "Re-seal the roof membrane", at.AddDays(7), History.CompletedAt);

        Scenario.Given([.. History.ReadyToClose(), notice]).When(Close, at).ThenRejected("close-needs-rectification-replies", RejectionKind.Conflict);
        Scenario.Given([.. History.ReadyToClose(), notice, new RectificationReplyRecorded(notice.NoticeId, "Will re-seal on Friday", at)])
            .When(Close, at)
            .Single<WorkOrderClosed>();
    }

    [Fact]
    public void Closing_twice_changes_nothing() =>
        Scenario.Given([.. History.ReadyToClose(), new WorkOrderClosed(History.CompletedAt.AddDays(2))])
            .When(Close, History.CompletedAt.AddDays(3))
            .ThenNothing();

    [Fact]
    public void Orders_are_closed_by_staff() =>
        Scenario.Given(History.ReadyToClose())
            .When(new CloseWorkOrder(A.OrderId, A.Technician), History.CompletedAt.AddDays(2))
            .ThenRejected("role-not-allowed", RejectionKind.Forbidden);
}
