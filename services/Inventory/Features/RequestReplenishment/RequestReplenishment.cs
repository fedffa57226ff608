using Platform.BuildingBlocks.EventSourcing;
using Platform.Inventory.Items;
using Platform.Inventory.Replenishments;
using Platform.Inventory.Stores;

namespace Platform.Inventory.Features;

/// <summary>
/// A site raises a 内部联络单 (000:310): 「必须写明申请物资编码、物资名称、紧急程度等内容」 (000:312), so code, name, urgency
/// and quantity are each required (S33). A draft the reorder point raised becomes the request once the site gives them.
/// </summary>
public sealed record RequestReplenishment(
    Guid ReplenishmentId, StoreState SiteStore, ItemState Item, string? ItemCode, string? ItemName, Urgency? Urgency, decimal? Quantity,
    string? Reason, ReplenishmentSource Source, string? SourceRef, Actor By) : IReplenishmentCommand
{
    public static Decision Decide(RequestReplenishment command, ReplenishmentState state, DateTimeOffset now)
    {
        var invalid = CommandRules.RequireRole(command.By, InventoryRoles.Sites, "replenishment-raised-by-the-site", "A replenishment request is raised by the site (现场).")
            ?? CommandRules.RequireText(command.ItemCode, "itemCode", "The material code (物资编码)")
            ?? CommandRules.RequireText(command.ItemName, "itemName", "The material name (物资名称)")
            ?? (command.Urgency is null ? Rejection.Invalid("urgency-required", "urgency", "The urgency (紧急程度) is required.") : null)
            ?? (command.Quantity is null ? Rejection.Invalid("quantity-required", "quantity", "The quantity is required.") : null)
            ?? InventoryRules.RequireQuantity(command.Quantity!.Value, "quantity")
            ?? RequireSiteStore(command.SiteStore)
            ?? (command.Item.Exists ? null : Rejection.Invalid("item-not-in-catalogue", "itemCode", $"Item {InventoryStreams.Key(command.ItemCode!)} is not in the catalogue."));
        if (invalid is not null) return invalid;

        var requested = new ReplenishmentRequested(
            command.ReplenishmentId, command.SiteStore.Id, command.SiteStore.EstateId, command.Item.Code, command.ItemName!.Trim(), command.Urgency!.Value,
            command.Quantity!.Value, command.By.Id, command.Reason?.Trim(), state.Exists ? state.Source : command.Source, command.SourceRef, now);
        if (!state.Exists || state.Status == ReplenishmentStatus.Drafted)
        {
            if (state.Exists && (state.SiteStoreId != requested.SiteStoreId || state.ItemCode != requested.ItemCode))
                return Rejection.Conflict("draft-is-for-another-item", $"The draft is for {state.ItemCode} at its own site; raise a new request for anything else.");
            return Decision.Accept(requested);
        }
        return state.ItemCode == requested.ItemCode && state.Quantity == requested.Quantity && state.Urgency == requested.Urgency
            ? Decision.NoChange
            : Rejection.Conflict("replenishment-requested-already", "This request was raised already with other values.");
    }

    public static Rejection? RequireSiteStore(StoreState store) =>
        !store.Exists ? Rejection.Invalid("store-not-found", "siteStoreId", "There is no such store.")
        : store.Tier != StoreTier.Site ? Rejection.Invalid("requests-come-from-sites", "siteStoreId", "Replenishment requests are raised by site stores (000:310).")
        : null;
}

/// <summary>
/// The site's stock fell below its reorder point: a draft request for the site, once per fall. It suggests bringing the
/// stock back to twice the minimum; the site confirms it with urgency and quantity.
/// </summary>
public sealed record DraftReplenishment(Guid ReplenishmentId, StoreState SiteStore, ItemState Item, decimal Balance, decimal Minimum, Actor By) : IReplenishmentCommand
{
    public static Decision Decide(DraftReplenishment command, ReplenishmentState state, DateTimeOffset now)
    {
        if (state.Exists) return Decision.NoChange;
        if (RequestReplenishment.RequireSiteStore(command.SiteStore) is { } invalid) return invalid;
        var suggested = Math.Max(command.Minimum * 2 - command.Balance, command.Minimum);
        return Decision.Accept(new ReplenishmentDrafted(
            command.ReplenishmentId, command.SiteStore.Id, command.SiteStore.EstateId, command.Item.Code, command.Item.Name, suggested, command.Balance,
            command.Minimum, now));
    }
}
