using Platform.BuildingBlocks.EventSourcing;

namespace Platform.WorkOrders.Features;

/// <summary>The responsible unit's reply to a rectification notice. A late reply is accepted and its breach recorded.</summary>
public sealed record RecordRectificationReply(Guid WorkOrderId, Guid NoticeId, string Summary, Actor By) : IWorkOrderCommand
{
    public static Decision Decide(RecordRectificationReply command, WorkOrderState state, DateTimeOffset now)
    {
        var rejected = WorkOrderRules.MustExist(state)
            ?? WorkOrderRules.StaffOnly(command.By, "record rectification replies")
            ?? WorkOrderRules.Required(command.Summary, "summary", "summary-required");
        if (rejected is not null) return rejected;

        if (state.RectificationNotices.FirstOrDefault(n => n.NoticeId == command.NoticeId) is not { } notice)
            return Rejection.NotFound("rectification-notice-not-found", "This work order has no such rectification notice.");
        if (notice.RepliedAt is not null)
            return Decision.NoChange;

        return Decision.Accept(
            WorkOrderRules.BreachIfLate(state, SlaDeadline.RectificationReply, notice.ReplyDueAt, now, noticeId: notice.NoticeId)
                .Append(new RectificationReplyRecorded(notice.NoticeId, command.Summary.Trim(), now)));
    }
}
