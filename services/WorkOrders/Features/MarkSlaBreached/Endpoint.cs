using Platform.BuildingBlocks.Security;
using Platform.BuildingBlocks.Http;
using Platform.WorkOrders.Api;

namespace Platform.WorkOrders.Features;

public static class MarkSlaBreachedEndpoint
{
    public static void Map(RouteGroupBuilder orders) =>
        orders.MapPost("/{id:guid}/sla-check", (Guid id, HttpContext http, WorkOrderCommands commands, CancellationToken ct) =>
                commands.ExecuteAsync(http, id, rawBody: "", (by, _) => new MarkSlaBreached(id, by), ct))
            .WithName("MarkSlaBreached")
            .RequireRoles(WorkOrderRoles.Staff)
            .WithSummary("Record every deadline that has passed unmet (what the SLA watcher does on its own).")
            .Produces<WorkOrderView>()
            .ProducesCommandProblems();
}
