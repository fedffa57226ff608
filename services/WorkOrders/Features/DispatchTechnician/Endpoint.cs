using Platform.BuildingBlocks.Security;
using Platform.BuildingBlocks.Http;
using Platform.WorkOrders.Api;

namespace Platform.WorkOrders.Features;

public sealed record DispatchTechnicianRequest([Required] string? TechnicianId, [Required] DateTimeOffset? AppointmentAt);

public static class DispatchTechnicianEndpoint
{
    public static void Map(RouteGroupBuilder orders) =>
        orders.MapPost("/{id:guid}/dispatch", (Guid id, HttpContext http, WorkOrderCommands commands, CancellationToken ct) =>
                commands.ExecuteAsync<DispatchTechnicianRequest>(http, id, (b, by, _) => new DispatchTechnician(id, Need.Text(b.TechnicianId, "technicianId"), Need.Value(b.AppointmentAt, "appointmentAt"), by), ct))
            .WithName("DispatchTechnician")
            .RequireRoles(WorkOrderRoles.Staff)
            .WithSummary("Send a technician at an agreed time (派工); reassigning before arrival is allowed.")
            .Accepts<DispatchTechnicianRequest>("application/json")
            .Produces<WorkOrderView>()
            .ProducesCommandProblems();
}
