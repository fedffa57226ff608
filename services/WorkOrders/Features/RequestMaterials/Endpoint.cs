using Platform.BuildingBlocks.Security;
using Platform.BuildingBlocks.Http;
using Platform.WorkOrders.Api;

namespace Platform.WorkOrders.Features;

public sealed record RequestMaterialsRequest([Required] IReadOnlyList<MaterialLineRequest>? Lines);

public sealed record MaterialLineRequest([Required] string? ItemCode, [Required] decimal? Quantity, [Required] string? Unit);

public static class RequestMaterialsEndpoint
{
    public static void Map(RouteGroupBuilder orders) =>
        orders.MapPost("/{id:guid}/materials-requests", (Guid id, HttpContext http, WorkOrderCommands commands, CancellationToken ct) =>
                commands.ExecuteAsync<RequestMaterialsRequest>(http, id, (b, by, _) => new RequestMaterials(id, (b.Lines ?? []).Select((l, i) => Line(Need.Item(l, $"lines[{i}]"), i)).ToList(), by), ct))
            .WithName("RequestMaterials")
            .RequireRoles(WorkOrderRoles.Technicians)
            .WithSummary("The technician asks for material; Inventory opens a requisition.")
            .Accepts<RequestMaterialsRequest>("application/json")
            .Produces<WorkOrderView>()
            .ProducesCommandProblems();

    private static MaterialLine Line(MaterialLineRequest line, int i) =>
        new(line.ItemCode ?? "", Need.Value(line.Quantity, $"lines[{i}].quantity"), line.Unit ?? "");
}
