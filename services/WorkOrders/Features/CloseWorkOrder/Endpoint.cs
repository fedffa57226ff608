using Platform.BuildingBlocks.Security;
using Platform.BuildingBlocks.Http;
using Platform.WorkOrders.Api;

namespace Platform.WorkOrders.Features;

public static class CloseWorkOrderEndpoint
{
    public static void Map(RouteGroupBuilder orders) =>
        orders.MapPost("/{id:guid}/closure", (Guid id, HttpContext http, WorkOrderCommands commands, CancellationToken ct) =>
                commands.ExecuteAsync(http, id, rawBody: "", (by, _) => new CloseWorkOrder(id, by), ct))
            .WithName("CloseWorkOrder")
            .RequireRoles(WorkOrderRoles.Staff)
            .WithSummary("Close the order once every required follow-up found it satisfactory.")
            .Produces<WorkOrderView>()
            .ProducesCommandProblems();
}
