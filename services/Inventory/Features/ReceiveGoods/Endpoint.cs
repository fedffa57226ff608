using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.Inventory.Api;
using Platform.Inventory.Replenishments;
using Platform.Inventory.Requisitions;
using Platform.Inventory.Stores;

namespace Platform.Inventory.Features;

public sealed record InspectionRequest([Required] string? InspectorId, [Required] string? Reference, [Required] DateOnly? InspectedOn);

/// <param name="StackArea">m² the stack covers once the goods are on it; at most 100.</param>
/// <param name="GapToNearestStack">m to the nearest other stack, at least 1; omit for a stack that stands alone.</param>
/// <param name="GapToWall">m, at least 0.5.</param>
/// <param name="GapToBeamOrColumn">m, at least 0.5.</param>
/// <param name="MainAisleWidth">m, at least 2.</param>
public sealed record PutawayRequest(
    [Required] string? StackId, [Required] decimal? StackArea, decimal? GapToNearestStack, [Required] decimal? GapToWall,
    [Required] decimal? GapToBeamOrColumn, [Required] decimal? MainAisleWidth);

/// <param name="DeliveryNote">The delivery's note; one receipt per note and item, so a repeat is counted once.</param>
/// <param name="Supplier">Required unless the goods are a transfer from the production store.</param>
/// <param name="ReplenishmentId">The request these goods answer: its receipt at the site closes it.</param>
/// <param name="Inspection">Required for hazardous goods (000:663).</param>
/// <param name="Putaway">Required for hazardous goods (000:664).</param>
public sealed record ReceiveGoodsRequest(
    [Required] string? ItemCode,
    [Required] decimal? Quantity,
    decimal? UnitCost,
    [Required] string? DeliveryNote,
    [RequiredWhen("unless the goods are a transfer from the production store")] string? Supplier,
    Guid? ReplenishmentId,
    [RequiredWhen("for hazardous goods")] InspectionRequest? Inspection,
    [RequiredWhen("for hazardous goods")] PutawayRequest? Putaway);

/// <param name="Lines">What to issue now; omit to issue everything outstanding.</param>
public sealed record IssueRequisitionRequest([Required] Guid? RequisitionId, IReadOnlyList<IssueLineRequest>? Lines);

public sealed record IssueLineRequest([Required] string? ItemCode, [Required] decimal? Quantity);

public sealed record DispatchReplenishmentRequest([Required] Guid? ReplenishmentId);

public static class StockMovementEndpoints
{
    public static void Map(RouteGroupBuilder inventory)
    {
        inventory.MapPost("/stores/{id:guid}/receipts", ReceiveAsync)
            .WithName("ReceiveGoods")
            .RequireRoles(InventoryRoles.StoreKeepers)
            .WithSummary("Register goods on receipt (入库). Hazardous goods need their inspection, a hazardous-goods store, a fire-trained keeper and a putaway within 000:664.")
            .Accepts<ReceiveGoodsRequest>("application/json")
            .Produces<StoreView>()
            .ProducesCommandProblems();

        inventory.MapPost("/stores/{id:guid}/issues", IssueAsync)
            .WithName("IssueRequisition")
            .RequireRoles(InventoryRoles.StoreKeepers)
            .WithSummary("Issue a fully signed requisition from stock on hand (出库), all of it or the lines given. A refusal names the missing signatures or the short items.")
            .Accepts<IssueRequisitionRequest>("application/json")
            .Produces<StoreView>()
            .ProducesCommandProblems();

        inventory.MapPost("/stores/{id:guid}/dispatches", DispatchAsync)
            .WithName("DispatchReplenishment")
            .RequireRoles([Roles.ProductionManager, Roles.StoreKeeper])
            .WithSummary("The production store issues an approved replenishment request to its site (000:323).")
            .Accepts<DispatchReplenishmentRequest>("application/json")
            .Produces<StoreView>()
            .ProducesCommandProblems();
    }

    private static async Task<IResult> ReceiveAsync(
        Guid id, HttpContext http, StoreCommands stores, ItemCommands items, ReplenishmentCommands replenishments, CancellationToken ct)
    {
        var body = await CommandRequest.ReadBodyAsync<ReceiveGoodsRequest>(http.Request, ct);
        if (body.Problem is not null) return body.Problem;
        var b = body.Body!;
        var item = await items.FindAsync(b.ItemCode, ct);
        var request = await replenishments.FindAsync(b.ReplenishmentId, ct);
        return await stores.ExecuteAsync(http, id, body.RawText, (by, _) =>
        {
            Need.Text(b.ItemCode, "itemCode");
            var inspection = b.Inspection is { } i
                ? new Inspection(Need.Text(i.InspectorId, "inspection.inspectorId"), Need.Text(i.Reference, "inspection.reference"), Need.Value(i.InspectedOn, "inspection.inspectedOn"))
                : null;
            var putaway = b.Putaway is { } p
                ? new Putaway(Need.Text(p.StackId, "putaway.stackId"), Need.Value(p.StackArea, "putaway.stackArea"), p.GapToNearestStack,
                    Need.Value(p.GapToWall, "putaway.gapToWall"), Need.Value(p.GapToBeamOrColumn, "putaway.gapToBeamOrColumn"),
                    Need.Value(p.MainAisleWidth, "putaway.mainAisleWidth"))
                : null;
            return new ReceiveGoods(id, item, Need.Value(b.Quantity, "quantity"), b.UnitCost, Need.Text(b.DeliveryNote, "deliveryNote"), b.Supplier,
                b.ReplenishmentId, request, inspection, putaway, by);
        }, ct);
    }

    private static async Task<IResult> IssueAsync(
        Guid id, HttpContext http, StoreCommands stores, RequisitionCommands requisitions, ItemCommands items, CancellationToken ct)
    {
        var body = await CommandRequest.ReadBodyAsync<IssueRequisitionRequest>(http.Request, ct);
        if (body.Problem is not null) return body.Problem;
        var b = body.Body!;
        var requisition = await requisitions.FindAsync(b.RequisitionId, ct);
        if (requisition.Exists && !requisitions.CanSee(http.User, requisition)) requisition = RequisitionState.Initial;
        var catalogue = await items.FindAllAsync(requisition.Lines.Select(l => l.ItemCode), ct);
        return await stores.ExecuteAsync(http, id, body.RawText, (by, _) =>
        {
            Need.Value(b.RequisitionId, "requisitionId");
            var lines = b.Lines?.Select((l, i) => new IssueLine(Need.Text(Need.Item(l, $"lines[{i}]").ItemCode, $"lines[{i}].itemCode"), Need.Value(l.Quantity, $"lines[{i}].quantity"))).ToList();
            return new IssueRequisition(id, requisition, lines, catalogue, by);
        }, ct);
    }

    private static async Task<IResult> DispatchAsync(
        Guid id, HttpContext http, StoreCommands stores, ReplenishmentCommands replenishments, ItemCommands items, CancellationToken ct)
    {
        var body = await CommandRequest.ReadBodyAsync<DispatchReplenishmentRequest>(http.Request, ct);
        if (body.Problem is not null) return body.Problem;
        var request = await replenishments.FindAsync(body.Body!.ReplenishmentId, ct);
        var item = await items.FindAsync(request.ItemCode, ct);
        return await stores.ExecuteAsync(http, id, body.RawText, (by, _) =>
        {
            Need.Value(body.Body.ReplenishmentId, "replenishmentId");
            return new DispatchReplenishment(id, request, item, by);
        }, ct);
    }
}
