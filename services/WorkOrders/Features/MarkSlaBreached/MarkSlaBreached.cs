using Platform.BuildingBlocks.EventSourcing;

namespace Platform.WorkOrders.Features;

/// <summary>
/// Issued by the deadline watcher (or staff): records every deadline that has passed unmet and is not recorded
/// yet. Idempotent: a repeat finds nothing new.
/// </summary>
public sealed record MarkSlaBreached(Guid WorkOrderId, Actor By) : IWorkOrderCommand
{
    public static Decision Decide(MarkSlaBreached command, WorkOrderState state, DateTimeOffset now)
    {
        var rejected = WorkOrderRules.MustExist(state)
            ?? (command.By.HasRole(Roles.System) ? null : WorkOrderRules.StaffOnly(command.By, "record SLA breaches"));
        if (rejected is not null) return rejected;
        if (state.IsTerminal) return Decision.NoChange;

        var breaches = new List<object>();
        if (!state.WorkHasStarted)
            breaches.AddRange(WorkOrderRules.BreachIfLate(state, SlaDeadline.Handle, state.HandleDueAt, now));
        if (state.FirstCompletedAt is null)
            breaches.AddRange(WorkOrderRules.BreachIfLate(state, SlaDeadline.Repair, state.RepairDueAt, now));
        foreach (var followUp in state.FollowUps.Where(f => f.IsPending))
            breaches.AddRange(WorkOrderRules.BreachIfLate(state, SlaDeadline.FollowUp, followUp.DueAt, now, followUp.Sequence));
        if (state.OpenRework is { NoticeIssuedAt: null } rework)
            breaches.AddRange(WorkOrderRules.BreachIfLate(state, SlaDeadline.ReworkNotice, rework.NoticeDueAt, now, rework.FollowUpSequence));
        foreach (var notice in state.RectificationNotices.Where(n => n.RepliedAt is null))
            breaches.AddRange(WorkOrderRules.BreachIfLate(state, SlaDeadline.RectificationReply, notice.ReplyDueAt, now, noticeId: notice.NoticeId));

        return breaches.Count == 0 ? Decision.NoChange : Decision.Accept(breaches);
    }
}
