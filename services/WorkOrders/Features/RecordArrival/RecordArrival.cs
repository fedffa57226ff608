using Platform.BuildingBlocks.EventSourcing;

namespace Platform.WorkOrders.Features;

public sealed record RecordArrival(Guid WorkOrderId, Actor By) : IWorkOrderCommand
{
    public static Decision Decide(RecordArrival command, WorkOrderState state, DateTimeOffset now)
    {
        var rejected = WorkOrderRules.MustExist(state)
            ?? WorkOrderRules.AssignedTechnicianOnly(command.By, state, "record arrival")
            ?? WorkOrderRules.MustBeOpen(state);
        if (rejected is not null) return rejected;

        return state.Status switch
        {
            WorkOrderStatus.Dispatched => Decision.Accept(new TechnicianArrived(command.By.Id, now)),
            WorkOrderStatus.OnSite or WorkOrderStatus.AwaitingQuoteAcceptance or WorkOrderStatus.InProgress => Decision.NoChange,
            _ => Rejection.Conflict("not-dispatched", "The order is not waiting for a technician's visit."),
        };
    }
}
