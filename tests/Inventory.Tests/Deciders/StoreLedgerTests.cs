using Platform.BuildingBlocks.EventSourcing;
using Platform.Inventory.Features;
using Platform.Inventory.Requisitions;
using Platform.Inventory.Stores;

namespace Platform.Inventory.Tests.Deciders;

public class StoreLedgerTests
{
    private static readonly object[] TenMops = [A.SiteOpened, A.Received("MOP", 10, 10)];

    private static IssueRequisition Issue(RequisitionState requisition, IReadOnlyList<IssueLine>? lines = null, Actor? by = null) =>
        new(A.SiteId, requisition, lines, A.Catalogue, by ?? A.Keeper);

    private static Guid FirstIssueId => DeterministicId.Create("goods-issue", A.SiteId.ToString(), "1");

    [Fact]
    public void S29_an_issue_without_the_managers_signature_is_refused_naming_it_and_changes_no_stock()
    {
        var signedTwice = A.Requisition(A.Drafted(), A.Signed(SignatureTier.Requester, A.Requester), A.Signed(SignatureTier.TeamLeader, A.TeamLeader));
        var refused = Scenarios.Store(TenMops).When(Issue(signedTwice), A.At).ThenRejected("missing-signatures", RejectionKind.Conflict);
        Assert.Contains("manager", refused.Detail);
        Assert.DoesNotContain("team leader", refused.Detail);
    }

    [Fact]
    public void S29_an_unsigned_requisition_names_all_three_missing_signatures()
    {
        var refused = Scenarios.Store(TenMops).When(Issue(A.Requisition(A.Drafted())), A.At).ThenRejected("missing-signatures");
        Assert.Contains("requester, the team leader, the manager", refused.Detail);
    }

    [Fact]
    public void S30_a_fully_signed_requisition_is_issued_and_the_book_drops_by_it()
    {
        var result = Scenarios.Store(TenMops).When(Issue(A.Requisition(A.FullySigned())), A.At);
        result.Then(new GoodsIssued(FirstIssueId, A.RequisitionId, null, "estate-1", [new IssuedLine("MOP", 2, "piece", 12.50m, 8)], true, A.Keeper.Id, A.At));
        Assert.Equal(8, result.StateAfter.Balance("MOP"));
    }

    [Fact]
    public void The_book_never_goes_below_zero_an_issue_beyond_stock_names_the_short_items()
    {
        var requisition = A.Requisition(A.FullySigned(new RequisitionLine("MOP", 12, "piece"), new RequisitionLine("LOCK", 1, "piece")));
        var refused = Scenarios.Store(TenMops).When(Issue(requisition), A.At).ThenRejected("insufficient-stock", RejectionKind.Conflict);
        Assert.Contains("MOP (12 asked, 10 on hand)", refused.Detail);
        Assert.Contains("LOCK (1 asked, 0 on hand)", refused.Detail);
    }

    [Fact]
    public void The_store_keeper_may_issue_part_and_the_rest_stays_outstanding()
    {
        var requisition = A.Requisition(A.FullySigned(new RequisitionLine("MOP", 12, "piece")));
        var part = Scenarios.Store(TenMops).When(Issue(requisition, [new IssueLine("MOP", 10)]), A.At);
        var issued = part.Single<GoodsIssued>();
        Assert.False(issued.Complete);
        Assert.Equal(0, part.StateAfter.Balance("MOP"));
        Assert.Equal(10, part.StateAfter.IssuedAgainst(A.RequisitionId, "MOP"));

        Scenarios.Store([.. TenMops, issued]).When(Issue(requisition, [new IssueLine("MOP", 3)]), A.At)
            .ThenRejected("more-than-outstanding", RejectionKind.Invalid, "lines[0].quantity");
        var rest = Scenarios.Store([.. TenMops, issued, A.Received("MOP", 5, 5, "DN-2")]).When(Issue(requisition), A.At).Single<GoodsIssued>();
        Assert.True(rest.Complete);
        Assert.Equal(2, Assert.Single(rest.Lines).Quantity);
    }

    [Fact]
    public void An_issued_requisition_issued_again_changes_nothing()
    {
        var issued = new GoodsIssued(FirstIssueId, A.RequisitionId, null, "estate-1", [new IssuedLine("MOP", 2, "piece", 12.50m, 8)], true, A.Keeper.Id, A.At);
        Scenarios.Store([.. TenMops, issued]).When(Issue(A.Requisition(A.FullySigned())), A.At).ThenNothing();
    }

    [Fact]
    public void Only_the_store_keeper_issues() =>
        Scenarios.Store(TenMops).When(Issue(A.Requisition(A.FullySigned()), by: A.Manager), A.At).ThenRejected("issued-by-the-store-keeper", RejectionKind.Forbidden);

    [Fact]
    public void A_requisition_is_issued_only_from_its_own_store() =>
        Scenarios.Store(A.ProductionOpened).When(new IssueRequisition(A.ProductionStoreId, A.Requisition(A.FullySigned()), null, A.Catalogue, A.Keeper), A.At)
            .ThenRejected("requisition-for-another-store", RejectionKind.Invalid, "requisitionId");

    [Fact]
    public void A_rejected_requisition_is_not_issued() =>
        Scenarios.Store(TenMops).When(Issue(A.Requisition([.. A.FullySigned(), new RequisitionRejected(SignatureTier.Manager, "x", "no", A.At)])), A.At)
            .ThenRejected("requisition-rejected");

    [Fact]
    public void A_delivery_is_registered_on_receipt_and_counted_once()
    {
        var receive = new ReceiveGoods(A.SiteId, A.Mop, 10, null, "DN-1", "Supplier Co", null, Replenishments.ReplenishmentState.Initial, null, null, A.Keeper);
        Scenarios.Store(A.SiteOpened).When(receive, A.At).Then(A.Received("MOP", 10, 10));
        Scenarios.Store(TenMops).When(receive, A.At).ThenNothing();
        Scenarios.Store(TenMops).When(receive with { Quantity = 11 }, A.At).ThenRejected("delivery-received-already");
    }

    [Fact]
    public void A_delivery_names_its_supplier() =>
        Scenarios.Store(A.SiteOpened).When(new ReceiveGoods(A.SiteId, A.Mop, 10, null, "DN-1", null, null, Replenishments.ReplenishmentState.Initial, null, null, A.Keeper), A.At)
            .ThenRejected("supplier-required", RejectionKind.Invalid, "supplier");

    [Fact]
    public void Falling_below_the_reorder_point_is_raised_once()
    {
        object[] withMinimum = [.. TenMops, new ReorderPointSet("MOP", 9, A.At)];
        var first = Scenarios.Store(withMinimum).When(Issue(A.Requisition(A.FullySigned())), A.At);
        var fell = first.Single<StockFellBelowMinimum>();
        Assert.Equal((8m, 9m), (fell.Balance, fell.Minimum));

        var issued = first.Single<GoodsIssued>();
        var second = A.Requisition(A.FullySigned()) with { Id = Guid.NewGuid() };
        Assert.Empty(Scenarios.Store([.. withMinimum, issued, fell]).When(Issue(second), A.At).All<StockFellBelowMinimum>());
    }

    [Fact]
    public void Stock_restored_above_the_reorder_point_may_fall_below_it_again()
    {
        var state = A.Store([.. TenMops, new ReorderPointSet("MOP", 9, A.At), new StockFellBelowMinimum("MOP", 8, 9, A.At), A.Received("MOP", 5, 13, "DN-2")]);
        Assert.DoesNotContain("MOP", state.BelowMinimum);
    }

    [Fact]
    public void Reorder_points_are_kept_by_site_stores() =>
        Scenarios.Store(A.ProductionOpened).When(new SetReorderPoint(A.ProductionStoreId, A.Mop, 5, A.Planner), A.At).ThenRejected("reorder-points-at-sites");

    [Theory]
    [InlineData(StoreTier.ProductionStore, "DEPT", "production-store-has-no-parent")]
    [InlineData(StoreTier.Site, null, "parent-required")]
    [InlineData(StoreTier.Site, "PROD", "parent-one-tier-up")]
    [InlineData(StoreTier.BusinessDepartment, "DEPT", "parent-one-tier-up")]
    public void Every_store_sits_in_one_tier_under_a_parent_one_tier_up(StoreTier tier, string? parent, string code)
    {
        var parentState = parent switch
        {
            "PROD" => A.Store(A.ProductionOpened),
            "DEPT" => A.Store(A.DepartmentOpened),
            _ => StoreState.Initial,
        };
        Scenarios.Store().When(new OpenStore(Guid.NewGuid(), "X", "X", tier, parentState.Exists ? parentState.Id : null, parentState, "estate-1", false, A.Planner), A.At)
            .ThenRejected(code, RejectionKind.Invalid, "parentId");
    }

    [Fact]
    public void A_site_store_belongs_to_an_estate() =>
        Scenarios.Store().When(new OpenStore(A.SiteId, "SITE-1", "Site", StoreTier.Site, A.DepartmentId, A.Store(A.DepartmentOpened), null, false, A.Planner), A.At)
            .ThenRejected("estate-required", RejectionKind.Invalid, "estateId");

    [Fact]
    public void The_three_tiers_open_top_down() =>
        Scenarios.Store().When(new OpenStore(A.SiteId, "site-1", "Site 1 store", StoreTier.Site, A.DepartmentId, A.Store(A.DepartmentOpened), "estate-1", false, A.Planner), A.At)
            .Then(A.SiteOpened);
}
