using Platform.BuildingBlocks.EventSourcing;
using Platform.Inventory.ControlledItems;
using Platform.Inventory.Items;
using Platform.Inventory.Replenishments;
using Platform.Inventory.Requisitions;
using Platform.Inventory.Stocktakes;
using Platform.Inventory.Stores;

namespace Platform.Inventory.Tests.Deciders;

/// <summary>People, stores and items the scenarios share, and the states they fold to.</summary>
public static class A
{
    public static readonly DateTimeOffset At = new(2026, 3, 31, 10, 0, 0, TimeSpan.FromHours(8));

    public static readonly Actor Requester = new("tech-1", Roles.Technician);
    public static readonly Actor TeamLeader = new("lead-1", Roles.TeamLeader);
    public static readonly Actor Manager = new("mgr-1", Roles.DepartmentManager);
    public static readonly Actor Keeper = new("keeper-1", Roles.StoreKeeper);
    public static readonly Actor TrainedKeeper = new("keeper-fire", Roles.StoreKeeper);
    public static readonly Actor Planner = new("planner-1", Roles.MaterialsPlanner);
    public static readonly Actor SiteRep = new("rep-1", Roles.SiteRepresentative);
    public static readonly Actor Supervisor = new("sup-1", Roles.BusinessSupervisor);
    public static readonly Actor Production = new("prod-1", Roles.ProductionManager);
    public static readonly Actor Purchaser = new("buyer-1", Roles.Purchaser);

    public static readonly Guid ProductionStoreId = InventoryStreams.StoreId("PROD");
    public static readonly Guid DepartmentId = InventoryStreams.StoreId("BD-1");
    public static readonly Guid SiteId = InventoryStreams.StoreId("SITE-1");
    public static readonly Guid HazardousStoreId = InventoryStreams.StoreId("HAZ-1");
    public static readonly Guid RequisitionId = Guid.Parse("0193c000-0000-7000-8000-0000000000a1");
    public static readonly Guid ReplenishmentId = Guid.Parse("0193c000-0000-7000-8000-0000000000b1");
    public static readonly Guid WorkOrderId = Guid.Parse("0193c000-0000-7000-8000-0000000000c1");

    public static ItemState Mop { get; } = Item(new ItemRegistered(InventoryStreams.ItemId("MOP"), "MOP", "Mop", ItemCategory.CleaningSupplies, "piece", 12.50m, false, null, null, At));
    public static ItemState Lock { get; } = Item(new ItemRegistered(InventoryStreams.ItemId("LOCK"), "LOCK", "Door lock", ItemCategory.SpareParts, "piece", 80m, false, null, null, At));
    public static ItemState Solvent { get; } = Item(new ItemRegistered(InventoryStreams.ItemId("SOLVENT"), "SOLVENT", "Cleaning solvent", ItemCategory.CleaningSupplies, "litre", 30m,
        true, HazardClass.FlammableLiquids, ExtinguishingMethod.Foam, At));
    public static ItemState Bleach { get; } = Item(new ItemRegistered(InventoryStreams.ItemId("BLEACH"), "BLEACH", "Oxidising bleach", ItemCategory.CleaningSupplies, "litre", 8m,
        true, HazardClass.Oxidizers, ExtinguishingMethod.Foam, At));

    public static IReadOnlyDictionary<string, ItemState> Catalogue { get; } = new Dictionary<string, ItemState>
    {
        ["MOP"] = Mop, ["LOCK"] = Lock, ["SOLVENT"] = Solvent, ["BLEACH"] = Bleach,
    };

    public static StoreOpened ProductionOpened { get; } = new(ProductionStoreId, "PROD", "生产库房", StoreTier.ProductionStore, null, null, false, At);
    public static StoreOpened DepartmentOpened { get; } = new(DepartmentId, "BD-1", "Business department 1", StoreTier.BusinessDepartment, ProductionStoreId, null, false, At);
    public static StoreOpened SiteOpened { get; } = new(SiteId, "SITE-1", "Site 1 store", StoreTier.Site, DepartmentId, "estate-1", false, At);
    public static StoreOpened HazardousOpened { get; } = new(HazardousStoreId, "HAZ-1", "Hazardous goods", StoreTier.Site, DepartmentId, "estate-1", true, At);

    public static GoodsReceived Received(string item, decimal quantity, decimal balanceAfter, string note = "DN-1", Guid? replenishmentId = null) =>
        new(Receipt(SiteId, note, item), "estate-1", item, quantity, 12.50m, note, "Supplier Co", replenishmentId, null, null, null, balanceAfter, Keeper.Id, At);

    public static Guid Receipt(Guid store, string note, string item) => Features.ReceiveGoods.ReceiptIdFor(store, note, item);

    public static StoreState Store(params object[] events) => new StoreDecider().Fold(events);

    public static ItemState Item(ItemRegistered registered) => ItemState.Initial.Apply(registered);

    public static RequisitionDrafted Drafted(params RequisitionLine[] lines) =>
        new(RequisitionId, SiteId, "estate-1", Requester.Id, "Clean the lobby", null, null, lines.Length == 0 ? [new RequisitionLine("MOP", 2, "piece")] : lines, At);

    public static RequisitionSigned Signed(SignatureTier tier, Actor by) => new(tier, by.Id, At);

    public static object[] FullySigned(params RequisitionLine[] lines) =>
        [Drafted(lines), Signed(SignatureTier.Requester, Requester), Signed(SignatureTier.TeamLeader, TeamLeader), Signed(SignatureTier.Manager, Manager)];

    public static RequisitionState Requisition(params object[] events) => new RequisitionDecider().Fold(events);

    public static ReplenishmentRequested Requested(decimal quantity = 20, Urgency urgency = Urgency.Urgent) =>
        new(ReplenishmentId, SiteId, "estate-1", "MOP", "Mop", urgency, quantity, SiteRep.Id, null, ReplenishmentSource.Site, null, At);

    public static ReplenishmentAdvanced Step(ReplenishmentStep step, Actor by) => new(step, by.Id, null, At);

    public static object[] Approved(decimal quantity = 20) =>
    [
        Requested(quantity), Step(ReplenishmentStep.SiteReview, SiteRep), Step(ReplenishmentStep.Consolidation, Planner),
        Step(ReplenishmentStep.SupervisorSignature, Supervisor), Step(ReplenishmentStep.ManagerApproval, Manager),
        new ReplenishmentFiled("materials-office", DepartmentId, At),
    ];

    public static ReplenishmentState Replenishment(params object[] events) => new ReplenishmentDecider().Fold(events);
}

public static class Scenarios
{
    public static DeciderScenario<StoreState, IStoreCommand> Store(params object[] given) => new(new StoreDecider(), given);
    public static DeciderScenario<ItemState, IItemCommand> Item(params object[] given) => new(new ItemDecider(), given);
    public static DeciderScenario<RequisitionState, IRequisitionCommand> Requisition(params object[] given) => new(new RequisitionDecider(), given);
    public static DeciderScenario<ReplenishmentState, IReplenishmentCommand> Replenishment(params object[] given) => new(new ReplenishmentDecider(), given);
    public static DeciderScenario<StocktakeState, IStocktakeCommand> Stocktake(params object[] given) => new(new StocktakeDecider(), given);
    public static DeciderScenario<ControlledItemState, IControlledItemCommand> ControlledItem(params object[] given) => new(new ControlledItemDecider(), given);
}
