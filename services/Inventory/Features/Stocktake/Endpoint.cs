using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.Inventory.Api;
using Platform.Inventory.Stocktakes;

using NewStocktake = Platform.BuildingBlocks.Http.NewAggregate<Platform.Inventory.Stocktakes.IStocktakeCommand>;

namespace Platform.Inventory.Features;

public sealed record RecordCountRequest([Required] string? ItemCode, [Required] decimal? Counted);

public sealed record ExplainDiscrepancyRequest([Required] string? Explanation);

public static class StocktakeEndpoints
{
    public static void Map(RouteGroupBuilder inventory)
    {
        inventory.MapPost("/stores/{storeId:guid}/stocktakes/{month}/counts", CountAsync)
            .WithName("RecordStockCount")
            .RequireRoles(InventoryRoles.StoreKeepers)
            .WithSummary("Count one item at the month-end stocktake (月底盘点); the book at this moment is kept beside it. The stocktake is at the Location.")
            .Accepts<RecordCountRequest>("application/json")
            .Produces<StocktakeView>(StatusCodes.Status201Created)
            .ProducesCommandProblems();

        inventory.MapPost("/stocktakes/{id:guid}/discrepancies/{itemCode}/explanation", (Guid id, string itemCode, HttpContext http, StocktakeCommands stocktakes, CancellationToken ct) =>
                stocktakes.ExecuteAsync<ExplainDiscrepancyRequest>(http, id, (b, by, _) => new ExplainDiscrepancy(id, itemCode, Need.Text(b.Explanation, "explanation"), by), ct))
            .WithName("ExplainStockDiscrepancy")
            .RequireRoles(InventoryRoles.StoreKeepers)
            .WithSummary("The store keeper explains a difference between count and book.")
            .Accepts<ExplainDiscrepancyRequest>("application/json")
            .Produces<StocktakeView>()
            .ProducesCommandProblems();

        inventory.MapPost("/stocktakes/{id:guid}/discrepancies/{itemCode}/approval", ApproveAsync)
            .WithName("ApproveStockDiscrepancy")
            .RequireRoles(InventoryRoles.Managers)
            .WithSummary("The manager approves an explained difference; the adjustment is posted to the store's book with the explanation as its reason.")
            .Produces<StocktakeView>()
            .ProducesCommandProblems();

        inventory.MapPost("/stocktakes/{id:guid}/reconciliation", ReconcileAsync)
            .WithName("ReconcileStocktake")
            .RequireRoles([.. InventoryRoles.StoreKeepers, .. InventoryRoles.Managers])
            .WithSummary("Mark the month 帐实相符: only once every item on the books is counted and every difference approved and posted.")
            .Produces<StocktakeView>()
            .ProducesCommandProblems();

        inventory.MapGet("/stocktakes/{id:guid}", (Guid id, HttpContext http, StocktakeCommands stocktakes, CancellationToken ct) => stocktakes.GetAsync(http, id, ct))
            .WithName("GetStocktake")
            .WithSummary("One month's stocktake of a store: counts, book, differences and their approval.")
            .Produces<StocktakeView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> CountAsync(Guid storeId, string month, HttpContext http, StocktakeCommands stocktakes, StoreCommands stores, ItemCommands items, CancellationToken ct)
    {
        var body = await CommandRequest.ReadBodyAsync<RecordCountRequest>(http.Request, ct);
        if (body.Problem is not null) return body.Problem;
        var b = body.Body!;
        var store = await stores.FindAsync(storeId, ct);
        if (!stores.CanSee(http.User, store)) return ApiProblems.NotFound("store", storeId.ToString());
        var item = await items.FindAsync(b.ItemCode, ct);
        var id = InventoryStreams.StocktakeId(storeId, month);
        return await stocktakes.CreateAsync(http, body.RawText, (by, _) =>
        {
            Need.Text(b.ItemCode, "itemCode");
            return NewStocktake.At(id, new RecordCount(id, store, month, item, Need.Value(b.Counted, "counted"), by), store.EstateId ?? "");
        }, ct);
    }

    private static async Task<IResult> ApproveAsync(Guid id, string itemCode, HttpContext http, StocktakeCommands stocktakes, ItemCommands items, CancellationToken ct)
    {
        var item = await items.FindAsync(itemCode, ct);
        return await stocktakes.ExecuteAsync(http, id, "", (by, _) => new ApproveDiscrepancy(id, itemCode, item.UnitCost, by), ct);
    }

    private static async Task<IResult> ReconcileAsync(Guid id, HttpContext http, StocktakeCommands stocktakes, StoreCommands stores, CancellationToken ct)
    {
        var stocktake = await stocktakes.Handler.LoadAsync(stocktakes.StreamFor(id), ct);
        var store = await stores.FindAsync(stocktake.State.StoreId, ct);
        return await stocktakes.ExecuteAsync(http, id, "", (by, _) => new ReconcileStocktake(id, store, by), ct);
    }
}
