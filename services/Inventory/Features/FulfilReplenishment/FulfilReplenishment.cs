using Platform.BuildingBlocks.EventSourcing;
using Platform.Inventory.Replenishments;
using Platform.Inventory.Stores;

namespace Platform.Inventory.Features;

/// <summary>
/// Production management hands an approved request to purchasing only when the production store cannot cover its
/// quantity (000:323-324); when it can, the store issues it (<see cref="DispatchReplenishment"/>).
/// </summary>
public sealed record HandToPurchasing(Guid ReplenishmentId, StoreState ProductionStore, Actor By) : IReplenishmentCommand
{
    public static Decision Decide(HandToPurchasing command, ReplenishmentState state, DateTimeOffset now)
    {
        if (!state.Exists) return Rejection.NotFound("replenishment-not-found", "There is no such replenishment request.");
        if (CommandRules.RequireRole(command.By, [Roles.ProductionManager], "fulfilment-by-production-management", "Production management decides how a request is fulfilled.") is { } forbidden)
            return forbidden;
        if (state.Status is ReplenishmentStatus.HandedToPurchasing or ReplenishmentStatus.Ordered) return Decision.NoChange;
        if (state.Status != ReplenishmentStatus.Approved)
            return Rejection.Conflict("replenishment-not-approved", "Only a request the business-department manager approved is fulfilled.");
        var balance = command.ProductionStore.Balance(state.ItemCode);
        if (balance >= state.Quantity)
            return Rejection.Conflict("production-store-can-cover",
                $"The production store holds {Quantities.Show(balance)} of {state.ItemCode}: it issues the {Quantities.Show(state.Quantity)} asked (000:323).");
        return Decision.Accept(new ReplenishmentHandedToPurchasing(command.ProductionStore.Id, balance, command.By.Id, now));
    }
}

public sealed record PlacePurchaseOrder(Guid ReplenishmentId, string? OrderNumber, string? Supplier, Actor By) : IReplenishmentCommand
{
    public static Decision Decide(PlacePurchaseOrder command, ReplenishmentState state, DateTimeOffset now)
    {
        if (!state.Exists) return Rejection.NotFound("replenishment-not-found", "There is no such replenishment request.");
        var invalid = CommandRules.RequireRole(command.By, [Roles.Purchaser], "orders-placed-by-purchasing", "Purchasing (采购部) places the order.")
            ?? CommandRules.RequireText(command.OrderNumber, "orderNumber", "The purchase order's number")
            ?? CommandRules.RequireText(command.Supplier, "supplier", "The supplier the order names (000:326)");
        if (invalid is not null) return invalid;
        if (state.Status == ReplenishmentStatus.Ordered)
            return state.OrderNumber == command.OrderNumber!.Trim()
                ? Decision.NoChange
                : Rejection.Conflict("ordered-already", $"Order {state.OrderNumber} was placed for this request already.");
        if (state.Status != ReplenishmentStatus.HandedToPurchasing)
            return Rejection.Conflict("not-with-purchasing", "Purchasing orders only what production management handed to it.");
        return Decision.Accept(new PurchaseOrderPlaced(command.OrderNumber!.Trim(), command.Supplier!.Trim(), command.By.Id, now));
    }
}

/// <summary>The production store's dispatch, recorded on the request from the store's ledger entry.</summary>
public sealed record RecordReplenishmentDispatch(Guid ReplenishmentId, Guid FromStoreId, decimal Quantity, DateTimeOffset DispatchedAt, Actor By) : IReplenishmentCommand
{
    public static Decision Decide(RecordReplenishmentDispatch command, ReplenishmentState state, DateTimeOffset now) =>
        !state.Exists ? Rejection.NotFound("replenishment-not-found", "There is no such replenishment request.")
        : state.DispatchedFrom is not null ? Decision.NoChange
        : Decision.Accept(new ReplenishmentDispatched(command.FromStoreId, command.Quantity, command.DispatchedAt));
}

/// <summary>The receipt at the site closes the request once the whole quantity has arrived (000:326).</summary>
public sealed record RecordReplenishmentReceipt(Guid ReplenishmentId, Guid ReceiptId, decimal Quantity, DateTimeOffset ReceivedAt, Actor By) : IReplenishmentCommand
{
    public static Decision Decide(RecordReplenishmentReceipt command, ReplenishmentState state, DateTimeOffset now) =>
        !state.Exists ? Rejection.NotFound("replenishment-not-found", "There is no such replenishment request.")
        : state.Receipts.Contains(command.ReceiptId) ? Decision.NoChange
        : Decision.Accept(new ReplenishmentReceived(command.ReceiptId, command.Quantity, state.Received + command.Quantity >= state.Quantity, command.ReceivedAt));
}
