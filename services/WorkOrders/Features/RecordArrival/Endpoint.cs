using Platform.BuildingBlocks.Security;
using Platform.BuildingBlocks.Http;
using Platform.WorkOrders.Api;

namespace Platform.WorkOrders.Features;

public static class RecordArrivalEndpoint
{
    public static void Map(RouteGroupBuilder orders) =>
        orders.MapPost("/{id:guid}/arrival", (Guid id, HttpContext http, WorkOrderCommands commands, CancellationToken ct) =>
                commands.ExecuteAsync(http, id, rawBody: "", (by, _) => new RecordArrival(id, by), ct))
            .WithName("RecordArrival")
            .RequireRoles(WorkOrderRoles.Technicians)
            .WithSummary("The assigned technician is on site.")
            .Produces<WorkOrderView>()
            .ProducesCommandProblems();
}
