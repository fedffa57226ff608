using System.Globalization;
using Microsoft.Data.Sqlite;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Projections;
using Platform.BuildingBlocks.ReadModels;
using Platform.Inventory.Api;
using Platform.Inventory.ReadModel;

using static Platform.Inventory.ReadModel.InventoryProjection;

namespace Platform.Inventory.Features;

public sealed record ItemSummary(Guid Id, string Code, string Name, string Category, string Unit, decimal UnitCost, bool Hazardous, string? HazardClass);

public sealed record StoreSummary(Guid Id, string Code, string Name, string Tier, Guid? ParentId, string? EstateId, bool HazardousGoods);

public sealed record StockLine(string ItemCode, decimal Quantity, decimal? Minimum, bool BelowMinimum, decimal Value);

public sealed record StoreStock(Guid StoreId, string Code, string Name, string Tier, string? EstateId, IReadOnlyList<StockLine> Items);

public sealed record TierTotal(string Tier, string ItemCode, decimal Quantity, decimal Value);

/// <summary>Stock by store and by tier (000:306), valued at the items' current unit cost.</summary>
public sealed record StockReport(IReadOnlyList<StoreStock> Stores, IReadOnlyList<TierTotal> Tiers);

public sealed record MovementTotal(Guid StoreId, string StoreCode, string ItemCode, string Kind, int Entries, decimal Quantity, decimal Value);

/// <summary>The ledger's receipts, issues, transfers and adjustments in [from, to), per store, item and kind; quantities are signed.</summary>
public sealed record MovementReport(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<MovementTotal> Movements);

public sealed record WaitingRequisition(Guid RequisitionId, Guid StoreId, string? EstateId, string WaitingFor, DateTimeOffset Since, double AgeHours, Guid? WorkOrderId);

public sealed record WaitingTier(string WaitingFor, int Count, double OldestAgeHours);

/// <summary>Requisitions waiting at each signature tier, and fully signed ones waiting to be issued, with their age.</summary>
public sealed record WaitingRequisitionsReport(DateTimeOffset AsOf, IReadOnlyList<WaitingTier> Tiers, IReadOnlyList<WaitingRequisition> Requisitions);

public sealed record PipelineEntry(Guid ReplenishmentId, Guid SiteStoreId, string? EstateId, string ItemCode, decimal Quantity, string? Urgency, string Source,
    string Status, DateTimeOffset Since, DateTimeOffset CreatedAt);

public sealed record PipelineStage(string Status, int Count);

/// <summary>The replenishment requests not yet received, by the stage they are at (F6).</summary>
public sealed record ReplenishmentPipelineReport(IReadOnlyList<PipelineStage> Stages, IReadOnlyList<PipelineEntry> Requests);

public sealed record StocktakeResult(Guid StocktakeId, Guid StoreId, string StoreCode, string? EstateId, int ItemsCounted, int Discrepancies, int Approved,
    bool Reconciled, DateTimeOffset? ReconciledAt);

/// <summary>Each store's stocktake of the month: counted, differences, approved, and whether the month is 帐实相符.</summary>
public sealed record StocktakeReport(string Month, IReadOnlyList<StocktakeResult> Stores, IReadOnlyList<StoreSummary> NotStarted);

public sealed record ControlledItemOut(Guid ControlledItemId, string Tag, string Kind, Guid StoreId, string HolderId, DateTimeOffset Since, DateTimeOffset? DueBack, bool Overdue);

public static class InventoryReportEndpoints
{
    public static void Map(RouteGroupBuilder inventory)
    {
        inventory.MapGet("/items", ItemsAsync).WithName("ListItems")
            .WithSummary("The catalogue by code, 200 at a time from after the code given; code finds one.").Produces<IReadOnlyList<ItemSummary>>();
        inventory.MapGet("/stores", StoresAsync).WithName("ListStores")
            .WithSummary("The stores the caller's estates see, by tier and code.").Produces<IReadOnlyList<StoreSummary>>();
        inventory.MapGet("/reports/stock", StockAsync).WithName("StockReport")
            .WithSummary("Stock by store and by tier, with reorder points and value.").Produces<StockReport>();
        inventory.MapGet("/reports/movements", MovementsAsync).WithName("MovementReport")
            .WithSummary("Receipts, issues, transfers and adjustments per store and item in [from, to).").Produces<MovementReport>().ProducesProblem(StatusCodes.Status400BadRequest);
        inventory.MapGet("/reports/requisitions-waiting", WaitingAsync).WithName("WaitingRequisitionsReport")
            .WithSummary("Requisitions waiting at each signature tier, and signed ones waiting for issue, with their age.").Produces<WaitingRequisitionsReport>();
        inventory.MapGet("/reports/replenishment-pipeline", PipelineAsync).WithName("ReplenishmentPipelineReport")
            .WithSummary("Replenishment requests not yet received, by stage.").Produces<ReplenishmentPipelineReport>();
        inventory.MapGet("/reports/stocktakes", StocktakesAsync).WithName("StocktakeReport")
            .WithSummary("The month's stocktake results per store; stores without one are listed as not started.").Produces<StocktakeReport>().ProducesProblem(StatusCodes.Status400BadRequest);
        inventory.MapGet("/reports/controlled-items-out", ControlledOutAsync).WithName("ControlledItemsOutReport")
            .WithSummary("Controlled items lent out: who holds each, since when, and whether it is overdue.").Produces<IReadOnlyList<ControlledItemOut>>();
    }

    private static async Task<IResult> ItemsAsync(HttpContext http, ReadModelDatabase database, ProjectionRunner<InventoryProjection> runner, CancellationToken ct,
        string? code = null, string? after = null)
    {
        if (await ReadModelQueries.CatchUpAsync(http, runner, ct) is { } problem) return problem;
        return Results.Ok(database.Query("""
            SELECT item_id, code, name, category, unit, unit_cost_fen, hazardous, hazard_class FROM inv_items
            WHERE ($code IS NULL OR code = $code) AND code > $after ORDER BY code LIMIT 200;
            """, r => new ItemSummary(Guid.Parse(r.GetString(0)), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetInt64(5) / 100m,
                r.GetInt32(6) == 1, r.TextOrNull(7)),
            ("$code", code is null ? null : InventoryStreams.Key(code)), ("$after", after is null ? "" : InventoryStreams.Key(after))));
    }

    private static async Task<IResult> StoresAsync(HttpContext http, ReadModelDatabase database, ProjectionRunner<InventoryProjection> runner, CancellationToken ct)
    {
        if (await ReadModelQueries.CatchUpAsync(http, runner, ct) is { } problem) return problem;
        return Results.Ok(Stores(database).Where(s => Visibility.CanSee(http.User, s.EstateId)).ToList());
    }

    private static async Task<IResult> StockAsync(HttpContext http, ReadModelDatabase database, ProjectionRunner<InventoryProjection> runner, CancellationToken ct,
        string? tier = null)
    {
        if (await ReadModelQueries.CatchUpAsync(http, runner, ct) is { } problem) return problem;
        var rows = database.Query("""
            SELECT s.store_id, s.code, s.name, s.tier, s.estate_id, k.item_code, k.quantity_milli, k.minimum_milli, COALESCE(i.unit_cost_fen, 0)
            FROM inv_stock k JOIN inv_stores s ON s.store_id = k.store_id LEFT JOIN inv_items i ON i.code = k.item_code
            WHERE $tier IS NULL OR s.tier = $tier
            ORDER BY s.tier, s.code, k.item_code;
            """, r => (Store: (Id: Guid.Parse(r.GetString(0)), Code: r.GetString(1), Name: r.GetString(2), Tier: r.GetString(3), Estate: r.TextOrNull(4)),
                Line: new StockLine(r.GetString(5), FromMilli(r.GetInt64(6)), r.IsDBNull(7) ? null : FromMilli(r.GetInt64(7)),
                    !r.IsDBNull(7) && r.GetInt64(6) < r.GetInt64(7), r.GetInt64(6) * r.GetInt64(8) / 1000 / 100m)),
            ("$tier", tier)).Where(r => Visibility.CanSee(http.User, r.Store.Estate)).ToList();
        var stores = rows.GroupBy(r => r.Store).Select(g => new StoreStock(g.Key.Id, g.Key.Code, g.Key.Name, g.Key.Tier, g.Key.Estate, g.Select(r => r.Line).ToList())).ToList();
        var tiers = rows.GroupBy(r => (r.Store.Tier, r.Line.ItemCode))
            .Select(g => new TierTotal(g.Key.Tier, g.Key.ItemCode, g.Sum(r => r.Line.Quantity), g.Sum(r => r.Line.Value))).ToList();
        return Results.Ok(new StockReport(stores, tiers));
    }

    private static async Task<IResult> MovementsAsync(HttpContext http, ReadModelDatabase database, ProjectionRunner<InventoryProjection> runner, CancellationToken ct,
        DateTimeOffset? from = null, DateTimeOffset? to = null, Guid? storeId = null)
    {
        if (from is null) return ApiProblems.InvalidField("from", "period-start-required", "Give the start of the period (ISO 8601).", StatusCodes.Status400BadRequest);
        if (to is null || to <= from) return ApiProblems.InvalidField("to", "period-end-invalid", "Give the end of the period, after its start (ISO 8601, exclusive).", StatusCodes.Status400BadRequest);
        if (await ReadModelQueries.CatchUpAsync(http, runner, ct) is { } problem) return problem;
        var rows = database.Query("""
            SELECT m.store_id, s.code, s.estate_id, m.item_code, m.kind, COUNT(*), SUM(m.quantity_milli), SUM(m.value_fen)
            FROM inv_movements m JOIN inv_stores s ON s.store_id = m.store_id
            WHERE m.at >= $from AND m.at < $to AND ($store IS NULL OR m.store_id = $store)
            GROUP BY m.store_id, m.item_code, m.kind ORDER BY s.code, m.item_code, m.kind;
            """, r => (Estate: r.TextOrNull(2), Total: new MovementTotal(Guid.Parse(r.GetString(0)), r.GetString(1), r.GetString(3), r.GetString(4), r.GetInt32(5),
                FromMilli(r.GetInt64(6)), r.GetInt64(7) / 100m)),
            ("$from", SqlValues.Instant(from.Value)), ("$to", SqlValues.Instant(to.Value)), ("$store", storeId?.ToString()));
        return Results.Ok(new MovementReport(from.Value, to.Value, rows.Where(r => Visibility.CanSee(http.User, r.Estate)).Select(r => r.Total).ToList()));
    }

    private static async Task<IResult> WaitingAsync(HttpContext http, ReadModelDatabase database, ProjectionRunner<InventoryProjection> runner, TimeProvider time, CancellationToken ct)
    {
        if (await ReadModelQueries.CatchUpAsync(http, runner, ct) is { } problem) return problem;
        var now = time.GetUtcNow();
        var waiting = database.Query("""
            SELECT requisition_id, store_id, estate_id, waiting_for, waiting_since, work_order_id FROM inv_requisitions
            WHERE waiting_for IS NOT NULL ORDER BY waiting_since;
            """, r =>
            {
                var since = SqlValues.ParseInstant(r.GetString(4));
                return new WaitingRequisition(Guid.Parse(r.GetString(0)), Guid.Parse(r.GetString(1)), r.TextOrNull(2), r.GetString(3), since,
                    Math.Round((now - since).TotalHours, 1), r.TextOrNull(5) is { } wo ? Guid.Parse(wo) : null);
            }).Where(w => Visibility.CanSee(http.User, w.EstateId)).ToList();
        var tiers = waiting.GroupBy(w => w.WaitingFor).Select(g => new WaitingTier(g.Key, g.Count(), g.Max(w => w.AgeHours))).ToList();
        return Results.Ok(new WaitingRequisitionsReport(now, tiers, waiting));
    }

    private static async Task<IResult> PipelineAsync(HttpContext http, ReadModelDatabase database, ProjectionRunner<InventoryProjection> runner, CancellationToken ct)
    {
        if (await ReadModelQueries.CatchUpAsync(http, runner, ct) is { } problem) return problem;
        var requests = database.Query("""
            SELECT replenishment_id, site_store_id, estate_id, item_code, quantity_milli, urgency, source, status, since, created_at
            FROM inv_replenishments WHERE status <> 'received' ORDER BY created_at;
            """, r => new PipelineEntry(Guid.Parse(r.GetString(0)), Guid.Parse(r.GetString(1)), r.TextOrNull(2), r.GetString(3), FromMilli(r.GetInt64(4)), r.TextOrNull(5),
                r.GetString(6), r.GetString(7), SqlValues.ParseInstant(r.GetString(8)), SqlValues.ParseInstant(r.GetString(9))))
            .Where(p => Visibility.CanSee(http.User, p.EstateId)).ToList();
        return Results.Ok(new ReplenishmentPipelineReport(requests.GroupBy(p => p.Status).Select(g => new PipelineStage(g.Key, g.Count())).ToList(), requests));
    }

    private static async Task<IResult> StocktakesAsync(HttpContext http, ReadModelDatabase database, ProjectionRunner<InventoryProjection> runner, CancellationToken ct,
        string? month = null)
    {
        if (InventoryRules.RequireMonth(month, "month") is not null)
            return ApiProblems.InvalidField("month", "month-invalid", "Give the month, YYYY-MM.", StatusCodes.Status400BadRequest);
        if (await ReadModelQueries.CatchUpAsync(http, runner, ct) is { } problem) return problem;
        var results = database.Query("""
            SELECT t.stocktake_id, t.store_id, s.code, t.estate_id,
                   (SELECT COUNT(*) FROM inv_stocktake_counts c WHERE c.stocktake_id = t.stocktake_id),
                   (SELECT COUNT(*) FROM inv_stocktake_counts c WHERE c.stocktake_id = t.stocktake_id AND c.difference_milli <> 0),
                   (SELECT COUNT(*) FROM inv_stocktake_counts c WHERE c.stocktake_id = t.stocktake_id AND c.difference_milli <> 0 AND c.approved = 1),
                   t.reconciled_at
            FROM inv_stocktakes t JOIN inv_stores s ON s.store_id = t.store_id WHERE t.month = $month ORDER BY s.code;
            """, r => new StocktakeResult(Guid.Parse(r.GetString(0)), Guid.Parse(r.GetString(1)), r.GetString(2), r.TextOrNull(3), r.GetInt32(4), r.GetInt32(5), r.GetInt32(6),
                !r.IsDBNull(7), r.InstantOrNull(7)),
            ("$month", month)).Where(t => Visibility.CanSee(http.User, t.EstateId)).ToList();
        var started = results.Select(r => r.StoreId).ToHashSet();
        var notStarted = Stores(database).Where(s => !started.Contains(s.Id) && Visibility.CanSee(http.User, s.EstateId)).ToList();
        return Results.Ok(new StocktakeReport(month!, results, notStarted));
    }

    private static async Task<IResult> ControlledOutAsync(HttpContext http, ReadModelDatabase database, ProjectionRunner<InventoryProjection> runner, TimeProvider time, CancellationToken ct)
    {
        if (await ReadModelQueries.CatchUpAsync(http, runner, ct) is { } problem) return problem;
        var now = time.GetUtcNow();
        var estates = Stores(database).ToDictionary(s => s.Id, s => s.EstateId);
        return Results.Ok(database.Query("""
            SELECT controlled_item_id, tag, kind, store_id, holder_id, since, due_back FROM inv_controlled_items WHERE holder_id IS NOT NULL ORDER BY since;
            """, r =>
            {
                var due = r.InstantOrNull(6);
                return new ControlledItemOut(Guid.Parse(r.GetString(0)), r.GetString(1), r.GetString(2), Guid.Parse(r.GetString(3)), r.GetString(4),
                    SqlValues.ParseInstant(r.GetString(5)), due, due < now);
            }).Where(o => Visibility.CanSee(http.User, estates.GetValueOrDefault(o.StoreId))).ToList());
    }

    private static List<StoreSummary> Stores(ReadModelDatabase database) => database.Query("""
        SELECT store_id, code, name, tier, parent_id, estate_id, hazardous_goods FROM inv_stores ORDER BY tier, code;
        """, r => new StoreSummary(Guid.Parse(r.GetString(0)), r.GetString(1), r.GetString(2), r.GetString(3), r.TextOrNull(4) is { } p ? Guid.Parse(p) : null, r.TextOrNull(5),
            r.GetInt32(6) == 1));
}
