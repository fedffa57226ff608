using Platform.BuildingBlocks.EventSourcing;
using Platform.WorkOrders.Features;

namespace Platform.WorkOrders.Tests.Deciders;

public class RecordRectificationReplyTests
{
    private static readonly RectificationNoticeIssued Notice =
        new(Guid.Parse("0193a000-0000-7000-8000-0000000000aa"), "Contractor Huajian", "Re-seal the roof membrane", A.T0.AddDays(7), A.T0);

    private static RecordRectificationReply Reply(Guid? noticeId = null, string summary = "Will re-seal on Friday") =>
        new(A.OrderId, noticeId ?? Notice.NoticeId, summary, A.Agent);

    [Fact]
    public void The_responsible_units_reply_is_recorded()
    {
        var at = A.T0.AddDays(3);

        Scenario.Given([.. History.InProgress(), Notice]).When(Reply(), at).Then(new RectificationReplyRecorded(Notice.NoticeId, "Will re-seal on Friday", at));
    }

    [Fact]
    public void A_reply_after_the_deadline_records_the_breach()
    {
        var at = A.T0.AddDays(9);

        Scenario.Given([.. History.InProgress(), Notice]).When(Reply(), at)
            .Then(
                new WorkOrderSlaBreached(SlaDeadline.RectificationReply, Notice.ReplyDueAt, at, null, Notice.NoticeId),
                new RectificationReplyRecorded(Notice.NoticeId, "Will re-seal on Friday", at));
    }

    [Fact]
    public void A_reply_summarises_the_answer() =>
        Scenario.Given([.. History.InProgress(), Notice]).When(Reply(summary: ""), A.T0.AddDays(1)).ThenRejected("summary-required", RejectionKind.Invalid, "summary");

    [Fact]
    public void A_reply_to_an_unknown_notice_is_not_found() =>
        Scenario.Given([.. History.InProgress(), Notice]).When(Reply(Guid.NewGuid()), A.T0.AddDays(1)).ThenRejected("rectification-notice-not-found", RejectionKind.NotFound);

    [Fact]
    public void Recording_the_reply_twice_changes_nothing() =>
        Scenario.Given([.. History.InProgress(), Notice, new RectificationReplyRecorded(Notice.NoticeId, "Will re-seal on Friday", A.T0.AddDays(1))])
            .When(Reply(), A.T0.AddDays(2))
            .ThenNothing();
}
