using Platform.BuildingBlocks.EventSourcing;

namespace Platform.WorkOrders.Features;

/// <summary>
/// Record the written rework notice to the technician (「12 小时内书面通知维修人员整改」, 001:205). The notice sends the
/// order back into work with that technician. A late notice is accepted, and its breach recorded.
/// </summary>
public sealed record IssueReworkNotice(Guid WorkOrderId, string TechnicianId, Actor By) : IWorkOrderCommand
{
    public static Decision Decide(IssueReworkNotice command, WorkOrderState state, DateTimeOffset now)
    {
        var rejected = WorkOrderRules.MustExist(state)
            ?? WorkOrderRules.StaffOnly(command.By, "issue rework notices")
            ?? WorkOrderRules.Required(command.TechnicianId, "technicianId", "technician-required")
            ?? WorkOrderRules.MustBeOpen(state);
        if (rejected is not null) return rejected;

        if (state.OpenRework is not { } rework)
            return Rejection.Conflict("no-rework-ordered", "No follow-up has ordered rework on this order.");
        if (rework.NoticeIssuedAt is not null)
            return Decision.NoChange;

        return Decision.Accept(
            WorkOrderRules.BreachIfLate(state, SlaDeadline.ReworkNotice, rework.NoticeDueAt, now, rework.FollowUpSequence)
                .Append(new ReworkNoticeIssued(command.TechnicianId.Trim(), now)));
    }
}
