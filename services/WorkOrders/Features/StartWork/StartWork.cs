using Platform.BuildingBlocks.EventSourcing;

namespace Platform.WorkOrders.Features;

/// <summary>
/// The technician starts work on site. Paid work waits for the owner's acceptance of the quote (001:271, S19).
/// Starting meets the handle deadline (S14); a late start records the breach if no watcher did.
/// </summary>
public sealed record StartWork(Guid WorkOrderId, Actor By) : IWorkOrderCommand
{
    public static Decision Decide(StartWork command, WorkOrderState state, DateTimeOffset now)
    {
        var rejected = WorkOrderRules.MustExist(state)
            ?? WorkOrderRules.AssignedTechnicianOnly(command.By, state, "start work")
            ?? WorkOrderRules.MustBeOpen(state);
        if (rejected is not null) return rejected;

        if (state.Status == WorkOrderStatus.InProgress)
            return Decision.NoChange;
        if (state.Status == WorkOrderStatus.AwaitingQuoteAcceptance || (state.Status == WorkOrderStatus.OnSite && state.IsPaid && state.Quote is not { Accepted: true }))
            return Rejection.Conflict("work-before-quote-accepted", state.Quote is null
                ? "A paid service needs a quote the owner accepts before work starts."
                : "The owner has not accepted the quote yet.");
        if (state.Status != WorkOrderStatus.OnSite)
            return Rejection.Conflict("technician-not-on-site", "Work starts once the technician's arrival is recorded.");

        return Decision.Accept(
            WorkOrderRules.BreachIfLate(state, SlaDeadline.Handle, state.HandleDueAt, now)
                .Append(new WorkStarted(command.By.Id, now)));
    }
}
