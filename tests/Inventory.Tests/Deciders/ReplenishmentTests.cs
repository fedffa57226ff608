using Platform.BuildingBlocks.EventSourcing;
using Platform.Inventory.Features;
using Platform.Inventory.Replenishments;
using Platform.Inventory.Stores;

namespace Platform.Inventory.Tests.Deciders;

public class ReplenishmentTests
{
    private static readonly StoreState Site = A.Store(A.SiteOpened);

    private static RequestReplenishment Request(string? code = "MOP", string? name = "Mop", Urgency? urgency = Urgency.Urgent, decimal? quantity = 20) =>
        new(A.ReplenishmentId, Site, code is null ? Items.ItemState.Initial : A.Mop, code, name, urgency, quantity, null, ReplenishmentSource.Site, null, A.SiteRep);

    private static AdvanceReplenishment Advance(ReplenishmentStep step, Actor by) => new(A.ReplenishmentId, step, null, A.DepartmentId, by);

    [Fact]
    public void A_site_raises_a_request_with_code_name_urgency_and_quantity() =>
        Scenarios.Replenishment().When(Request(), A.At).Then(A.Requested());

    [Theory]
    [InlineData("itemCode", "item-code-required")]
    [InlineData("itemName", "item-name-required")]
    [InlineData("urgency", "urgency-required")]
    [InlineData("quantity", "quantity-required")]
    public void S33_a_request_without_each_required_field_is_refused(string field, string code)
    {
        var request = field switch
        {
            "itemCode" => Request(code: null),
            "itemName" => Request(name: " "),
            "urgency" => Request(urgency: null),
            _ => Request(quantity: null),
        };
        Scenarios.Replenishment().When(request, A.At).ThenRejected(code, RejectionKind.Invalid, field);
    }

    [Fact]
    public void Requests_come_from_site_stores() =>
        Scenarios.Replenishment().When(Request() with { SiteStore = A.Store(A.ProductionOpened) }, A.At)
            .ThenRejected("requests-come-from-sites", RejectionKind.Invalid, "siteStoreId");

    [Fact]
    public void The_chain_runs_site_review_consolidation_supervisor_then_manager_and_the_approval_files_a_copy()
    {
        object[] history = [A.Requested()];
        foreach (var (step, by) in new[]
                 {
                     (ReplenishmentStep.SiteReview, A.SiteRep), (ReplenishmentStep.Consolidation, A.Planner), (ReplenishmentStep.SupervisorSignature, A.Supervisor),
                 })
        {
            var next = Scenarios.Replenishment(history).When(Advance(step, by), A.At).Single<ReplenishmentAdvanced>();
            history = [.. history, next];
        }
        Scenarios.Replenishment(history).When(Advance(ReplenishmentStep.ManagerApproval, A.Manager), A.At)
            .Then(A.Step(ReplenishmentStep.ManagerApproval, A.Manager), new ReplenishmentFiled("materials-office", A.DepartmentId, A.At));
    }

    [Fact]
    public void A_later_step_before_an_earlier_one_is_refused_naming_the_step_that_comes_first()
    {
        var refused = Scenarios.Replenishment(A.Requested(), A.Step(ReplenishmentStep.SiteReview, A.SiteRep))
            .When(Advance(ReplenishmentStep.SupervisorSignature, A.Supervisor), A.At).ThenRejected("step-out-of-order", RejectionKind.Conflict);
        Assert.Contains("planner", refused.Detail);
        Scenarios.Replenishment(A.Requested()).When(Advance(ReplenishmentStep.ManagerApproval, A.Manager), A.At).ThenRejected("step-out-of-order");
    }

    [Fact]
    public void Each_step_is_taken_by_its_role() =>
        Scenarios.Replenishment(A.Requested()).When(Advance(ReplenishmentStep.SiteReview, A.Planner), A.At).ThenRejected("step-taken-by-its-role", RejectionKind.Forbidden);

    [Fact]
    public void A_step_taken_again_changes_nothing() =>
        Scenarios.Replenishment(A.Requested(), A.Step(ReplenishmentStep.SiteReview, A.SiteRep)).When(Advance(ReplenishmentStep.SiteReview, A.SiteRep), A.At).ThenNothing();

    [Fact]
    public void Production_hands_a_request_to_purchasing_only_when_the_production_store_cannot_cover_it()
    {
        var holdsTwenty = A.Store(A.ProductionOpened, A.Received("MOP", 20, 20) with { ReceiptId = Guid.NewGuid() });
        Scenarios.Replenishment(A.Approved(20)).When(new HandToPurchasing(A.ReplenishmentId, holdsTwenty, A.Production), A.At)
            .ThenRejected("production-store-can-cover", RejectionKind.Conflict);
        var handed = Scenarios.Replenishment(A.Approved(21)).When(new HandToPurchasing(A.ReplenishmentId, holdsTwenty, A.Production), A.At).Single<ReplenishmentHandedToPurchasing>();
        Assert.Equal(20, handed.ProductionStoreBalance);
    }

    [Fact]
    public void Only_an_approved_request_is_fulfilled() =>
        Scenarios.Replenishment(A.Requested()).When(new HandToPurchasing(A.ReplenishmentId, A.Store(A.ProductionOpened), A.Production), A.At)
            .ThenRejected("replenishment-not-approved");

    [Fact]
    public void Purchasing_orders_what_was_handed_to_it_naming_the_supplier()
    {
        object[] handed = [.. A.Approved(), new ReplenishmentHandedToPurchasing(A.ProductionStoreId, 0, A.Production.Id, A.At)];
        Scenarios.Replenishment(handed).When(new PlacePurchaseOrder(A.ReplenishmentId, "PO-7", null, A.Purchaser), A.At).ThenRejected("supplier-required", RejectionKind.Invalid, "supplier");
        Scenarios.Replenishment(handed).When(new PlacePurchaseOrder(A.ReplenishmentId, "PO-7", "Clean Co", A.Purchaser), A.At)
            .Then(new PurchaseOrderPlaced("PO-7", "Clean Co", A.Purchaser.Id, A.At));
        Scenarios.Replenishment(A.Approved()).When(new PlacePurchaseOrder(A.ReplenishmentId, "PO-7", "Clean Co", A.Purchaser), A.At).ThenRejected("not-with-purchasing");
    }

    [Fact]
    public void The_production_store_issues_an_approved_request_from_stock_on_hand()
    {
        object[] production = [A.ProductionOpened, A.Received("MOP", 30, 30) with { ReceiptId = Guid.NewGuid() }];
        var dispatch = new DispatchReplenishment(A.ProductionStoreId, A.Replenishment(A.Approved(20)), A.Mop, A.Production);
        var result = Scenarios.Store(production).When(dispatch, A.At);
        Assert.Equal((A.SiteId, 20m, 10m), (result.Single<StockDispatched>().ToStoreId, result.Single<StockDispatched>().Quantity, result.StateAfter.Balance("MOP")));
        Scenarios.Store(production).When(dispatch with { Replenishment = A.Replenishment(A.Approved(31)) }, A.At).ThenRejected("insufficient-stock");
        Scenarios.Store(production).When(dispatch with { Replenishment = A.Replenishment(A.Requested()) }, A.At).ThenRejected("replenishment-not-approved");
    }

    [Fact]
    public void The_receipt_at_the_site_closes_the_request_once_the_whole_quantity_arrived()
    {
        object[] ordered = [.. A.Approved(20), new ReplenishmentHandedToPurchasing(A.ProductionStoreId, 0, "p", A.At), new PurchaseOrderPlaced("PO-7", "Clean Co", "b", A.At)];
        var part = Scenarios.Replenishment(ordered).When(new RecordReplenishmentReceipt(A.ReplenishmentId, Guid.NewGuid(), 12, A.At, Actor.System), A.At);
        Assert.Equal(ReplenishmentStatus.Ordered, part.StateAfter.Status);
        var rest = Scenarios.Replenishment([.. ordered, part.Single<ReplenishmentReceived>()]).When(new RecordReplenishmentReceipt(A.ReplenishmentId, Guid.NewGuid(), 8, A.At, Actor.System), A.At);
        Assert.Equal(ReplenishmentStatus.Received, rest.StateAfter.Status);
    }

    [Fact]
    public void A_site_receipt_must_answer_a_request_on_its_way()
    {
        var receive = new ReceiveGoods(A.SiteId, A.Mop, 20, null, "DN-9", "Clean Co", A.ReplenishmentId, A.Replenishment(A.Approved()), null, null, A.Keeper);
        Scenarios.Store(A.SiteOpened).When(receive, A.At).ThenRejected("replenishment-not-on-its-way");
    }

    [Fact]
    public void A_fall_below_the_reorder_point_drafts_a_request_once_suggesting_twice_the_minimum()
    {
        var draft = new DraftReplenishment(A.ReplenishmentId, A.Store(A.SiteOpened), A.Mop, 3, 10, Actor.System);
        Assert.Equal(17, Scenarios.Replenishment().When(draft, A.At).Single<ReplenishmentDrafted>().SuggestedQuantity);
        Scenarios.Replenishment(new ReplenishmentDrafted(A.ReplenishmentId, A.SiteId, "estate-1", "MOP", "Mop", 17, 3, 10, A.At)).When(draft, A.At).ThenNothing();
    }

    [Fact]
    public void A_draft_goes_up_the_chain_only_once_the_site_submits_it()
    {
        var drafted = new ReplenishmentDrafted(A.ReplenishmentId, A.SiteId, "estate-1", "MOP", "Mop", 17, 3, 10, A.At);
        Scenarios.Replenishment(drafted).When(Advance(ReplenishmentStep.SiteReview, A.SiteRep), A.At).ThenRejected("draft-not-submitted");
        var submitted = Scenarios.Replenishment(drafted).When(Request(quantity: 15), A.At).Single<ReplenishmentRequested>();
        Assert.Equal((15m, ReplenishmentSource.ReorderPoint), (submitted.Quantity, submitted.Source));
    }
}
