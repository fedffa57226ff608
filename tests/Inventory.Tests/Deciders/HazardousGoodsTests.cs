using Platform.BuildingBlocks.EventSourcing;
using Platform.Inventory.Features;
using Platform.Inventory.Items;
using Platform.Inventory.Replenishments;
using Platform.Inventory.Stores;

namespace Platform.Inventory.Tests.Deciders;

public class HazardousGoodsTests
{
    private static readonly Inspection Inspected = new("inspector-1", "QC-2026-031", new DateOnly(2026, 3, 30));
    private static readonly Putaway Stack = new("S-1", 40m, 1.5m, 0.8m, 0.6m, 2.5m);
    private static readonly object[] HazardousStore = [A.HazardousOpened, new KeeperAssigned(A.TrainedKeeper.Id, true, "FT-88", A.At)];

    private static ReceiveGoods Receive(ItemState item, Inspection? inspection = null, Putaway? putaway = null, Actor? by = null, string note = "DN-H1") =>
        new(A.HazardousStoreId, item, 20, null, note, "Chem Co", null, ReplenishmentState.Initial, inspection, putaway, by ?? A.TrainedKeeper);

    [Fact]
    public void S35_hazardous_goods_without_the_inspection_are_refused() =>
        Scenarios.Store(HazardousStore).When(Receive(A.Solvent, putaway: Stack), A.At).ThenRejected("inspection-required", RejectionKind.Invalid, "inspection");

    [Fact]
    public void S35_inspected_hazardous_goods_are_received_with_their_inspection_and_stack()
    {
        var received = Scenarios.Store(HazardousStore).When(Receive(A.Solvent, Inspected, Stack), A.At).Single<GoodsReceived>();
        Assert.Equal((Inspected, Stack, 20m), (received.Inspection, received.Putaway, received.BalanceAfter));
    }

    [Fact]
    public void S35_a_stack_larger_than_100_square_metres_is_a_storage_rule_violation() =>
        Scenarios.Store(HazardousStore).When(Receive(A.Solvent, Inspected, Stack with { StackArea = 100.5m }), A.At)
            .ThenRejected("stack-larger-than-100-square-metres", RejectionKind.Invalid, "putaway.stackArea");

    [Fact]
    public void S35_a_stack_closer_than_half_a_metre_to_a_wall_is_a_storage_rule_violation() =>
        Scenarios.Store(HazardousStore).When(Receive(A.Solvent, Inspected, Stack with { GapToWall = 0.4m }), A.At)
            .ThenRejected("stack-closer-than-half-a-metre-to-a-wall", RejectionKind.Invalid, "putaway.gapToWall");

    [Fact]
    public void Stacks_stand_at_least_1_metre_apart() =>
        Scenarios.Store(HazardousStore).When(Receive(A.Solvent, Inspected, Stack with { GapToNearestStack = 0.9m }), A.At)
            .ThenRejected("stacks-closer-than-1-metre", RejectionKind.Invalid, "putaway.gapToNearestStack");

    [Fact]
    public void A_stack_stands_at_least_half_a_metre_from_beams_and_columns() =>
        Scenarios.Store(HazardousStore).When(Receive(A.Solvent, Inspected, Stack with { GapToBeamOrColumn = 0.49m }), A.At)
            .ThenRejected("stack-closer-than-half-a-metre-to-a-beam-or-column", RejectionKind.Invalid, "putaway.gapToBeamOrColumn");

    [Fact]
    public void The_main_aisle_is_at_least_2_metres_wide() =>
        Scenarios.Store(HazardousStore).When(Receive(A.Solvent, Inspected, Stack with { MainAisleWidth = 1.9m }), A.At)
            .ThenRejected("main-aisle-narrower-than-2-metres", RejectionKind.Invalid, "putaway.mainAisleWidth");

    [Fact]
    public void The_limits_themselves_are_allowed() =>
        Scenarios.Store(HazardousStore).When(Receive(A.Solvent, Inspected, new Putaway("S-1", 100m, 1m, 0.5m, 0.5m, 2m)), A.At).Single<GoodsReceived>();

    [Fact]
    public void Hazardous_goods_are_put_onto_a_stack_whose_distances_are_given() =>
        Scenarios.Store(HazardousStore).When(Receive(A.Solvent, Inspected), A.At).ThenRejected("putaway-required", RejectionKind.Invalid, "putaway");

    [Fact]
    public void Hazardous_goods_go_only_into_a_hazardous_goods_store() =>
        Scenarios.Store(A.SiteOpened).When(Receive(A.Solvent, Inspected, Stack) with { StoreId = A.SiteId, By = A.Keeper }, A.At)
            .ThenRejected("hazardous-goods-need-hazardous-store", RejectionKind.Conflict);

    [Fact]
    public void Hazardous_goods_are_received_only_by_a_fire_trained_keeper_of_the_store() =>
        Scenarios.Store(HazardousStore).When(Receive(A.Solvent, Inspected, Stack, A.Keeper), A.At)
            .ThenRejected("hazardous-store-keeper-fire-trained", RejectionKind.Forbidden);

    [Fact]
    public void A_hazardous_goods_store_takes_only_fire_trained_keepers() =>
        Scenarios.Store(A.HazardousOpened).When(new AssignKeeper(A.HazardousStoreId, "keeper-2", false, null, A.Planner), A.At)
            .ThenRejected("hazardous-store-keeper-fire-trained", RejectionKind.Invalid, "fireTrained");

    [Fact]
    public void The_keeper_who_receives_is_not_the_inspector() =>
        Scenarios.Store(HazardousStore).When(Receive(A.Solvent, Inspected with { InspectorId = A.TrainedKeeper.Id }, Stack), A.At)
            .ThenRejected("inspected-by-another", RejectionKind.Invalid, "inspection.inspectorId");

    [Fact]
    public void Conflicting_goods_are_stored_apart_an_oxidizer_not_beside_a_flammable_liquid_on_hand()
    {
        var solvent = Scenarios.Store(HazardousStore).When(Receive(A.Solvent, Inspected, Stack), A.At).Single<GoodsReceived>();
        var refused = Scenarios.Store([.. HazardousStore, solvent]).When(Receive(A.Bleach, Inspected, Stack with { StackId = "S-2" }, note: "DN-H2"), A.At)
            .ThenRejected("conflicting-goods-stored-apart", RejectionKind.Conflict);
        Assert.Contains("SOLVENT", refused.Detail);
    }

    [Fact]
    public void Goods_put_out_differently_are_stored_apart() =>
        Assert.True(HazardSegregation.Conflict(new HazardProfile(HazardClass.FlammableLiquids, ExtinguishingMethod.Foam),
            new HazardProfile(HazardClass.FlammableLiquids, ExtinguishingMethod.Water)));

    [Fact]
    public void Goods_of_one_class_put_out_alike_may_share_a_store() =>
        Assert.False(HazardSegregation.Conflict(new HazardProfile(HazardClass.FlammableLiquids, ExtinguishingMethod.Foam),
            new HazardProfile(HazardClass.FlammableLiquids, ExtinguishingMethod.Foam)));

    [Fact]
    public void A_hazardous_item_says_its_class_and_how_it_is_put_out()
    {
        var register = new RegisterItem(Guid.NewGuid(), "ACID", "Acid", ItemCategory.CleaningSupplies, "litre", 5, true, null, null, A.Planner);
        Scenarios.Item().When(register, A.At).ThenRejected("hazard-class-required", RejectionKind.Invalid, "hazardClass");
        Scenarios.Item().When(register with { HazardClass = HazardClass.Corrosives }, A.At).ThenRejected("extinguishing-method-required", RejectionKind.Invalid, "extinguishingMethod");
    }

    [Fact]
    public void Issuing_hazardous_goods_needs_a_fire_trained_keeper_too()
    {
        var solvent = Scenarios.Store(HazardousStore).When(Receive(A.Solvent, Inspected, Stack), A.At).Single<GoodsReceived>();
        var requisition = A.Requisition(A.FullySigned(new Requisitions.RequisitionLine("SOLVENT", 2, "litre"))) with { StoreId = A.HazardousStoreId };
        Scenarios.Store([.. HazardousStore, solvent]).When(new IssueRequisition(A.HazardousStoreId, requisition, null, A.Catalogue, A.Keeper), A.At)
            .ThenRejected("hazardous-store-keeper-fire-trained", RejectionKind.Forbidden);
    }
}
