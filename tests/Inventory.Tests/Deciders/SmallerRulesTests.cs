using Platform.BuildingBlocks.EventSourcing;
using Platform.Inventory.ControlledItems;
using Platform.Inventory.Features;
using Platform.Inventory.Items;
using Platform.Inventory.Replenishments;
using Platform.Inventory.Stores;

namespace Platform.Inventory.Tests.Deciders;

public class SmallerRulesTests
{
    [Fact]
    public void One_code_is_one_item_registering_it_again_differently_is_refused()
    {
        var register = new RegisterItem(A.Mop.Id, "MOP", "Mop", ItemCategory.CleaningSupplies, "piece", 12.50m, false, null, null, A.Planner);
        Scenarios.Item(new ItemRegistered(A.Mop.Id, "MOP", "Mop", ItemCategory.CleaningSupplies, "piece", 12.50m, false, null, null, A.At)).When(register, A.At).ThenNothing();
        Scenarios.Item(new ItemRegistered(A.Mop.Id, "MOP", "Mop", ItemCategory.CleaningSupplies, "piece", 12.50m, false, null, null, A.At))
            .When(register with { Unit = "box" }, A.At).ThenRejected("item-exists");
    }

    [Fact]
    public void The_catalogue_is_kept_by_the_stores_and_the_materials_office() =>
        Scenarios.Item().When(new RegisterItem(A.Mop.Id, "MOP", "Mop", ItemCategory.CleaningSupplies, "piece", 1, false, null, null, A.Requester), A.At)
            .ThenRejected("catalogue-is-the-stores", RejectionKind.Forbidden);

    [Fact]
    public void A_unit_cost_is_yuan_with_two_places() =>
        Scenarios.Item(new ItemRegistered(A.Mop.Id, "MOP", "Mop", ItemCategory.CleaningSupplies, "piece", 12.50m, false, null, null, A.At))
            .When(new ChangeUnitCost(A.Mop.Id, 12.505m, A.Planner), A.At).ThenRejected("unit-cost-invalid", RejectionKind.Invalid, "unitCost");

    [Fact]
    public void Fire_safety_training_is_shown_by_its_certificate() =>
        Scenarios.Store(A.HazardousOpened).When(new AssignKeeper(A.HazardousStoreId, "keeper-2", true, null, A.Planner), A.At)
            .ThenRejected("training-certificate-required", RejectionKind.Invalid, "trainingCertificate");

    [Fact]
    public void One_code_is_one_store_opening_it_again_elsewhere_is_refused() =>
        Scenarios.Store(A.SiteOpened).When(new OpenStore(A.SiteId, "SITE-1", "Site", StoreTier.BusinessDepartment, A.ProductionStoreId, A.Store(A.ProductionOpened), null, false, A.Planner), A.At)
            .ThenRejected("store-exists");

    [Fact]
    public void A_site_receipt_names_a_request_of_its_own_store_and_item()
    {
        object[] dispatched = [.. A.Approved(), new ReplenishmentDispatched(A.ProductionStoreId, 20, A.At)];
        var receive = new ReceiveGoods(A.SiteId, A.Lock, 20, null, "T-1", null, A.ReplenishmentId, A.Replenishment(dispatched), null, null, A.Keeper);
        Scenarios.Store(A.SiteOpened).When(receive, A.At).ThenRejected("replenishment-for-another-item", RejectionKind.Invalid, "replenishmentId");
        Scenarios.Store(A.HazardousOpened).When(receive with { StoreId = A.HazardousStoreId, Item = A.Mop }, A.At)
            .ThenRejected("replenishment-for-another-store", RejectionKind.Invalid, "replenishmentId");
        var transfer = Scenarios.Store(A.SiteOpened).When(receive with { Item = A.Mop }, A.At).Single<GoodsReceived>();
        Assert.Equal((A.ReplenishmentId, (string?)null), (transfer.ReplenishmentId, transfer.Supplier));
    }

    [Fact]
    public void A_draft_is_submitted_for_its_own_item_only()
    {
        var drafted = new ReplenishmentDrafted(A.ReplenishmentId, A.SiteId, "estate-1", "MOP", "Mop", 17, 3, 10, A.At);
        Scenarios.Replenishment(drafted)
            .When(new RequestReplenishment(A.ReplenishmentId, A.Store(A.SiteOpened), A.Lock, "LOCK", "Lock", Urgency.Routine, 1, null, ReplenishmentSource.Site, null, A.SiteRep), A.At)
            .ThenRejected("draft-is-for-another-item");
    }

    [Fact]
    public void A_loan_is_due_back_after_it_is_lent()
    {
        var key = new ControlledItemRegistered(InventoryStreams.ControlledItemId("KEY-1"), "KEY-1", ControlledItemKind.Key, "Key", A.SiteId, A.At);
        Scenarios.ControlledItem(key).When(new LendControlledItem(key.ControlledItemId, "tech-1", null, A.At.AddHours(-1), A.Keeper), A.At)
            .ThenRejected("due-back-in-the-past", RejectionKind.Invalid, "dueBack");
    }

    [Fact]
    public void One_tag_is_one_controlled_item() =>
        Scenarios.ControlledItem(new ControlledItemRegistered(InventoryStreams.ControlledItemId("KEY-1"), "KEY-1", ControlledItemKind.Key, "Key", A.SiteId, A.At))
            .When(new RegisterControlledItem(InventoryStreams.ControlledItemId("KEY-1"), "KEY-1", ControlledItemKind.AccessCard, "Card", A.Store(A.SiteOpened), A.Keeper), A.At)
            .ThenRejected("tag-registered-already");

    [Fact]
    public void Requests_are_issued_from_the_production_store_only() =>
        Scenarios.Store(A.DepartmentOpened).When(new DispatchReplenishment(A.DepartmentId, A.Replenishment(A.Approved()), A.Mop, A.Production), A.At)
            .ThenRejected("dispatch-from-production-store");

    [Fact]
    public void A_replenishment_request_is_raised_by_the_site() =>
        Scenarios.Replenishment().When(new RequestReplenishment(A.ReplenishmentId, A.Store(A.SiteOpened), A.Mop, "MOP", "Mop", Urgency.Urgent, 5, null,
            ReplenishmentSource.Site, null, A.Planner), A.At).ThenRejected("replenishment-raised-by-the-site", RejectionKind.Forbidden);
}
