using Platform.BuildingBlocks.EventSourcing;

namespace Platform.Complaints.Features;

/// <summary>
/// A work order (派工单) was opened for the complaint (002:52); the latest one linked is the one the complaint waits for.
/// Issued by the integration consumer: a repeat, or one for a closed complaint, changes nothing.
/// </summary>
public sealed record LinkWorkOrder(Guid WorkOrderId, Actor By) : IComplaintCommand
{
    public static Decision Decide(LinkWorkOrder command, ComplaintState state, DateTimeOffset now)
    {
        if ((ComplaintRules.RequireStaffOrSystem(command.By) ?? ComplaintRules.RequireExists(state)) is { } rejection) return rejection;
        if (command.WorkOrderId == Guid.Empty)
            return Rejection.Invalid("work-order-id-required", "workOrderId", "A work order id is required.");
        if (state.IsClosed || state.WorkOrderIds.Contains(command.WorkOrderId)) return Decision.NoChange;

        return Decision.Accept(new ComplaintWorkOrderLinked(command.WorkOrderId, now));
    }
}
