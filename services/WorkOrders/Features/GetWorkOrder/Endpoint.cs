using Platform.WorkOrders.Api;

namespace Platform.WorkOrders.Features;

public static class GetWorkOrderEndpoint
{
    public static void Map(RouteGroupBuilder orders) =>
        orders.MapGet("/{id:guid}", (Guid id, HttpContext http, WorkOrderCommands commands, CancellationToken ct) => commands.GetAsync(http, id, ct))
            .WithName("GetWorkOrder")
            .WithSummary("One work order, read from its stream; the ETag is its revision, for If-Match.")
            .Produces<WorkOrderView>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
