using Platform.BuildingBlocks.EventSourcing;
using Platform.Inventory.Items;
using Platform.Inventory.Replenishments;
using Platform.Inventory.Stores;

namespace Platform.Inventory.Features;

/// <summary>The production store issues an approved request to its site when it holds the quantity (000:323): a transfer out.</summary>
public sealed record DispatchReplenishment(Guid StoreId, ReplenishmentState Replenishment, ItemState Item, Actor By) : IStoreCommand
{
    public static Decision Decide(DispatchReplenishment command, StoreState state, DateTimeOffset now)
    {
        if (!state.Exists) return Rejection.NotFound("store-not-found", "There is no such store.");
        var request = command.Replenishment;
        var invalid = CommandRules.RequireRole(command.By, [Roles.ProductionManager, Roles.StoreKeeper], "dispatched-by-production-management", "Production management issues from the production store.")
            ?? (state.Tier == StoreTier.ProductionStore ? null : Rejection.Conflict("dispatch-from-production-store", "Requests are issued from the production store (生产库房)."));
        if (invalid is not null) return invalid;
        if (!request.Exists) return Rejection.Invalid("replenishment-not-found", "replenishmentId", "There is no such replenishment request.");
        if (state.Dispatched.Contains(request.Id)) return Decision.NoChange;
        if (request.Status != ReplenishmentStatus.Approved)
            return Rejection.Conflict("replenishment-not-approved", "Only a request the business-department manager approved, and not handed to purchasing, is issued.");
        if (state.Balance(request.ItemCode) < request.Quantity)
            return Rejection.Conflict("insufficient-stock",
                $"Not issued: short of {request.ItemCode} ({Quantities.Show(request.Quantity)} asked, {Quantities.Show(state.Balance(request.ItemCode))} on hand); hand it to purchasing.");
        var dispatched = new StockDispatched(request.Id, request.SiteStoreId, request.ItemCode, request.Quantity, command.Item.UnitCost,
            state.Balance(request.ItemCode) - request.Quantity, now);
        return Decision.Accept(StoreDecider.WithFallsBelowMinimum(state, [dispatched], now));
    }
}
