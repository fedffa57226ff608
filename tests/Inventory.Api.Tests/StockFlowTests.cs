using Platform.Contracts.FireSafety;
using Platform.Contracts.WorkOrders;

namespace Platform.Inventory.Api.Tests;

/// <summary>Requisitions, receipts, issues, replenishment and stocktakes through the HTTP API, on a real broker and real store files.</summary>
public abstract class StockFlowTests(StoreUnderTest store) : IAsyncLifetime
{
    private InventoryApi _api = null!;
    private string Inventory => InventoryApi.Inventory;

    public async Task InitializeAsync()
    {
        if (store.SkipReason is not null) return;
        _api = await InventoryApi.StartAsync(store);
    }

    public async Task DisposeAsync()
    {
        if (_api is not null) await _api.DisposeAsync();
    }

    [SkippableFact]
    public async Task S29_S30_an_issue_waits_for_the_third_signature_and_then_takes_stock_from_the_book()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var (_, _, site) = await _api.OpenTiersAsync();
        await _api.RegisterItemAsync();
        await _api.ReceiveAsync(site, "MOP", 10);
        var requisition = await _api.SignedRequisitionAsync(site, "MOP", 2, managerSigns: false);
        var before = await _api.StoredEventCountAsync();

        var refused = await _api.Api.PostAsync($"{Inventory}/stores/{site}/issues", _api.Keeper, new { requisitionId = requisition });
        Assert.Equal((409, "application/problem+json"), (refused.Status, refused.ContentType));
        Assert.EndsWith("/missing-signatures", refused.ProblemType);
        Assert.Contains("manager", refused.Body!["detail"]!.GetValue<string>());
        Assert.Equal(before, await _api.StoredEventCountAsync());
        Assert.Equal(10, await _api.StockAsync(site, "MOP"));

        await _api.SignAsync(requisition, "manager", _api.Manager);
        var issued = await _api.Api.PostAsync($"{Inventory}/stores/{site}/issues", _api.Keeper, new { requisitionId = requisition }, idempotencyKey: "issue-1");
        Assert.Equal(200, issued.Status);
        Assert.Equal(8, await _api.StockAsync(site, "MOP"));
        await Eventually.UntilAsync(async () => (await _api.Api.GetAsync($"{Inventory}/requisitions/{requisition}", _api.Keeper)).Field("status") == "issued",
            TimeSpan.FromSeconds(30), "the requisition should show its issue");

        await _api.CatchUpAsync();
        var movements = await _api.Api.GetAsync($"{Inventory}/reports/movements?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z&storeId={site}", _api.Keeper);
        var issue = movements.Body!["movements"]!.AsArray().Single(m => m!["kind"]!.GetValue<string>() == "issue");
        Assert.Equal((-2m, -25m), (issue!["quantity"]!.GetValue<decimal>(), issue["value"]!.GetValue<decimal>()));
    }

    [SkippableFact]
    public async Task Decision_4_one_person_signing_two_tiers_is_a_409_and_stores_nothing()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var (_, _, site) = await _api.OpenTiersAsync();
        await _api.RegisterItemAsync();
        var requisition = await _api.SignedRequisitionAsync(site, "MOP", 1, managerSigns: false);
        var both = _api.Token("lead-1", "department-manager");
        var before = await _api.StoredEventCountAsync();

        var refused = await _api.Api.PostAsync($"{Inventory}/requisitions/{requisition}/signatures", both, new { tier = "manager" });
        Assert.Equal(409, refused.Status);
        Assert.EndsWith("/one-person-one-signature", refused.ProblemType);
        Assert.Equal(before, await _api.StoredEventCountAsync());
    }

    [SkippableFact]
    public async Task Bad_input_is_a_4xx_problem_naming_the_field_and_stores_nothing()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var (_, _, site) = await _api.OpenTiersAsync();
        await _api.RegisterItemAsync();
        var before = await _api.StoredEventCountAsync();

        var unknownItem = await _api.Api.PostAsync($"{Inventory}/requisitions", _api.Technician,
            new { storeId = site, purpose = "x", lines = new[] { new { itemCode = "WAX", quantity = 1, unit = "tin" } } });
        var noUrgency = await _api.Api.PostAsync($"{Inventory}/replenishments", _api.Keeper, new { siteStoreId = site, itemCode = "MOP", itemName = "Mop", quantity = 5 });
        var badQuantity = await _api.Api.PostAsync($"{Inventory}/stores/{site}/receipts", _api.Keeper, new { itemCode = "MOP", quantity = -1, deliveryNote = "DN", supplier = "S" });
        var wrongKind = await _api.Api.PostAsync($"{Inventory}/stores/{site}/receipts", _api.Keeper, new { itemCode = "MOP", quantity = "ten", deliveryNote = "DN", supplier = "S" });
        var oversized = await _api.Api.PostAsync($"{Inventory}/requisitions", _api.Technician,
            new { storeId = site, purpose = new string('x', 100_000), lines = new[] { new { itemCode = "MOP", quantity = 1, unit = "piece" } } });
        var wrongRole = await _api.Api.PostAsync($"{Inventory}/stores/{site}/receipts", _api.Technician, new { itemCode = "MOP", quantity = 1, deliveryNote = "DN", supplier = "S" });

        Assert.Equal((422, "lines[0].itemCode"), (unknownItem.Status, unknownItem.ProblemField));
        Assert.Equal((422, "urgency"), (noUrgency.Status, noUrgency.ProblemField));
        Assert.Equal((422, "quantity"), (badQuantity.Status, badQuantity.ProblemField));
        Assert.Equal((400, "quantity"), (wrongKind.Status, wrongKind.ProblemField));
        Assert.True(oversized.Status is 400 or 413, oversized.ToString());
        Assert.Equal(403, wrongRole.Status);
        foreach (var answer in new[] { unknownItem, noUrgency, badQuantity, wrongKind, wrongRole })
            Assert.Equal("application/problem+json", answer.ContentType);
        Assert.Equal(before, await _api.StoredEventCountAsync());
    }

    [SkippableFact]
    public async Task S35_hazardous_goods_are_refused_without_inspection_or_outside_the_storage_geometry_and_stored_with_both()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var (_, department, _) = await _api.OpenTiersAsync();
        var hazardous = await _api.CreateAsync($"{Inventory}/stores", _api.Planner,
            new { code = "HAZ", name = "危险品库", tier = "site", parentId = department, estateId = InventoryApi.Estate, hazardousGoods = true });
        Assert.Equal(200, (await _api.Api.PostAsync($"{Inventory}/stores/{hazardous}/keepers", _api.Planner,
            new { keeperId = "keeper-1", fireTrained = true, trainingCertificate = "FT-88" })).Status);
        await _api.RegisterItemAsync("SOLVENT", "litre", 30m, hazardous: true, hazardClass: "flammable-liquids");
        var before = await _api.StoredEventCountAsync();
        var putaway = new { stackId = "S-1", stackArea = 40, gapToNearestStack = 1.5, gapToWall = 0.8, gapToBeamOrColumn = 0.6, mainAisleWidth = 2.5 };
        var inspection = new { inspectorId = "qc-1", reference = "QC-031", inspectedOn = "2026-03-30" };

        var uninspected = await _api.Api.PostAsync($"{Inventory}/stores/{hazardous}/receipts", _api.Keeper,
            new { itemCode = "SOLVENT", quantity = 20, deliveryNote = "DN-H1", supplier = "Chem Co", putaway });
        var tooLarge = await _api.Api.PostAsync($"{Inventory}/stores/{hazardous}/receipts", _api.Keeper,
            new { itemCode = "SOLVENT", quantity = 20, deliveryNote = "DN-H1", supplier = "Chem Co", inspection, putaway = putaway with { stackArea = 120 } });
        Assert.Equal((422, "inspection"), (uninspected.Status, uninspected.ProblemField));
        Assert.Equal((422, "putaway.stackArea"), (tooLarge.Status, tooLarge.ProblemField));
        Assert.EndsWith("/stack-larger-than-100-square-metres", tooLarge.ProblemType);
        Assert.Equal(before, await _api.StoredEventCountAsync());

        var received = await _api.Api.PostAsync($"{Inventory}/stores/{hazardous}/receipts", _api.Keeper,
            new { itemCode = "SOLVENT", quantity = 20, deliveryNote = "DN-H1", supplier = "Chem Co", inspection, putaway });
        Assert.Equal(200, received.Status);
        Assert.Equal(20, await _api.StockAsync(hazardous, "SOLVENT"));
    }

    [SkippableFact]
    public async Task F6_a_site_request_goes_up_the_chain_in_order_the_production_store_issues_it_and_the_site_receipt_closes_it()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var (production, _, site) = await _api.OpenTiersAsync();
        await _api.RegisterItemAsync();
        await _api.ReceiveAsync(production, "MOP", 50);
        var request = await _api.CreateAsync($"{Inventory}/replenishments", _api.Token("rep-1", "site-representative"),
            new { siteStoreId = site, itemCode = "MOP", itemName = "Mop", urgency = "urgent", quantity = 20 });
        var path = $"{Inventory}/replenishments/{request}";

        var early = await _api.Api.PostAsync($"{path}/approval", _api.Manager);
        Assert.Equal(409, early.Status);
        Assert.EndsWith("/step-out-of-order", early.ProblemType);
        foreach (var (step, token) in new[]
                 {
                     ("review", _api.Token("rep-1", "site-representative")), ("consolidation", _api.Planner),
                     ("supervisor-signature", _api.Token("sup-1", "business-supervisor")), ("approval", _api.Manager),
                 })
        {
            var taken = await _api.Api.PostAsync($"{path}/{step}", token, new { note = step });
            Assert.True(taken.Status == 200, $"{step}: {taken}");
        }
        var prod = _api.Token("prod-1", "production-manager");
        Assert.Equal(409, (await _api.Api.PostAsync($"{path}/purchase-request", prod)).Status);
        Assert.Equal(200, (await _api.Api.PostAsync($"{Inventory}/stores/{production}/dispatches", prod, new { replenishmentId = request })).Status);
        Assert.Equal(30, await _api.StockAsync(production, "MOP"));
        await Eventually.UntilAsync(async () => (await _api.Api.GetAsync(path, _api.Keeper)).Field("status") == "dispatched",
            TimeSpan.FromSeconds(30), "the request should show the dispatch");

        var received = await _api.Api.PostAsync($"{Inventory}/stores/{site}/receipts", _api.Keeper, new { itemCode = "MOP", quantity = 20, deliveryNote = "T-1", replenishmentId = request });
        Assert.Equal(200, received.Status);
        Assert.Equal(20, await _api.StockAsync(site, "MOP"));
        await Eventually.UntilAsync(async () => (await _api.Api.GetAsync(path, _api.Keeper)).Field("status") == "received",
            TimeSpan.FromSeconds(30), "the site receipt should close the request");
        await _api.CatchUpAsync();
        var pipeline = await _api.Api.GetAsync($"{Inventory}/reports/replenishment-pipeline", _api.Keeper);
        Assert.Empty(pipeline.Body!["requests"]!.AsArray());
    }

    [SkippableFact]
    public async Task Falling_below_the_reorder_point_drafts_one_request_for_the_site()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var (_, _, site) = await _api.OpenTiersAsync();
        await _api.RegisterItemAsync();
        await _api.ReceiveAsync(site, "MOP", 10);
        Assert.Equal(200, (await _api.Api.PostAsync($"{Inventory}/stores/{site}/reorder-points", _api.Keeper, new { itemCode = "MOP", minimum = 8 })).Status);
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var requisition = await _api.SignedRequisitionAsync(site, "MOP", 2);
            Assert.Equal(200, (await _api.Api.PostAsync($"{Inventory}/stores/{site}/issues", _api.Keeper, new { requisitionId = requisition })).Status);
        }

        await Eventually.UntilAsync(async () =>
        {
            await _api.CatchUpAsync();
            return (await _api.Api.GetAsync($"{Inventory}/reports/replenishment-pipeline", _api.Keeper)).Body!["requests"]!.AsArray().Count > 0;
        }, TimeSpan.FromSeconds(30), "the fall below 8 should draft a request");
        var requests = (await _api.Api.GetAsync($"{Inventory}/reports/replenishment-pipeline", _api.Keeper)).Body!["requests"]!.AsArray();
        var draft = Assert.Single(requests)!;
        Assert.Equal(("drafted", "reorder-point", 10m), (draft["status"]!.GetValue<string>(), draft["source"]!.GetValue<string>(), draft["quantity"]!.GetValue<decimal>()));
    }

    [SkippableFact]
    public async Task A_month_end_difference_is_explained_approved_posted_and_the_month_reconciled()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var (_, _, site) = await _api.OpenTiersAsync();
        await _api.RegisterItemAsync();
        await _api.ReceiveAsync(site, "MOP", 10);

        var counted = await _api.Api.PostAsync($"{Inventory}/stores/{site}/stocktakes/2026-03/counts", _api.Keeper, new { itemCode = "MOP", counted = 9 });
        Assert.Equal(201, counted.Status);
        var stocktake = counted.Location!;
        Assert.Equal(409, (await _api.Api.PostAsync($"{stocktake}/reconciliation", _api.Keeper)).Status);
        Assert.Equal(200, (await _api.Api.PostAsync($"{stocktake}/discrepancies/MOP/explanation", _api.Keeper, new { explanation = "One mop worn out and thrown away" })).Status);
        Assert.Equal(200, (await _api.Api.PostAsync($"{stocktake}/discrepancies/MOP/approval", _api.Manager)).Status);
        await Eventually.UntilAsync(async () => await _api.StockAsync(site, "MOP") == 9, TimeSpan.FromSeconds(30), "the approval should post the adjustment");

        await Eventually.UntilAsync(async () => (await _api.Api.PostAsync($"{stocktake}/reconciliation", _api.Keeper)).Status == 200,
            TimeSpan.FromSeconds(30), "the month should reconcile once the adjustment is posted");
        await _api.CatchUpAsync();
        var report = await _api.Api.GetAsync($"{Inventory}/reports/stocktakes?month=2026-03", _api.Manager);
        var result = report.Body!["stores"]!.AsArray().Single()!;
        Assert.Equal((1, 1, true), (result["discrepancies"]!.GetValue<int>(), result["approved"]!.GetValue<int>(), result["reconciled"]!.GetValue<bool>()));
    }

    [SkippableFact]
    public async Task F5_a_technicians_materials_request_drafts_one_requisition_linked_to_the_work_order_however_often_it_is_published()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var (_, _, site) = await _api.OpenTiersAsync();
        await _api.RegisterItemAsync("LOCK", unitCost: 80m);
        var workOrder = Guid.NewGuid();
        var request = new MaterialsRequestedV1(workOrder, Guid.NewGuid(), InventoryApi.Estate, "tech-7", [new MaterialLineV1("LOCK", 1, "piece")], InventoryApi.Start);
        await _api.PublishAsync(request, Guid.NewGuid());
        await _api.PublishAsync(request, Guid.NewGuid());

        var waiting = await WaitingRequisitionsAsync(1);
        var requisition = waiting.Single()!;
        Assert.Equal((workOrder.ToString(), "requester", site), (requisition["workOrderId"]!.GetValue<string>(), requisition["waitingFor"]!.GetValue<string>(),
            requisition["storeId"]!.GetValue<string>()));
        var view = await _api.Api.GetAsync($"{Inventory}/requisitions/{requisition["requisitionId"]}", _api.Keeper);
        Assert.Equal("tech-7", view.Field("requesterId"));
        await _api.PublishAsync(request, Guid.NewGuid());
        Assert.Single(await WaitingRequisitionsAsync(1));
    }

    [SkippableFact]
    public async Task F8_lost_fire_equipment_raises_one_immediate_replenishment_request_for_the_site()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        await _api.OpenTiersAsync();
        await _api.CreateAsync($"{Inventory}/items", _api.Planner, new { code = "EXT-4KG", name = "4 kg extinguisher", category = "fire-equipment", unit = "piece", unitCost = 120 });
        var lost = new FireEquipmentReplacementRequestedV1(Guid.NewGuid(), Guid.NewGuid(), InventoryApi.Estate, "SITE", "EXT-4KG", 2, "lost", "B2 stairwell", InventoryApi.Start);
        await _api.PublishAsync(lost, Guid.NewGuid());
        await _api.PublishAsync(lost, Guid.NewGuid());

        await Eventually.UntilAsync(async () =>
        {
            await _api.CatchUpAsync();
            return (await _api.Api.GetAsync($"{Inventory}/reports/replenishment-pipeline", _api.Keeper)).Body!["requests"]!.AsArray().Count > 0;
        }, TimeSpan.FromSeconds(30), "the lost extinguishers should raise a request");
        var entry = Assert.Single((await _api.Api.GetAsync($"{Inventory}/reports/replenishment-pipeline", _api.Keeper)).Body!["requests"]!.AsArray())!;
        Assert.Equal(("immediate", "fire-equipment", "requested"), (entry["urgency"]!.GetValue<string>(), entry["source"]!.GetValue<string>(), entry["status"]!.GetValue<string>()));
    }

    [SkippableFact]
    public async Task Controlled_items_out_show_who_holds_each_and_since_when()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var (_, _, site) = await _api.OpenTiersAsync();
        var key = await _api.CreateAsync($"{Inventory}/controlled-items", _api.Keeper, new { tag = "KEY-3-501", kind = "key", description = "Spare key 3-501", storeId = site });
        Assert.Equal(200, (await _api.Api.PostAsync($"{Inventory}/controlled-items/{key}/loan", _api.Keeper, new { holderId = "tech-1", purpose = "Lock change" })).Status);
        Assert.Equal(409, (await _api.Api.PostAsync($"{Inventory}/controlled-items/{key}/loan", _api.Keeper, new { holderId = "tech-2" })).Status);

        await _api.CatchUpAsync();
        var item = Assert.Single(System.Text.Json.Nodes.JsonNode.Parse((await _api.Api.GetAsync($"{Inventory}/reports/controlled-items-out", _api.Keeper)).Text)!.AsArray())!;
        Assert.Equal(("KEY-3-501", "tech-1"), (item["tag"]!.GetValue<string>(), item["holderId"]!.GetValue<string>()));
        Assert.Equal(200, (await _api.Api.PostAsync($"{Inventory}/controlled-items/{key}/return", _api.Keeper)).Status);
        await _api.CatchUpAsync();
        Assert.Equal("[]", (await _api.Api.GetAsync($"{Inventory}/reports/controlled-items-out", _api.Keeper)).Text);
    }

    private async Task<System.Text.Json.Nodes.JsonArray> WaitingRequisitionsAsync(int atLeast)
    {
        System.Text.Json.Nodes.JsonArray waiting = [];
        await Eventually.UntilAsync(async () =>
        {
            await _api.CatchUpAsync();
            waiting = (await _api.Api.GetAsync($"{Inventory}/reports/requisitions-waiting", _api.Keeper)).Body!["requisitions"]!.AsArray();
            return waiting.Count >= atLeast;
        }, TimeSpan.FromSeconds(30), "the requisition should be drafted");
        return waiting;
    }
}

public sealed class StockFlowTestsOnSqlite() : StockFlowTests(StoreUnderTest.Sqlite);

public sealed class StockFlowTestsOnEventStoreDb() : StockFlowTests(StoreUnderTest.EventStoreDb);
