using Platform.BuildingBlocks.EventSourcing;
using Platform.Inventory.ControlledItems;
using Platform.Inventory.Items;
using Platform.Inventory.Replenishments;
using Platform.Inventory.Requisitions;
using Platform.Inventory.Stocktakes;
using Platform.Inventory.Stores;
using Platform.TestSupport;

namespace Platform.Inventory.Tests.Events;

/// <summary>The stored JSON of every Inventory event type, exactly: a change here means a new version with an upcaster.</summary>
public class EventJsonSnapshotTests
{
    private static readonly Guid Id = Guid.Parse("0193c000-0000-7000-8000-000000000001");
    private static readonly Guid Other = Guid.Parse("0193c000-0000-7000-8000-000000000002");
    private static readonly DateTimeOffset At = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly EventTypeMap Types = new EventTypeMap().RegisterAssemblyOf<StoreDecider>();

    public static TheoryData<string, string> Cases => new()
    {
        { "ItemRegistered.v1", """{"itemId":"0193c000-0000-7000-8000-000000000001","code":"SOLVENT","name":"Solvent","category":"cleaningSupplies","unit":"litre","unitCost":30.5,"hazardous":true,"hazardClass":"flammableLiquids","extinguishingMethod":"foam","registeredAt":"2026-03-02T10:00:00+08:00"}""" },
        { "ItemUnitCostChanged.v1", """{"unitCost":31,"changedAt":"2026-03-02T10:00:00+08:00"}""" },
        { "StoreOpened.v1", """{"storeId":"0193c000-0000-7000-8000-000000000001","code":"SITE-1","name":"Site","tier":"site","parentId":"0193c000-0000-7000-8000-000000000002","estateId":"e","hazardousGoods":false,"openedAt":"2026-03-02T10:00:00+08:00"}""" },
        { "KeeperAssigned.v1", """{"keeperId":"k","fireTrained":true,"trainingCertificate":"FT-1","assignedAt":"2026-03-02T10:00:00+08:00"}""" },
        { "ReorderPointSet.v1", """{"itemCode":"MOP","minimum":5,"setAt":"2026-03-02T10:00:00+08:00"}""" },
        { "GoodsReceived.v1", """{"receiptId":"0193c000-0000-7000-8000-000000000001","estateId":"e","itemCode":"SOLVENT","quantity":20,"unitCost":30.5,"deliveryNote":"DN-1","supplier":"Chem Co","replenishmentId":"0193c000-0000-7000-8000-000000000002","hazard":{"class":"flammableLiquids","method":"foam"},"inspection":{"inspectorId":"i","reference":"QC-1","inspectedOn":"2026-03-01"},"putaway":{"stackId":"S-1","stackArea":40,"gapToNearestStack":1.5,"gapToWall":0.8,"gapToBeamOrColumn":0.6,"mainAisleWidth":2.5},"balanceAfter":20,"receivedBy":"k","receivedAt":"2026-03-02T10:00:00+08:00"}""" },
        { "GoodsIssued.v1", """{"issueId":"0193c000-0000-7000-8000-000000000001","requisitionId":"0193c000-0000-7000-8000-000000000002","workOrderId":null,"estateId":"e","lines":[{"itemCode":"MOP","quantity":2,"unit":"piece","unitCost":12.5,"balanceAfter":8}],"complete":true,"issuedBy":"k","issuedAt":"2026-03-02T10:00:00+08:00"}""" },
        { "StockDispatched.v1", """{"replenishmentId":"0193c000-0000-7000-8000-000000000001","toStoreId":"0193c000-0000-7000-8000-000000000002","itemCode":"MOP","quantity":20,"unitCost":12.5,"balanceAfter":10,"dispatchedAt":"2026-03-02T10:00:00+08:00"}""" },
        { "StockAdjusted.v1", """{"stocktakeId":"0193c000-0000-7000-8000-000000000001","itemCode":"MOP","delta":-1,"unitCost":12.5,"reason":"Worn","balanceAfter":9,"adjustedAt":"2026-03-02T10:00:00+08:00"}""" },
        { "StockFellBelowMinimum.v1", """{"itemCode":"MOP","balance":3,"minimum":5,"detectedAt":"2026-03-02T10:00:00+08:00"}""" },
        { "RequisitionDrafted.v1", """{"requisitionId":"0193c000-0000-7000-8000-000000000001","storeId":"0193c000-0000-7000-8000-000000000002","estateId":"e","requesterId":"t","purpose":"Lobby","workOrderId":null,"materialsRequestId":null,"lines":[{"itemCode":"MOP","quantity":2,"unit":"piece"}],"draftedAt":"2026-03-02T10:00:00+08:00"}""" },
        { "RequisitionSigned.v1", """{"tier":"teamLeader","signerId":"l","signedAt":"2026-03-02T10:00:00+08:00"}""" },
        { "RequisitionRejected.v1", """{"tier":"manager","rejectedBy":"m","reason":"No","rejectedAt":"2026-03-02T10:00:00+08:00"}""" },
        { "RequisitionIssueRecorded.v1", """{"issueId":"0193c000-0000-7000-8000-000000000001","lines":[{"itemCode":"MOP","quantity":2,"unit":"piece"}],"complete":false,"issuedAt":"2026-03-02T10:00:00+08:00"}""" },
        { "ReplenishmentDrafted.v1", """{"replenishmentId":"0193c000-0000-7000-8000-000000000001","siteStoreId":"0193c000-0000-7000-8000-000000000002","estateId":"e","itemCode":"MOP","itemName":"Mop","suggestedQuantity":7,"balance":3,"minimum":5,"draftedAt":"2026-03-02T10:00:00+08:00"}""" },
        { "ReplenishmentRequested.v1", """{"replenishmentId":"0193c000-0000-7000-8000-000000000001","siteStoreId":"0193c000-0000-7000-8000-000000000002","estateId":"e","itemCode":"MOP","itemName":"Mop","urgency":"immediate","quantity":2,"requestedBy":"r","reason":"Lost","source":"fireEquipment","sourceRef":"eq-1","requestedAt":"2026-03-02T10:00:00+08:00"}""" },
        { "ReplenishmentAdvanced.v1", """{"step":"supervisorSignature","by":"s","note":null,"at":"2026-03-02T10:00:00+08:00"}""" },
        { "ReplenishmentFiled.v1", """{"office":"materials-office","businessDepartmentStoreId":"0193c000-0000-7000-8000-000000000002","filedAt":"2026-03-02T10:00:00+08:00"}""" },
        { "ReplenishmentDispatched.v1", """{"fromStoreId":"0193c000-0000-7000-8000-000000000002","quantity":20,"dispatchedAt":"2026-03-02T10:00:00+08:00"}""" },
        { "ReplenishmentHandedToPurchasing.v1", """{"productionStoreId":"0193c000-0000-7000-8000-000000000002","productionStoreBalance":3,"by":"p","handedAt":"2026-03-02T10:00:00+08:00"}""" },
        { "PurchaseOrderPlaced.v1", """{"orderNumber":"PO-1","supplier":"Clean Co","by":"b","placedAt":"2026-03-02T10:00:00+08:00"}""" },
        { "ReplenishmentReceived.v1", """{"receiptId":"0193c000-0000-7000-8000-000000000001","quantity":20,"complete":true,"receivedAt":"2026-03-02T10:00:00+08:00"}""" },
        { "StockCounted.v1", """{"stocktakeId":"0193c000-0000-7000-8000-000000000001","storeId":"0193c000-0000-7000-8000-000000000002","estateId":"e","month":"2026-03","itemCode":"MOP","counted":9,"book":10,"countedBy":"k","countedAt":"2026-03-02T10:00:00+08:00"}""" },
        { "DiscrepancyExplained.v1", """{"itemCode":"MOP","explanation":"Worn","explainedBy":"k","explainedAt":"2026-03-02T10:00:00+08:00"}""" },
        { "DiscrepancyApproved.v1", """{"itemCode":"MOP","delta":-1,"unitCost":12.5,"reason":"Worn","approvedBy":"m","approvedAt":"2026-03-02T10:00:00+08:00"}""" },
        { "StocktakeReconciled.v1", """{"storeId":"0193c000-0000-7000-8000-000000000002","month":"2026-03","itemsCounted":1,"discrepancies":1,"reconciledBy":"k","reconciledAt":"2026-03-02T10:00:00+08:00"}""" },
        { "ControlledItemRegistered.v1", """{"controlledItemId":"0193c000-0000-7000-8000-000000000001","tag":"KEY-1","kind":"accessCard","description":"Card","storeId":"0193c000-0000-7000-8000-000000000002","registeredAt":"2026-03-02T10:00:00+08:00"}""" },
        { "ControlledItemLent.v1", """{"holderId":"t","purpose":"Repair","dueBack":"2026-03-02T10:00:00+08:00","lentBy":"k","lentAt":"2026-03-02T10:00:00+08:00"}""" },
        { "ControlledItemReturned.v1", """{"holderId":"t","condition":"good","receivedBy":"k","returnedAt":"2026-03-02T10:00:00+08:00"}""" },
    };

    private static readonly Dictionary<string, object> Events = new()
    {
        ["ItemRegistered.v1"] = new ItemRegistered(Id, "SOLVENT", "Solvent", ItemCategory.CleaningSupplies, "litre", 30.5m, true, HazardClass.FlammableLiquids, ExtinguishingMethod.Foam, At),
        ["ItemUnitCostChanged.v1"] = new ItemUnitCostChanged(31m, At),
        ["StoreOpened.v1"] = new StoreOpened(Id, "SITE-1", "Site", StoreTier.Site, Other, "e", false, At),
        ["KeeperAssigned.v1"] = new KeeperAssigned("k", true, "FT-1", At),
        ["ReorderPointSet.v1"] = new ReorderPointSet("MOP", 5, At),
        ["GoodsReceived.v1"] = new GoodsReceived(Id, "e", "SOLVENT", 20, 30.5m, "DN-1", "Chem Co", Other, new HazardProfile(HazardClass.FlammableLiquids, ExtinguishingMethod.Foam),
            new Inspection("i", "QC-1", new DateOnly(2026, 3, 1)), new Putaway("S-1", 40, 1.5m, 0.8m, 0.6m, 2.5m), 20, "k", At),
        ["GoodsIssued.v1"] = new GoodsIssued(Id, Other, null, "e", [new IssuedLine("MOP", 2, "piece", 12.5m, 8)], true, "k", At),
        ["StockDispatched.v1"] = new StockDispatched(Id, Other, "MOP", 20, 12.5m, 10, At),
        ["StockAdjusted.v1"] = new StockAdjusted(Id, "MOP", -1, 12.5m, "Worn", 9, At),
        ["StockFellBelowMinimum.v1"] = new StockFellBelowMinimum("MOP", 3, 5, At),
        ["RequisitionDrafted.v1"] = new RequisitionDrafted(Id, Other, "e", "t", "Lobby", null, null, [new RequisitionLine("MOP", 2, "piece")], At),
        ["RequisitionSigned.v1"] = new RequisitionSigned(SignatureTier.TeamLeader, "l", At),
        ["RequisitionRejected.v1"] = new RequisitionRejected(SignatureTier.Manager, "m", "No", At),
        ["RequisitionIssueRecorded.v1"] = new RequisitionIssueRecorded(Id, [new RequisitionLine("MOP", 2, "piece")], false, At),
        ["ReplenishmentDrafted.v1"] = new ReplenishmentDrafted(Id, Other, "e", "MOP", "Mop", 7, 3, 5, At),
        ["ReplenishmentRequested.v1"] = new ReplenishmentRequested(Id, Other, "e", "MOP", "Mop", Urgency.Immediate, 2, "r", "Lost", ReplenishmentSource.FireEquipment, "eq-1", At),
        ["ReplenishmentAdvanced.v1"] = new ReplenishmentAdvanced(ReplenishmentStep.SupervisorSignature, "s", null, At),
        ["ReplenishmentFiled.v1"] = new ReplenishmentFiled("materials-office", Other, At),
        ["ReplenishmentDispatched.v1"] = new ReplenishmentDispatched(Other, 20, At),
        ["ReplenishmentHandedToPurchasing.v1"] = new ReplenishmentHandedToPurchasing(Other, 3, "p", At),
        ["PurchaseOrderPlaced.v1"] = new PurchaseOrderPlaced("PO-1", "Clean Co", "b", At),
        ["ReplenishmentReceived.v1"] = new ReplenishmentReceived(Id, 20, true, At),
        ["StockCounted.v1"] = new StockCounted(Id, Other, "e", "2026-03", "MOP", 9, 10, "k", At),
        ["DiscrepancyExplained.v1"] = new DiscrepancyExplained("MOP", "Worn", "k", At),
        ["DiscrepancyApproved.v1"] = new DiscrepancyApproved("MOP", -1, 12.5m, "Worn", "m", At),
        ["StocktakeReconciled.v1"] = new StocktakeReconciled(Other, "2026-03", 1, 1, "k", At),
        ["ControlledItemRegistered.v1"] = new ControlledItemRegistered(Id, "KEY-1", ControlledItemKind.AccessCard, "Card", Other, At),
        ["ControlledItemLent.v1"] = new ControlledItemLent("t", "Repair", At, "k", At),
        ["ControlledItemReturned.v1"] = new ControlledItemReturned("t", "good", "k", At),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_event_is_stored_as_its_snapshot(string name, string json) => EventJsonSnapshot.Matches(Types, Events[name], name, json);

    [Fact]
    public void Every_event_type_of_the_service_has_a_snapshot()
    {
        var declared = typeof(StoreDecider).Assembly.GetTypes()
            .Where(t => t.GetCustomAttributes(typeof(EventTypeAttribute), false).Length > 0)
            .Select(t => Types.NameOf(t)).Order();
        Assert.Equal(declared, Events.Keys.Order());
        Assert.Equal(Events.Keys.Order(), Cases.Select(c => (string)c[0]).Order());
    }

}
