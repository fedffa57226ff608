using Platform.BuildingBlocks.EventSourcing;
using Platform.WorkOrders.Features;

namespace Platform.WorkOrders.Tests.Deciders;

public class IssueReworkNoticeTests
{
    private static readonly DateTimeOffset OrderedAt = History.CompletedAt.AddDays(1);

    private static IssueReworkNotice Notice(string technicianId = "tech-7", Actor? by = null) => new(A.OrderId, technicianId, by ?? A.TeamLeader);

    [Fact]
    public void The_written_rework_notice_sends_the_order_back_to_the_technician()
    {
        var at = OrderedAt.AddHours(2);

        var result = Scenario.Given(History.ReworkOrdered(OrderedAt)).When(Notice(), at);

        result.Then(new ReworkNoticeIssued("tech-7", at));
        Assert.Equal(WorkOrderStatus.InProgress, result.StateAfter.Status);
    }

    [Fact]
    public void The_rework_can_go_to_another_technician()
    {
        var state = Scenario.Given(History.ReworkOrdered(OrderedAt)).When(Notice("tech-8"), OrderedAt.AddHours(1)).StateAfter;

        Assert.Equal("tech-8", state.TechnicianId);
    }

    [Fact]
    public void A_rework_notice_later_than_12_hours_is_a_breach()
    {
        var at = OrderedAt.AddHours(13);

        Scenario.Given(History.ReworkOrdered(OrderedAt))
            .When(Notice(), at)
            .Then(new WorkOrderSlaBreached(SlaDeadline.ReworkNotice, OrderedAt.AddHours(12), at, 1, null), new ReworkNoticeIssued("tech-7", at));
    }

    [Fact]
    public void A_rework_notice_needs_rework_ordered_by_a_follow_up() =>
        Scenario.Given(History.Completed(UrgencyClass.Other, History.CompletedAt)).When(Notice(), OrderedAt).ThenRejected("no-rework-ordered", RejectionKind.Conflict);

    [Fact]
    public void Rework_notices_are_issued_by_staff() =>
        Scenario.Given(History.ReworkOrdered(OrderedAt)).When(Notice(by: A.Technician), OrderedAt).ThenRejected("role-not-allowed", RejectionKind.Forbidden);

    [Fact]
    public void Issuing_the_notice_twice_changes_nothing() =>
        Scenario.Given([.. History.ReworkOrdered(OrderedAt), new ReworkNoticeIssued("tech-7", OrderedAt.AddHours(1))])
            .When(Notice(), OrderedAt.AddHours(2))
            .ThenNothing();
}
