using Platform.BuildingBlocks.EventSourcing;
using Platform.Inventory.ControlledItems;
using Platform.Inventory.Features;
using Platform.Inventory.Stocktakes;
using Platform.Inventory.Stores;

namespace Platform.Inventory.Tests.Deciders;

public class StocktakeAndControlledItemTests
{
    private static readonly Guid StocktakeId = InventoryStreams.StocktakeId(A.SiteId, "2026-03");
    private static readonly StoreState TenMops = A.Store(A.SiteOpened, A.Received("MOP", 10, 10));
    private static readonly StockCounted NineCounted = new(StocktakeId, A.SiteId, "estate-1", "2026-03", "MOP", 9, 10, A.Keeper.Id, A.At);

    private static RecordCount Count(decimal counted, string month = "2026-03") => new(StocktakeId, TenMops, month, A.Mop, counted, A.Keeper);

    [Fact]
    public void A_count_keeps_the_book_beside_it() =>
        Scenarios.Stocktake().When(Count(9), A.At).Then(NineCounted);

    [Fact]
    public void A_month_not_yet_begun_is_not_counted() =>
        Scenarios.Stocktake().When(Count(9, "2026-04"), A.At).ThenRejected("month-not-begun", RejectionKind.Invalid, "month");

    [Fact]
    public void A_difference_is_approved_only_once_explained() =>
        Scenarios.Stocktake(NineCounted).When(new ApproveDiscrepancy(StocktakeId, "MOP", 12.50m, A.Manager), A.At).ThenRejected("discrepancy-unexplained");

    [Fact]
    public void Only_the_manager_approves_a_difference() =>
        Scenarios.Stocktake(NineCounted, new DiscrepancyExplained("MOP", "Worn out, thrown away", A.Keeper.Id, A.At))
            .When(new ApproveDiscrepancy(StocktakeId, "MOP", 12.50m, A.Keeper), A.At).ThenRejected("approved-by-the-manager", RejectionKind.Forbidden);

    [Fact]
    public void The_approval_carries_the_adjustment_and_its_reason() =>
        Scenarios.Stocktake(NineCounted, new DiscrepancyExplained("MOP", "Worn out, thrown away", A.Keeper.Id, A.At))
            .When(new ApproveDiscrepancy(StocktakeId, "MOP", 12.50m, A.Manager), A.At)
            .Then(new DiscrepancyApproved("MOP", -1, 12.50m, "Worn out, thrown away", A.Manager.Id, A.At));

    [Fact]
    public void The_month_is_not_reconciled_while_a_difference_waits_for_approval() =>
        Scenarios.Stocktake(NineCounted).When(new ReconcileStocktake(StocktakeId, TenMops, A.Keeper), A.At).ThenRejected("discrepancies-not-approved");

    [Fact]
    public void The_month_is_not_reconciled_while_an_item_on_the_books_is_uncounted()
    {
        var withLocks = A.Store(A.SiteOpened, A.Received("MOP", 10, 10), A.Received("LOCK", 2, 2, "DN-2"));
        var refused = Scenarios.Stocktake(NineCounted with { Counted = 10 }).When(new ReconcileStocktake(StocktakeId, withLocks, A.Keeper), A.At).ThenRejected("items-not-counted");
        Assert.Contains("LOCK", refused.Detail);
    }

    [Fact]
    public void The_month_is_reconciled_once_the_approved_adjustment_is_posted()
    {
        object[] approved = [NineCounted, new DiscrepancyExplained("MOP", "Worn", A.Keeper.Id, A.At), new DiscrepancyApproved("MOP", -1, 12.50m, "Worn", A.Manager.Id, A.At)];
        Scenarios.Stocktake(approved).When(new ReconcileStocktake(StocktakeId, TenMops, A.Keeper), A.At).ThenRejected("adjustments-not-posted");
        var adjusted = A.Store(A.SiteOpened, A.Received("MOP", 10, 10), new StockAdjusted(StocktakeId, "MOP", -1, 12.50m, "Worn", 9, A.At));
        Scenarios.Stocktake(approved).When(new ReconcileStocktake(StocktakeId, adjusted, A.Keeper), A.At)
            .Then(new StocktakeReconciled(A.SiteId, "2026-03", 1, 1, A.Keeper.Id, A.At));
    }

    [Fact]
    public void A_posted_difference_is_not_counted_again_but_one_that_could_not_be_posted_is()
    {
        object[] approved = [NineCounted, new DiscrepancyExplained("MOP", "Worn", A.Keeper.Id, A.At), new DiscrepancyApproved("MOP", -1, 12.50m, "Worn", A.Manager.Id, A.At)];
        var posted = A.Store(A.SiteOpened, A.Received("MOP", 10, 10), new StockAdjusted(StocktakeId, "MOP", -1, 12.50m, "Worn", 9, A.At));
        Scenarios.Stocktake(approved).When(Count(8) with { Store = posted }, A.At).ThenRejected("discrepancy-approved-already");
        Assert.False(Scenarios.Stocktake(approved).When(Count(8), A.At).StateAfter.Items["MOP"].Approved);
    }

    [Fact]
    public void A_reconciled_month_changes_no_more() =>
        Scenarios.Stocktake(NineCounted with { Counted = 10 }, new StocktakeReconciled(A.SiteId, "2026-03", 1, 0, A.Keeper.Id, A.At))
            .When(Count(8), A.At).ThenRejected("stocktake-reconciled");

    [Fact]
    public void An_adjustment_never_takes_the_book_below_zero() =>
        Scenarios.Store(A.SiteOpened, A.Received("MOP", 1, 1)).When(new AdjustStock(A.SiteId, StocktakeId, "MOP", -2, 12.50m, "Lost", Actor.System), A.At)
            .ThenRejected("stock-below-zero");

    [Fact]
    public void An_adjustment_is_posted_once()
    {
        var adjust = new AdjustStock(A.SiteId, StocktakeId, "MOP", -1, 12.50m, "Worn", Actor.System);
        var posted = Scenarios.Store(A.SiteOpened, A.Received("MOP", 10, 10)).When(adjust, A.At).Single<StockAdjusted>();
        Assert.Equal(9, posted.BalanceAfter);
        Scenarios.Store(A.SiteOpened, A.Received("MOP", 10, 10), posted).When(adjust, A.At).ThenNothing();
    }

    private static readonly Guid KeyId = InventoryStreams.ControlledItemId("KEY-3-501");
    private static readonly ControlledItemRegistered Key = new(KeyId, "KEY-3-501", ControlledItemKind.Key, "Unit 3-501 spare key", A.SiteId, A.At);

    [Fact]
    public void A_controlled_item_is_lent_to_one_person_at_a_time()
    {
        var lent = new ControlledItemLent("tech-1", "Repair", null, A.Keeper.Id, A.At);
        Scenarios.ControlledItem(Key).When(new LendControlledItem(KeyId, "tech-1", "Repair", null, A.Keeper), A.At).Then(lent);
        Scenarios.ControlledItem(Key, lent).When(new LendControlledItem(KeyId, "tech-2", null, null, A.Keeper), A.At).ThenRejected("controlled-item-out");
        var state = Scenarios.ControlledItem(Key, lent).When(new ReturnControlledItem(KeyId, "good", A.Keeper), A.At).StateAfter;
        Assert.Null(state.Loan);
    }

    [Fact]
    public void Controlled_items_are_kept_by_the_store_keeper() =>
        Scenarios.ControlledItem(Key).When(new LendControlledItem(KeyId, "tech-1", null, null, A.Requester), A.At).ThenRejected("controlled-items-kept-by-the-store", RejectionKind.Forbidden);
}
