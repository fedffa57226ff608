using Platform.BuildingBlocks.EventSourcing;
using Platform.Inventory.Items;
using Platform.Inventory.Replenishments;
using Platform.Inventory.Stores;

namespace Platform.Inventory.Features;

/// <summary>
/// 入库, registered on receipt (000:157): one receipt per delivery note and item, so a delivery registered twice is
/// counted once. Hazardous goods need the inspection department's check first (000:663), go only into a hazardous-goods
/// store through a fire-trained keeper (000:661), onto a stack that keeps the distances of 000:664, and never beside goods
/// they conflict with (000:662). A receipt naming a replenishment request is the site's receipt that closes it (000:326).
/// </summary>
/// <param name="UnitCost">Absent: the catalogue's cost.</param>
public sealed record ReceiveGoods(
    Guid StoreId, ItemState Item, decimal Quantity, decimal? UnitCost, string DeliveryNote, string? Supplier, Guid? ReplenishmentId,
    ReplenishmentState Replenishment, Inspection? Inspection, Putaway? Putaway, Actor By) : IStoreCommand
{
    public const decimal MaxStackArea = 100m;
    public const decimal MinGapBetweenStacks = 1m;
    public const decimal MinGapToWall = 0.5m;
    public const decimal MinGapToBeamOrColumn = 0.5m;
    public const decimal MinMainAisle = 2m;

    public static Guid ReceiptIdFor(Guid storeId, string deliveryNote, string itemCode) =>
        DeterministicId.Create("goods-receipt", storeId.ToString(), deliveryNote.Trim(), InventoryStreams.Key(itemCode));

    public static Decision Decide(ReceiveGoods command, StoreState state, DateTimeOffset now)
    {
        if (!state.Exists) return Rejection.NotFound("store-not-found", "There is no such store.");
        var item = command.Item;
        var invalid = CommandRules.RequireRole(command.By, InventoryRoles.StoreKeepers, "received-by-the-store-keeper", "The store keeper registers receipts (000:157).")
            ?? (item.Exists ? null : Rejection.Invalid("item-not-in-catalogue", "itemCode", "The item is not in the catalogue."))
            ?? InventoryRules.RequireQuantity(command.Quantity, "quantity")
            ?? CommandRules.RequireText(command.DeliveryNote, "deliveryNote", "The delivery note the goods came with")
            ?? (command.UnitCost is { } cost && !Money.IsYuan(cost)
                ? Rejection.Invalid("unit-cost-invalid", "unitCost", "A unit cost is in yuan, not negative, with at most 2 decimal places.")
                : null)
            ?? AnswersRequest(command, state)
            ?? (command.Replenishment is { Status: ReplenishmentStatus.Dispatched } || !string.IsNullOrWhiteSpace(command.Supplier)
                ? null
                : Rejection.Invalid("supplier-required", "supplier", "A delivery names its supplier; only a transfer from the production store has none."));
        if (invalid is not null) return invalid;

        var receiptId = ReceiptIdFor(state.Id, command.DeliveryNote, item.Code);
        if (state.Receipts.TryGetValue(receiptId, out var earlier))
            return earlier.Quantity == command.Quantity
                ? Decision.NoChange
                : Rejection.Conflict("delivery-received-already", $"Delivery {earlier.DeliveryNote} of {item.Code} was received already, {Quantities.Show(earlier.Quantity)} {item.Unit}.");

        if (item.Hazard is { } hazard && Hazardous(command, state, hazard) is { } refused) return refused;

        var supplier = string.IsNullOrWhiteSpace(command.Supplier) ? command.Replenishment.Supplier : command.Supplier.Trim();
        var received = new GoodsReceived(
            receiptId, state.EstateId, item.Code, command.Quantity, command.UnitCost ?? item.UnitCost, command.DeliveryNote.Trim(), supplier, command.ReplenishmentId,
            item.Hazard, item.Hazardous ? command.Inspection : null, item.Hazardous ? command.Putaway : null,
            state.Balance(item.Code) + command.Quantity, command.By.Id, now);
        return Decision.Accept(StoreDecider.WithFallsBelowMinimum(state, [received], now));
    }

    private static Rejection? AnswersRequest(ReceiveGoods command, StoreState state)
    {
        if (command.ReplenishmentId is null) return null;
        var request = command.Replenishment;
        if (!request.Exists) return Rejection.Invalid("replenishment-not-found", "replenishmentId", "There is no such replenishment request.");
        if (request.SiteStoreId != state.Id) return Rejection.Invalid("replenishment-for-another-store", "replenishmentId", "The request is another site's.");
        if (request.ItemCode != command.Item.Code) return Rejection.Invalid("replenishment-for-another-item", "replenishmentId", $"The request is for {request.ItemCode}.");
        return request.AwaitingReceipt
            ? null
            : Rejection.Conflict("replenishment-not-on-its-way", "The request has not been dispatched or ordered, or was received in full.");
    }

    private static Rejection? Hazardous(ReceiveGoods command, StoreState state, HazardProfile hazard)
    {
        var item = command.Item;
        if (command.Inspection is not { } inspection)
            return Rejection.Invalid("inspection-required", "inspection", $"{item.Code} is hazardous: the inspection department checks it before receipt (000:663).");
        var invalid = CommandRules.RequireText(inspection.InspectorId, "inspection.inspectorId", "The inspector")
            ?? CommandRules.RequireText(inspection.Reference, "inspection.reference", "The inspection record's reference")
            ?? (inspection.InspectorId.Trim() == command.By.Id
                ? Rejection.Invalid("inspected-by-another", "inspection.inspectorId", "The inspection department checks the goods, not the keeper who receives them.")
                : null);
        if (invalid is not null) return invalid;
        if (!state.HazardousGoods)
            return Rejection.Conflict("hazardous-goods-need-hazardous-store", $"{item.Code} is hazardous: it goes only into a hazardous-goods store (000:661).");
        if (AssignKeeper.TrainedKeeperFor(state, item, command.By) is { } untrained) return untrained;
        if (command.Putaway is not { } putaway)
            return Rejection.Invalid("putaway-required", "putaway", "Hazardous goods are received onto a stack whose area and distances are given (000:664).");
        if (StorageGeometry(putaway) is { } violation) return violation;
        foreach (var (other, held) in state.HazardsOnHand)
            if (other != item.Code && HazardSegregation.Conflict(hazard, held))
                return Rejection.Conflict("conflicting-goods-stored-apart",
                    $"{item.Code} ({WireName.Of(hazard.Class)}, {WireName.Of(hazard.Method)}) may not share a store with {other} ({WireName.Of(held.Class)}, {WireName.Of(held.Method)}) on hand (000:662: 应分库存放).");
        return null;
    }

    /// <summary>「每垛占地面积不宜大于一百平方米,垛与垛之间不小于一米,垛与墙间距不小于零点五米,垛与梁、柱的间距不小于零点五米,主要通道的宽度不小于二米」 (000:664).</summary>
    public static Rejection? StorageGeometry(Putaway putaway) => string.IsNullOrWhiteSpace(putaway.StackId)
        ? Rejection.Invalid("stack-id-required", "putaway.stackId", "The stack the goods go onto is required.")
        : putaway switch
    {
        { StackArea: <= 0 } => Rejection.Invalid("stack-area-invalid", "putaway.stackArea", "A stack's area is more than 0 m²."),
        { StackArea: > MaxStackArea } => Rejection.Invalid("stack-larger-than-100-square-metres", "putaway.stackArea", "A stack covers at most 100 m² (000:664)."),
        { GapToNearestStack: < MinGapBetweenStacks } => Rejection.Invalid("stacks-closer-than-1-metre", "putaway.gapToNearestStack", "Stacks stand at least 1 m apart (000:664)."),
        { GapToWall: < MinGapToWall } => Rejection.Invalid("stack-closer-than-half-a-metre-to-a-wall", "putaway.gapToWall", "A stack stands at least 0.5 m from the walls (000:664)."),
        { GapToBeamOrColumn: < MinGapToBeamOrColumn } => Rejection.Invalid("stack-closer-than-half-a-metre-to-a-beam-or-column", "putaway.gapToBeamOrColumn",
            "A stack stands at least 0.5 m from beams and columns (000:664)."),
        { MainAisleWidth: < MinMainAisle } => Rejection.Invalid("main-aisle-narrower-than-2-metres", "putaway.mainAisleWidth", "The main aisle is at least 2 m wide (000:664)."),
        _ => null,
    };
}
