using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.Inventory.Api;
using Platform.Inventory.ControlledItems;

using NewControlledItem = Platform.BuildingBlocks.Http.NewAggregate<Platform.Inventory.ControlledItems.IControlledItemCommand>;

namespace Platform.Inventory.Features;

/// <param name="Tag">The item's own tag, unique: "KEY-3-501".</param>
public sealed record RegisterControlledItemRequest([Required] string? Tag, [Required] ControlledItemKind? Kind, [Required] string? Description, [Required] Guid? StoreId);

public sealed record LendControlledItemRequest([Required] string? HolderId, string? Purpose, DateTimeOffset? DueBack);

public sealed record ReturnControlledItemRequest(string? Condition);

public static class ControlledItemEndpoints
{
    public static void Map(RouteGroupBuilder inventory)
    {
        inventory.MapPost("/controlled-items", RegisterAsync)
            .WithName("RegisterControlledItem")
            .RequireRoles(InventoryRoles.StoreKeepers)
            .WithSummary("Register a key, access card or induction cooker under its tag, in the store that keeps it.")
            .Accepts<RegisterControlledItemRequest>("application/json")
            .Produces<ControlledItemView>(StatusCodes.Status201Created)
            .ProducesCommandProblems();

        inventory.MapPost("/controlled-items/{id:guid}/loan", (Guid id, HttpContext http, ControlledItemCommands items, CancellationToken ct) =>
                items.ExecuteAsync<LendControlledItemRequest>(http, id, (b, by, _) => new LendControlledItem(id, Need.Text(b.HolderId, "holderId"), b.Purpose, b.DueBack, by), ct))
            .WithName("LendControlledItem")
            .RequireRoles(InventoryRoles.StoreKeepers)
            .WithSummary("Lend a controlled item to a person; it is out until returned.")
            .Accepts<LendControlledItemRequest>("application/json")
            .Produces<ControlledItemView>()
            .ProducesCommandProblems();

        inventory.MapPost("/controlled-items/{id:guid}/return", async (Guid id, HttpContext http, ControlledItemCommands items, CancellationToken ct) =>
            {
                var body = await CommandRequest.ReadOptionalBodyAsync<ReturnControlledItemRequest>(http.Request, ct);
                return body.Problem ?? await items.ExecuteAsync(http, id, body.RawText, (by, _) => new ReturnControlledItem(id, body.Body?.Condition, by), ct);
            })
            .WithName("ReturnControlledItem")
            .RequireRoles(InventoryRoles.StoreKeepers)
            .WithSummary("Take a controlled item back, with its condition.")
            .Accepts<ReturnControlledItemRequest>("application/json")
            .Produces<ControlledItemView>()
            .ProducesCommandProblems();

        inventory.MapGet("/controlled-items/{id:guid}", (Guid id, HttpContext http, ControlledItemCommands items, CancellationToken ct) => items.GetAsync(http, id, ct))
            .WithName("GetControlledItem")
            .WithSummary("One controlled item: who holds it, since when.")
            .Produces<ControlledItemView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> RegisterAsync(HttpContext http, ControlledItemCommands items, StoreCommands stores, CancellationToken ct)
    {
        var body = await CommandRequest.ReadBodyAsync<RegisterControlledItemRequest>(http.Request, ct);
        if (body.Problem is not null) return body.Problem;
        var b = body.Body!;
        var store = await stores.FindAsync(b.StoreId, ct);
        return await items.CreateAsync(http, body.RawText, (by, _) =>
        {
            var tag = Need.Text(b.Tag, "tag");
            var id = InventoryStreams.ControlledItemId(tag);
            Need.Value(b.StoreId, "storeId");
            return NewControlledItem.At(id, new RegisterControlledItem(id, tag, Need.Value(b.Kind, "kind"), Need.Text(b.Description, "description"), store, by), store.EstateId ?? "");
        }, ct);
    }
}
