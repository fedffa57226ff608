using MassTransit;

namespace Platform.Contracts.Inventory;

// Integration events of the Inventory service, for Work orders, purchasing and finance. Ids, codes, quantities and
// yuan; no names. Codes are kebab-case strings: tier "production-store" | "business-department" | "site",
// urgency "routine" | "urgent" | "immediate". A changed shape is a new ".v2" type.

/// <summary>One line issued, valued at the item's unit cost in yuan when it left the store.</summary>
public sealed record IssuedMaterialV1(string ItemCode, decimal Quantity, string Unit, decimal UnitCost);

/// <summary>
/// A requisition was issued, all of it or part (<see cref="Complete"/>). <see cref="WorkOrderId"/> is set when it was for a
/// work order: Work orders records the materials used (F5). <see cref="IssueId"/> is unique per issue.
/// </summary>
[EntityName("inventory.materials-issued.v1"), MessageUrn("inventory.materials-issued.v1")]
public sealed record MaterialsIssuedV1(
    Guid IssueId, Guid RequisitionId, Guid? WorkOrderId, Guid StoreId, string? EstateId, IReadOnlyList<IssuedMaterialV1> Lines, bool Complete,
    DateTimeOffset IssuedAt);

/// <summary>Goods were received into a store, from a supplier or by transfer; the value is for finance.</summary>
[EntityName("inventory.goods-received.v1"), MessageUrn("inventory.goods-received.v1")]
public sealed record GoodsReceivedV1(
    Guid ReceiptId, Guid StoreId, string? EstateId, string ItemCode, decimal Quantity, decimal UnitCost, decimal Value, string? Supplier,
    Guid? ReplenishmentId, DateTimeOffset ReceivedAt);

/// <summary>The business-department manager approved a site's replenishment request (F6); production management fulfils it.</summary>
[EntityName("inventory.replenishment-approved.v1"), MessageUrn("inventory.replenishment-approved.v1")]
public sealed record ReplenishmentApprovedV1(
    Guid ReplenishmentId, Guid SiteStoreId, string? EstateId, string ItemCode, decimal Quantity, string Urgency, string Source, DateTimeOffset ApprovedAt);

/// <summary>The production store cannot cover a request: it goes to purchasing (000:324).</summary>
[EntityName("inventory.purchase-requested.v1"), MessageUrn("inventory.purchase-requested.v1")]
public sealed record PurchaseRequestedV1(
    Guid ReplenishmentId, Guid SiteStoreId, string ItemCode, decimal Quantity, string Urgency, DateTimeOffset RequestedAt);

/// <summary>Purchasing placed the order; the supplier ships to the site (000:326).</summary>
[EntityName("inventory.purchase-order-placed.v1"), MessageUrn("inventory.purchase-order-placed.v1")]
public sealed record PurchaseOrderPlacedV1(
    Guid ReplenishmentId, string OrderNumber, string Supplier, Guid SiteStoreId, string ItemCode, decimal Quantity, DateTimeOffset PlacedAt);

/// <summary>A stocktake difference the manager approved was posted: <see cref="Delta"/> is counted minus book, valued for finance.</summary>
[EntityName("inventory.stock-adjusted.v1"), MessageUrn("inventory.stock-adjusted.v1")]
public sealed record StockAdjustedV1(
    Guid StocktakeId, Guid StoreId, string ItemCode, decimal Delta, decimal Value, string Reason, DateTimeOffset AdjustedAt);

/// <summary>A store's month was marked 帐实相符.</summary>
[EntityName("inventory.stocktake-reconciled.v1"), MessageUrn("inventory.stocktake-reconciled.v1")]
public sealed record StocktakeReconciledV1(Guid StocktakeId, Guid StoreId, string Month, int ItemsCounted, int Discrepancies, DateTimeOffset ReconciledAt);
