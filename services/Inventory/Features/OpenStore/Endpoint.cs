using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.Inventory.Api;
using Platform.Inventory.Stores;

using NewStore = Platform.BuildingBlocks.Http.NewAggregate<Platform.Inventory.Stores.IStoreCommand>;

namespace Platform.Inventory.Features;

/// <param name="Tier">production-store, business-department or site (000:306).</param>
/// <param name="ParentId">The store one tier up; absent only for the production store.</param>
/// <param name="EstateId">The estate a site store serves.</param>
/// <param name="HazardousGoods">A dedicated hazardous-goods store (000:661); its keepers must be fire-trained.</param>
public sealed record OpenStoreRequest(
    [Required] string? Code,
    [Required] string? Name,
    [Required] StoreTier? Tier,
    [RequiredWhen("unless tier is production-store")] Guid? ParentId,
    [RequiredWhen("when tier is site")] string? EstateId,
    bool? HazardousGoods);

public sealed record AssignKeeperRequest([Required] string? KeeperId, [Required] bool? FireTrained, [RequiredWhen("when fireTrained is true")] string? TrainingCertificate);

/// <param name="Minimum">0 removes the reorder point.</param>
public sealed record SetReorderPointRequest([Required] string? ItemCode, [Required] decimal? Minimum);

public static class StoreEndpoints
{
    public static void Map(RouteGroupBuilder inventory)
    {
        inventory.MapPost("/stores", OpenAsync)
            .WithName("OpenStore")
            .RequireRoles(InventoryRoles.StoreAdministration)
            .WithSummary("Open a store in its tier under its parent: the production store, a business department's books, a site store (000:306).")
            .Accepts<OpenStoreRequest>("application/json")
            .Produces<StoreView>(StatusCodes.Status201Created)
            .ProducesCommandProblems();

        inventory.MapPost("/stores/{id:guid}/keepers", (Guid id, HttpContext http, StoreCommands stores, CancellationToken ct) =>
                stores.ExecuteAsync<AssignKeeperRequest>(http, id, (b, by, _) =>
                    new AssignKeeper(id, Need.Text(b.KeeperId, "keeperId"), Need.Value(b.FireTrained, "fireTrained"), b.TrainingCertificate, by), ct))
            .WithName("AssignKeeper")
            .RequireRoles(InventoryRoles.StoreAdministration)
            .WithSummary("Assign a keeper to a store; a hazardous-goods store takes only fire-trained keepers (000:661).")
            .Accepts<AssignKeeperRequest>("application/json")
            .Produces<StoreView>()
            .ProducesCommandProblems();

        inventory.MapPost("/stores/{id:guid}/reorder-points", SetReorderPointAsync)
            .WithName("SetReorderPoint")
            .RequireRoles([.. InventoryRoles.StoreAdministration, Roles.StoreKeeper])
            .WithSummary("The minimum a site store keeps of an item: falling below it drafts a replenishment request, once.")
            .Accepts<SetReorderPointRequest>("application/json")
            .Produces<StoreView>()
            .ProducesCommandProblems();

        inventory.MapGet("/stores/{id:guid}", (Guid id, HttpContext http, StoreCommands stores, CancellationToken ct) => stores.GetAsync(http, id, ct))
            .WithName("GetStore")
            .WithSummary("One store with its keepers and its book: the quantity of each item, and its reorder point.")
            .Produces<StoreView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> OpenAsync(HttpContext http, StoreCommands stores, CancellationToken ct)
    {
        var body = await CommandRequest.ReadBodyAsync<OpenStoreRequest>(http.Request, ct);
        if (body.Problem is not null) return body.Problem;
        var b = body.Body!;
        var parent = await stores.FindAsync(b.ParentId, ct);
        return await stores.CreateAsync(http, body.RawText, (by, _) =>
        {
            var code = Need.Text(b.Code, "code");
            var id = InventoryStreams.StoreId(code);
            return NewStore.At(id, new OpenStore(id, code, Need.Text(b.Name, "name"), Need.Value(b.Tier, "tier"), b.ParentId, parent, b.EstateId,
                b.HazardousGoods ?? false, by), b.EstateId?.Trim() ?? "");
        }, ct);
    }

    private static async Task<IResult> SetReorderPointAsync(Guid id, HttpContext http, StoreCommands stores, ItemCommands items, CancellationToken ct)
    {
        var body = await CommandRequest.ReadBodyAsync<SetReorderPointRequest>(http.Request, ct);
        if (body.Problem is not null) return body.Problem;
        var b = body.Body!;
        var item = await items.FindAsync(b.ItemCode, ct);
        return await stores.ExecuteAsync(http, id, body.RawText, (by, _) =>
        {
            Need.Text(b.ItemCode, "itemCode");
            return new SetReorderPoint(id, item, Need.Value(b.Minimum, "minimum"), by);
        }, ct);
    }
}
