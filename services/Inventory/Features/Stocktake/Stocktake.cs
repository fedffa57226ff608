using System.Globalization;
using Platform.BuildingBlocks.EventSourcing;
using Platform.Inventory.Items;
using Platform.Inventory.Stocktakes;
using Platform.Inventory.Stores;

namespace Platform.Inventory.Features;

/// <summary>
/// The month-end stocktake (月底盘点, 000:157): the keeper counts item by item and the book at that moment is kept beside
/// the count. A recount replaces the count until its difference is approved.
/// </summary>
public sealed record RecordCount(Guid StocktakeId, StoreState Store, string Month, ItemState Item, decimal Counted, Actor By) : IStocktakeCommand
{
    public static Decision Decide(RecordCount command, StocktakeState state, DateTimeOffset now)
    {
        var invalid = CommandRules.RequireRole(command.By, InventoryRoles.StoreKeepers, "counted-by-the-store-keeper", "The store keeper runs the stocktake (000:157).")
            ?? (command.Store.Exists ? null : Rejection.NotFound("store-not-found", "There is no such store."))
            ?? InventoryRules.RequireMonth(command.Month, "month")
            ?? (string.CompareOrdinal(command.Month, now.ToString("yyyy-MM", CultureInfo.InvariantCulture)) > 0
                ? Rejection.Invalid("month-not-begun", "month", "A month is counted once it has begun.")
                : null)
            ?? (command.Item.Exists ? null : Rejection.Invalid("item-not-in-catalogue", "itemCode", "The item is not in the catalogue."))
            ?? (Quantities.IsCount(command.Counted) ? null : Rejection.Invalid("count-invalid", "counted", "A count is 0 or more, with at most 3 decimal places."));
        if (invalid is not null) return invalid;

        var book = command.Store.Balance(command.Item.Code);
        if (state.Items.TryGetValue(command.Item.Code, out var earlier))
        {
            // An approved difference that could not be posted (the stock moved below the count) is counted again.
            if (earlier.Approved && command.Store.Adjusted.Contains((command.StocktakeId, earlier.ItemCode)))
                return Rejection.Conflict("discrepancy-approved-already", $"The difference on {earlier.ItemCode} was approved and posted.");
            if (earlier.Counted == command.Counted && earlier.Book == book) return Decision.NoChange;
        }
        return Decision.Accept(new StockCounted(command.StocktakeId, command.Store.Id, command.Store.EstateId, command.Month, command.Item.Code, command.Counted, book, command.By.Id, now));
    }
}

/// <summary>A difference must be explained (查找缺损原因, 000:144) before the manager can approve it.</summary>
public sealed record ExplainDiscrepancy(Guid StocktakeId, string ItemCode, string Explanation, Actor By) : IStocktakeCommand
{
    public static Decision Decide(ExplainDiscrepancy command, StocktakeState state, DateTimeOffset now)
    {
        var invalid = CommandRules.RequireRole(command.By, InventoryRoles.StoreKeepers, "explained-by-the-store-keeper", "The store keeper explains the differences.")
            ?? CommandRules.RequireText(command.Explanation, "explanation", "The explanation of the difference");
        if (invalid is not null) return invalid;
        var (item, refused) = Discrepancy(state, command.ItemCode);
        if (refused is not null) return refused;
        if (item!.Approved) return Rejection.Conflict("discrepancy-approved-already", "The difference was approved already.");
        return item.Explanation == command.Explanation.Trim()
            ? Decision.NoChange
            : Decision.Accept(new DiscrepancyExplained(item.ItemCode, command.Explanation.Trim(), command.By.Id, now));
    }

    public static (CountedItem? Item, Rejection? Refused) Discrepancy(StocktakeState state, string itemCode)
    {
        if (!state.Exists) return (null, Rejection.NotFound("stocktake-not-found", "Nothing has been counted in this stocktake."));
        if (!state.Items.TryGetValue(InventoryStreams.Key(itemCode), out var item))
            return (null, Rejection.Invalid("item-not-counted", "itemCode", "That item has not been counted."));
        return item.IsDiscrepancy ? (item, null) : (null, Rejection.Conflict("no-discrepancy", "The count matches the book."));
    }
}

/// <summary>The manager approves an explained difference; the approval posts the adjustment, with the explanation as its reason.</summary>
public sealed record ApproveDiscrepancy(Guid StocktakeId, string ItemCode, decimal UnitCost, Actor By) : IStocktakeCommand
{
    public static Decision Decide(ApproveDiscrepancy command, StocktakeState state, DateTimeOffset now)
    {
        if (CommandRules.RequireRole(command.By, InventoryRoles.Managers, "approved-by-the-manager", "The manager approves stocktake differences.") is { } forbidden)
            return forbidden;
        var (item, refused) = ExplainDiscrepancy.Discrepancy(state, command.ItemCode);
        if (refused is not null) return refused;
        if (item!.Approved) return Decision.NoChange;
        if (item.Explanation is null)
            return Rejection.Conflict("discrepancy-unexplained", $"The difference on {item.ItemCode} is explained before it is approved.");
        return Decision.Accept(new DiscrepancyApproved(item.ItemCode, item.Delta, command.UnitCost, item.Explanation, command.By.Id, now));
    }
}

/// <summary>
/// The month is marked 帐实相符 only when every item on the books was counted and every difference was explained, approved
/// and posted to the ledger.
/// </summary>
public sealed record ReconcileStocktake(Guid StocktakeId, StoreState Store, Actor By) : IStocktakeCommand
{
    public static Decision Decide(ReconcileStocktake command, StocktakeState state, DateTimeOffset now)
    {
        if (CommandRules.RequireRole(command.By, [.. InventoryRoles.StoreKeepers, .. InventoryRoles.Managers], "reconciled-by-the-store", "The store keeper or the manager closes the stocktake.") is { } forbidden)
            return forbidden;
        if (!state.Exists) return Rejection.NotFound("stocktake-not-found", "Nothing has been counted in this stocktake.");
        if (state.Reconciled is not null) return Decision.NoChange;

        var uncounted = command.Store.Balances.Where(b => b.Value > 0 && !state.Items.ContainsKey(b.Key)).Select(b => b.Key).Order(StringComparer.Ordinal).ToList();
        if (uncounted.Count > 0) return Rejection.Conflict("items-not-counted", $"Not counted yet: {string.Join(", ", uncounted)}.");
        var open = state.Items.Values.Where(i => i.IsDiscrepancy && !i.Approved).Select(i => i.ItemCode).ToList();
        if (open.Count > 0) return Rejection.Conflict("discrepancies-not-approved", $"Differences still to explain and approve: {string.Join(", ", open)}.");
        var unposted = state.Items.Values.Where(i => i.IsDiscrepancy && !command.Store.Adjusted.Contains((state.Id, i.ItemCode))).Select(i => i.ItemCode).ToList();
        if (unposted.Count > 0) return Rejection.Conflict("adjustments-not-posted", $"The approved adjustments of {string.Join(", ", unposted)} are still being posted; try again shortly.");

        return Decision.Accept(new StocktakeReconciled(state.StoreId, state.Month, state.Items.Count, state.Items.Values.Count(i => i.IsDiscrepancy), command.By.Id, now));
    }
}
