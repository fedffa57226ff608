using System.Globalization;
using Platform.BuildingBlocks.EventSourcing;

namespace Platform.WorkOrders.Features;

/// <summary>
/// A written rectification notice (整改通知单) to an external responsible unit, e.g. the contractor, demanding a
/// reply by a deadline (「致函要求责任单位限期答复」, 000:146). The deadline is the issuer's to set: no silent default.
/// </summary>
public sealed record IssueRectificationNotice(
    Guid WorkOrderId,
    string ResponsibleUnit,
    string Subject,
    DateTimeOffset ReplyDueAt,
    Actor By) : IWorkOrderCommand
{
    public static Decision Decide(IssueRectificationNotice command, WorkOrderState state, DateTimeOffset now)
    {
        var rejected = WorkOrderRules.MustExist(state)
            ?? WorkOrderRules.StaffOnly(command.By, "issue rectification notices")
            ?? WorkOrderRules.Required(command.ResponsibleUnit, "responsibleUnit", "responsible-unit-required")
            ?? WorkOrderRules.Required(command.Subject, "subject", "subject-required")
            ?? (command.ReplyDueAt > now
                ? null
                : Rejection.Invalid("reply-deadline-not-in-future", "replyDueAt", "The reply deadline must be in the future."))
            ?? WorkOrderRules.MustBeOpen(state);
        if (rejected is not null) return rejected;

        var sequence = (state.RectificationNotices.Count + 1).ToString(CultureInfo.InvariantCulture);
        var noticeId = DeterministicId.Create("rectification-notice", state.Id.ToString(), sequence);
        return Decision.Accept(new RectificationNoticeIssued(
            noticeId, command.ResponsibleUnit.Trim(), command.Subject.Trim(), command.ReplyDueAt, now));
    }
}
