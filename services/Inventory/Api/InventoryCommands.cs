using System.Security.Claims;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.Inventory.ControlledItems;
using Platform.Inventory.Items;
using Platform.Inventory.Replenishments;
using Platform.Inventory.Requisitions;
using Platform.Inventory.Stocktakes;
using Platform.Inventory.Stores;

namespace Platform.Inventory.Api;

/// <summary>A store's estate, or none for the production store and the business departments, which every user of Inventory sees.</summary>
internal static class Visibility
{
    public static bool CanSee(ClaimsPrincipal user, string? estateId) => estateId is null || user.CanSeeEstate(estateId);
}

public sealed class ItemCommands(CommandHandler<ItemState, IItemCommand> handler) : HttpCommands<ItemState, IItemCommand>(handler)
{
    protected override string ResourceName => "item";

    protected override string RoutePrefix => InventoryService.RoutePrefix + "/items";

    public override string StreamFor(Guid id) => InventoryStreams.Items.For(id);

    public override bool CanSee(ClaimsPrincipal user, ItemState state) => state.Exists;

    public override object Represent(ItemState state, ClaimsPrincipal user) => ItemView.From(state);

    public async Task<ItemState> FindAsync(string? code, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(code) ? ItemState.Initial : (await Handler.LoadAsync(StreamFor(InventoryStreams.ItemId(code)), ct)).State;

    /// <summary>The catalogue entries of <paramref name="codes"/> that exist, by their key.</summary>
    public async Task<IReadOnlyDictionary<string, ItemState>> FindAllAsync(IEnumerable<string?> codes, CancellationToken ct)
    {
        var found = new Dictionary<string, ItemState>(StringComparer.Ordinal);
        foreach (var code in codes.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => InventoryStreams.Key(c!)).Distinct())
            if (await FindAsync(code, ct) is { Exists: true } item) found[code] = item;
        return found;
    }
}

public sealed class StoreCommands(CommandHandler<StoreState, IStoreCommand> handler) : HttpCommands<StoreState, IStoreCommand>(handler)
{
    protected override string ResourceName => "store";

    protected override string RoutePrefix => InventoryService.RoutePrefix + "/stores";

    public override string StreamFor(Guid id) => InventoryStreams.Stores.For(id);

    public override bool CanSee(ClaimsPrincipal user, StoreState state) => state.Exists && Visibility.CanSee(user, state.EstateId);

    public override object Represent(StoreState state, ClaimsPrincipal user) => StoreView.From(state);

    /// <summary>The production store above a site: the site's department's parent.</summary>
    public async Task<StoreState> ProductionStoreOfAsync(StoreState site, CancellationToken ct)
    {
        var department = await FindAsync(site.ParentId, ct);
        return await FindAsync(department.ParentId, ct);
    }
}

public sealed class RequisitionCommands(CommandHandler<RequisitionState, IRequisitionCommand> handler)
    : HttpCommands<RequisitionState, IRequisitionCommand>(handler)
{
    protected override string ResourceName => "requisition";

    protected override string RoutePrefix => InventoryService.RoutePrefix + "/requisitions";

    public override string StreamFor(Guid id) => InventoryStreams.Requisitions.For(id);

    public override bool CanSee(ClaimsPrincipal user, RequisitionState state) => state.Exists && Visibility.CanSee(user, state.EstateId);

    public override object Represent(RequisitionState state, ClaimsPrincipal user) => RequisitionView.From(state);
}

public sealed class ReplenishmentCommands(CommandHandler<ReplenishmentState, IReplenishmentCommand> handler)
    : HttpCommands<ReplenishmentState, IReplenishmentCommand>(handler)
{
    protected override string ResourceName => "replenishment";

    protected override string RoutePrefix => InventoryService.RoutePrefix + "/replenishments";

    public override string StreamFor(Guid id) => InventoryStreams.Replenishments.For(id);

    public override bool CanSee(ClaimsPrincipal user, ReplenishmentState state) => state.Exists && Visibility.CanSee(user, state.EstateId);

    public override object Represent(ReplenishmentState state, ClaimsPrincipal user) => ReplenishmentView.From(state);
}

public sealed class StocktakeCommands(CommandHandler<StocktakeState, IStocktakeCommand> handler) : HttpCommands<StocktakeState, IStocktakeCommand>(handler)
{
    protected override string ResourceName => "stocktake";

    protected override string RoutePrefix => InventoryService.RoutePrefix + "/stocktakes";

    public override string StreamFor(Guid id) => InventoryStreams.Stocktakes.For(id);

    public override bool CanSee(ClaimsPrincipal user, StocktakeState state) => state.Exists && Visibility.CanSee(user, state.EstateId);

    public override object Represent(StocktakeState state, ClaimsPrincipal user) => StocktakeView.From(state);
}

public sealed class ControlledItemCommands(CommandHandler<ControlledItemState, IControlledItemCommand> handler)
    : HttpCommands<ControlledItemState, IControlledItemCommand>(handler)
{
    protected override string ResourceName => "controlled-item";

    protected override string RoutePrefix => InventoryService.RoutePrefix + "/controlled-items";

    public override string StreamFor(Guid id) => InventoryStreams.ControlledItems.For(id);

    public override bool CanSee(ClaimsPrincipal user, ControlledItemState state) => state.Exists;

    public override object Represent(ControlledItemState state, ClaimsPrincipal user) => ControlledItemView.From(state);
}
