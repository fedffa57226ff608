using Platform.BuildingBlocks.EventSourcing;
using Platform.Inventory.Stores;

namespace Platform.Inventory.Features;

/// <summary>The adjustment a stocktake's approved discrepancy posts, with its reason; never below zero.</summary>
public sealed record AdjustStock(Guid StoreId, Guid StocktakeId, string ItemCode, decimal Delta, decimal UnitCost, string Reason, Actor By) : IStoreCommand
{
    public static Decision Decide(AdjustStock command, StoreState state, DateTimeOffset now)
    {
        if (!state.Exists) return Rejection.NotFound("store-not-found", "There is no such store.");
        if (state.Adjusted.Contains((command.StocktakeId, command.ItemCode))) return Decision.NoChange;
        var after = state.Balance(command.ItemCode) + command.Delta;
        if (after < 0)
            return Rejection.Conflict("stock-below-zero",
                $"Adjusting {command.ItemCode} by {Quantities.Show(command.Delta)} would leave {Quantities.Show(after)}: stock moved since the count; count it again.");
        return Decision.Accept(StoreDecider.WithFallsBelowMinimum(state,
            [new StockAdjusted(command.StocktakeId, command.ItemCode, command.Delta, command.UnitCost, command.Reason, after, now)], now));
    }
}
