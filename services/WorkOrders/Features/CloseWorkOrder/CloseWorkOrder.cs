using Platform.BuildingBlocks.EventSourcing;

namespace Platform.WorkOrders.Features;

/// <summary>
/// Close the order: only when every required follow-up is recorded and satisfied, no rework is open, and every
/// rectification notice has its reply (brief 4.2 step 11, S16).
/// </summary>
public sealed record CloseWorkOrder(Guid WorkOrderId, Actor By) : IWorkOrderCommand
{
    public static Decision Decide(CloseWorkOrder command, WorkOrderState state, DateTimeOffset now)
    {
        var rejected = WorkOrderRules.MustExist(state) ?? WorkOrderRules.StaffOnly(command.By, "close work orders");
        if (rejected is not null) return rejected;

        if (state.Status == WorkOrderStatus.Closed)
            return Decision.NoChange;
        if (WorkOrderRules.MustBeOpen(state) is { } terminal)
            return terminal;
        if (state.Status != WorkOrderStatus.Completed || state.OpenRework is not null
            || state.FollowUps.Count == 0 || state.NextPendingFollowUp is not null)
            return Rejection.Conflict("close-needs-follow-ups", "The order closes after the work is completed and every required follow-up found it satisfactory.");
        if (state.RectificationNotices.Any(n => n.RepliedAt is null))
            return Rejection.Conflict("close-needs-rectification-replies", "A rectification notice is still waiting for the responsible unit's reply.");

        return Decision.Accept(new WorkOrderClosed(now));
    }
}
