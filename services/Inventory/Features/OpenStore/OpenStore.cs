using Platform.BuildingBlocks.EventSourcing;
using Platform.Inventory.Items;
using Platform.Inventory.Stores;

namespace Platform.Inventory.Features;

/// <summary>
/// A store takes its place in the three tiers (000:306): the production store (生产库房) at the top without a parent, each
/// business department's books under it, each site's store under its department. A site store belongs to an estate.
/// </summary>
/// <param name="Parent">The parent store as the handler found it (empty when none was named or it does not exist).</param>
public sealed record OpenStore(
    Guid StoreId, string Code, string Name, StoreTier Tier, Guid? ParentId, StoreState Parent, string? EstateId, bool HazardousGoods, Actor By) : IStoreCommand
{
    public static Decision Decide(OpenStore command, StoreState state, DateTimeOffset now)
    {
        var invalid = CommandRules.RequireRole(command.By, InventoryRoles.StoreAdministration, "stores-opened-by-the-materials-office", "The materials office and production management open stores.")
            ?? CommandRules.RequireText(command.Code, "code", "The store's code")
            ?? CommandRules.RequireText(command.Name, "name", "The store's name")
            ?? Placement(command)
            ?? (command.Tier == StoreTier.Site && string.IsNullOrWhiteSpace(command.EstateId)
                ? Rejection.Invalid("estate-required", "estateId", "A site store belongs to the estate it serves.")
                : null);
        if (invalid is not null) return invalid;

        var opened = new StoreOpened(command.StoreId, InventoryStreams.Key(command.Code), command.Name.Trim(), command.Tier, command.ParentId,
            string.IsNullOrWhiteSpace(command.EstateId) ? null : command.EstateId.Trim(), command.HazardousGoods, now);
        if (!state.Exists) return Decision.Accept(opened);
        return state.Tier == opened.Tier && state.ParentId == opened.ParentId && state.HazardousGoods == opened.HazardousGoods
            ? Decision.NoChange
            : Rejection.Conflict("store-exists", $"Store {state.Code} exists already, as a {WireName.Of(state.Tier)} store.");
    }

    private static Rejection? Placement(OpenStore command)
    {
        if (command.Tier == StoreTier.ProductionStore)
            return command.ParentId is null ? null : Rejection.Invalid("production-store-has-no-parent", "parentId", "The production store is the top tier.");
        if (command.ParentId is null)
            return Rejection.Invalid("parent-required", "parentId", "Every store but the production store has a parent one tier up.");
        if (!command.Parent.Exists) return Rejection.Invalid("parent-not-found", "parentId", "There is no such parent store.");
        var expected = command.Tier == StoreTier.Site ? StoreTier.BusinessDepartment : StoreTier.ProductionStore;
        return command.Parent.Tier == expected
            ? null
            : Rejection.Invalid("parent-one-tier-up", "parentId", $"A {WireName.Of(command.Tier)} store's parent is a {WireName.Of(expected)} store.");
    }
}

/// <summary>A keeper of a hazardous-goods store must have passed fire-safety training (「仓管人员必须由消防安全培训合格的人员担任」, 000:661).</summary>
public sealed record AssignKeeper(Guid StoreId, string KeeperId, bool FireTrained, string? TrainingCertificate, Actor By) : IStoreCommand
{
    public static Decision Decide(AssignKeeper command, StoreState state, DateTimeOffset now)
    {
        if (!state.Exists) return Rejection.NotFound("store-not-found", "There is no such store.");
        var invalid = CommandRules.RequireRole(command.By, InventoryRoles.StoreAdministration, "keepers-assigned-by-the-materials-office", "The materials office assigns keepers.")
            ?? CommandRules.RequireText(command.KeeperId, "keeperId", "The keeper")
            ?? (command.FireTrained && string.IsNullOrWhiteSpace(command.TrainingCertificate)
                ? Rejection.Invalid("training-certificate-required", "trainingCertificate", "Fire-safety training is shown by its certificate.")
                : null)
            ?? (state.HazardousGoods && !command.FireTrained
                ? Rejection.Invalid("hazardous-store-keeper-fire-trained", "fireTrained", "A hazardous-goods store's keeper must have passed fire-safety training (000:661).")
                : null);
        if (invalid is not null) return invalid;
        return state.Keepers.TryGetValue(command.KeeperId.Trim(), out var trained) && trained == command.FireTrained
            ? Decision.NoChange
            : Decision.Accept(new KeeperAssigned(command.KeeperId.Trim(), command.FireTrained, command.TrainingCertificate?.Trim(), now));
    }

    /// <summary>Hazardous goods are received and issued only by a fire-trained keeper assigned to their store (000:661).</summary>
    public static Rejection? TrainedKeeperFor(StoreState store, ItemState item, Actor by) =>
        !item.Hazardous || by.HasRole(Roles.System) || store.Keepers.GetValueOrDefault(by.Id)
            ? null
            : Rejection.Forbidden("hazardous-store-keeper-fire-trained",
                $"{item.Code} is hazardous: only a fire-trained keeper assigned to {store.Code} moves it (000:661).");
}

/// <summary>The minimum a site store keeps of an item; a minimum of 0 removes the reorder point.</summary>
public sealed record SetReorderPoint(Guid StoreId, ItemState Item, decimal Minimum, Actor By) : IStoreCommand
{
    public static Decision Decide(SetReorderPoint command, StoreState state, DateTimeOffset now)
    {
        if (!state.Exists) return Rejection.NotFound("store-not-found", "There is no such store.");
        var invalid = CommandRules.RequireRole(command.By, [.. InventoryRoles.StoreAdministration, Roles.StoreKeeper], "reorder-points-by-the-stores", "Store keepers and the materials office set reorder points.")
            ?? (state.Tier == StoreTier.Site ? null : Rejection.Conflict("reorder-points-at-sites", "Reorder points are kept by site stores."))
            ?? (command.Item.Exists ? null : Rejection.Invalid("item-not-in-catalogue", "itemCode", "The item is not in the catalogue."))
            ?? (Quantities.IsCount(command.Minimum) ? null : Rejection.Invalid("minimum-invalid", "minimum", "A minimum is 0 or more, with at most 3 decimal places."));
        if (invalid is not null) return invalid;
        if (state.Minimums.GetValueOrDefault(command.Item.Code) == command.Minimum) return Decision.NoChange;
        return Decision.Accept(StoreDecider.WithFallsBelowMinimum(state, [new ReorderPointSet(command.Item.Code, command.Minimum, now)], now));
    }
}
