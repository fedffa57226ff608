using Platform.BuildingBlocks.EventSourcing;

namespace Platform.WorkOrders.Features;

/// <summary>A supervisor changes the urgency class; the SLA deadlines are recomputed from the time the order was logged.</summary>
public sealed record ClassifyUrgency(Guid WorkOrderId, UrgencyClass Urgency, WorkOrderPolicy Policy, Actor By) : IWorkOrderCommand
{
    public static Decision Decide(ClassifyUrgency command, WorkOrderState state, DateTimeOffset now)
    {
        var rejected = WorkOrderRules.MustExist(state)
            ?? (command.By.HasAnyRole(WorkOrderRoles.Supervisors)
                ? null
                : Rejection.Forbidden("reclassify-needs-supervisor", "Only a supervisor, team leader or manager may change the urgency class."))
            ?? WorkOrderRules.MustBeOpen(state);
        if (rejected is not null) return rejected;

        // The follow-up plan is fixed at completion; changing the class afterwards would silently rewrite it.
        if (state.FirstCompletedAt is not null)
            return Rejection.Conflict("urgency-fixed-after-completion", "The urgency class cannot change once the work is completed.");
        if (state.Urgency == command.Urgency)
            return Decision.NoChange;

        var sla = command.Policy.SlaFor(state.Category, command.Urgency);
        return Decision.Accept(new WorkOrderUrgencyReclassified(
            state.Urgency, command.Urgency, state.LoggedAt + sla.HandleWithin, state.LoggedAt + sla.RepairWithin, now));
    }
}
