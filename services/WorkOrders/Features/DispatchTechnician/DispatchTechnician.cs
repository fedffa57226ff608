using Platform.BuildingBlocks.EventSourcing;

namespace Platform.WorkOrders.Features;

/// <summary>Send a technician with the sheet at an agreed time (「携单在约定时间上门」, 001:269). Reassigning before arrival is allowed.</summary>
public sealed record DispatchTechnician(Guid WorkOrderId, string TechnicianId, DateTimeOffset AppointmentAt, Actor By) : IWorkOrderCommand
{
    public static Decision Decide(DispatchTechnician command, WorkOrderState state, DateTimeOffset now)
    {
        var rejected = WorkOrderRules.MustExist(state)
            ?? WorkOrderRules.StaffOnly(command.By, "dispatch a technician")
            ?? WorkOrderRules.Required(command.TechnicianId, "technicianId", "technician-required")
            ?? (command.AppointmentAt == default ? Rejection.Invalid("appointment-required", "appointmentAt", "The agreed visit time is required.") : null)
            ?? WorkOrderRules.MustBeOpen(state);
        if (rejected is not null) return rejected;

        if (state.Status is not (WorkOrderStatus.Logged or WorkOrderStatus.Dispatched))
            return Rejection.Conflict("dispatch-after-arrival", "The technician is already on site; the order can no longer be dispatched.");

        return Decision.Accept(new TechnicianDispatched(command.TechnicianId.Trim(), command.AppointmentAt, now));
    }
}
