using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.Inventory.Api;
using Platform.Inventory.Items;

using NewItem = Platform.BuildingBlocks.Http.NewAggregate<Platform.Inventory.Items.IItemCommand>;

namespace Platform.Inventory.Features;

/// <param name="Code">物资编码, unique in the catalogue; compared without case.</param>
/// <param name="UnitCost">Yuan per unit, 0 when omitted.</param>
/// <param name="HazardClass">Required for a hazardous item.</param>
/// <param name="ExtinguishingMethod">Required for a hazardous item: goods put out differently are stored apart (000:662).</param>
public sealed record RegisterItemRequest(
    [Required] string? Code,
    [Required] string? Name,
    [Required] ItemCategory? Category,
    [Required] string? Unit,
    decimal? UnitCost,
    bool? Hazardous,
    [RequiredWhen("when hazardous is true")] HazardClass? HazardClass,
    [RequiredWhen("when hazardous is true")] ExtinguishingMethod? ExtinguishingMethod);

public sealed record ChangeUnitCostRequest([Required] decimal? UnitCost);

public static class ItemEndpoints
{
    public static void Map(RouteGroupBuilder inventory)
    {
        inventory.MapPost("/items", (HttpContext http, ItemCommands items, CancellationToken ct) =>
                items.CreateAsync<RegisterItemRequest>(http, (b, by, _) =>
                {
                    var code = Need.Text(b.Code, "code");
                    var id = InventoryStreams.ItemId(code);
                    return NewItem.At(id, new RegisterItem(id, code, Need.Text(b.Name, "name"), Need.Value(b.Category, "category"), Need.Text(b.Unit, "unit"),
                        b.UnitCost ?? 0, b.Hazardous ?? false, b.HazardClass, b.ExtinguishingMethod, by), "");
                }, ct))
            .WithName("RegisterItem")
            .RequireRoles(InventoryRoles.Catalogue)
            .WithSummary("Put an item into the catalogue under its code; a hazardous item with its class and extinguishing method.")
            .Accepts<RegisterItemRequest>("application/json")
            .Produces<ItemView>(StatusCodes.Status201Created)
            .ProducesCommandProblems();

        inventory.MapPost("/items/{id:guid}/unit-cost", (Guid id, HttpContext http, ItemCommands items, CancellationToken ct) =>
                items.ExecuteAsync<ChangeUnitCostRequest>(http, id, (b, by, _) => new ChangeUnitCost(id, Need.Value(b.UnitCost, "unitCost"), by), ct))
            .WithName("ChangeItemUnitCost")
            .RequireRoles(InventoryRoles.Catalogue)
            .WithSummary("A new unit cost for movements from now on.")
            .Accepts<ChangeUnitCostRequest>("application/json")
            .Produces<ItemView>()
            .ProducesCommandProblems();

        inventory.MapGet("/items/{id:guid}", (Guid id, HttpContext http, ItemCommands items, CancellationToken ct) => items.GetAsync(http, id, ct))
            .WithName("GetItem")
            .WithSummary("One catalogue item.")
            .Produces<ItemView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
