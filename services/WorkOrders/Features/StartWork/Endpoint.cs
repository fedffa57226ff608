using Platform.BuildingBlocks.Security;
using Platform.BuildingBlocks.Http;
using Platform.WorkOrders.Api;

namespace Platform.WorkOrders.Features;

public static class StartWorkEndpoint
{
    public static void Map(RouteGroupBuilder orders) =>
        orders.MapPost("/{id:guid}/start", (Guid id, HttpContext http, WorkOrderCommands commands, CancellationToken ct) =>
                commands.ExecuteAsync(http, id, rawBody: "", (by, _) => new StartWork(id, by), ct))
            .WithName("StartWork")
            .RequireRoles(WorkOrderRoles.Technicians)
            .WithSummary("The assigned technician starts work; refused for paid work before the owner accepted a quote (S19).")
            .Produces<WorkOrderView>()
            .ProducesCommandProblems();
}
