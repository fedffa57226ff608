using Microsoft.Data.Sqlite;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.Projections;
using Platform.BuildingBlocks.ReadModels;
using Platform.Inventory.ControlledItems;
using Platform.Inventory.Items;
using Platform.Inventory.Replenishments;
using Platform.Inventory.Requisitions;
using Platform.Inventory.Stocktakes;
using Platform.Inventory.Stores;

namespace Platform.Inventory.ReadModel;

/// <summary>
/// What the lists and reports of Inventory read: one row per item, store, requisition, replenishment request, stocktake
/// and controlled item, each guarded by its stream revision so an event applied twice changes nothing, with the stock
/// per store and item and every ledger movement beside them. Quantities are whole thousandths and money whole fen, so
/// SQL sums are exact.
/// </summary>
public sealed class InventoryProjection : IProjection
{
    public const string ProjectionName = "inventory.ledger";

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS inv_items (
            item_id TEXT PRIMARY KEY, code TEXT NOT NULL, name TEXT NOT NULL, category TEXT NOT NULL, unit TEXT NOT NULL,
            unit_cost_fen INTEGER NOT NULL, hazardous INTEGER NOT NULL, hazard_class TEXT,
            revision INTEGER NOT NULL, position INTEGER NOT NULL
        );
        CREATE UNIQUE INDEX IF NOT EXISTS ix_inv_items_code ON inv_items (code);
        CREATE TABLE IF NOT EXISTS inv_stores (
            store_id TEXT PRIMARY KEY, code TEXT NOT NULL, name TEXT NOT NULL, tier TEXT NOT NULL, parent_id TEXT, estate_id TEXT,
            hazardous_goods INTEGER NOT NULL, revision INTEGER NOT NULL, position INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_inv_stores_estate ON inv_stores (estate_id, tier, code);
        CREATE TABLE IF NOT EXISTS inv_stock (
            store_id TEXT NOT NULL, item_code TEXT NOT NULL, quantity_milli INTEGER NOT NULL DEFAULT 0, minimum_milli INTEGER,
            PRIMARY KEY (store_id, item_code)
        );
        CREATE TABLE IF NOT EXISTS inv_movements (
            movement_id TEXT NOT NULL, store_id TEXT NOT NULL, item_code TEXT NOT NULL, kind TEXT NOT NULL, quantity_milli INTEGER NOT NULL,
            value_fen INTEGER NOT NULL, reference TEXT, at TEXT NOT NULL,
            PRIMARY KEY (movement_id, item_code)
        );
        CREATE INDEX IF NOT EXISTS ix_inv_movements_at ON inv_movements (at, store_id);
        CREATE TABLE IF NOT EXISTS inv_requisitions (
            requisition_id TEXT PRIMARY KEY, store_id TEXT NOT NULL, estate_id TEXT, status TEXT NOT NULL, waiting_for TEXT, waiting_since TEXT,
            work_order_id TEXT, drafted_at TEXT NOT NULL, revision INTEGER NOT NULL, position INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_inv_requisitions_waiting ON inv_requisitions (waiting_for, waiting_since);
        CREATE TABLE IF NOT EXISTS inv_replenishments (
            replenishment_id TEXT PRIMARY KEY, site_store_id TEXT NOT NULL, estate_id TEXT, item_code TEXT NOT NULL, status TEXT NOT NULL,
            urgency TEXT, quantity_milli INTEGER NOT NULL, source TEXT NOT NULL, since TEXT NOT NULL, created_at TEXT NOT NULL,
            revision INTEGER NOT NULL, position INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_inv_replenishments_status ON inv_replenishments (status, since);
        CREATE TABLE IF NOT EXISTS inv_stocktakes (
            stocktake_id TEXT PRIMARY KEY, store_id TEXT NOT NULL, estate_id TEXT, month TEXT NOT NULL, reconciled_at TEXT,
            revision INTEGER NOT NULL, position INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_inv_stocktakes_month ON inv_stocktakes (month, store_id);
        CREATE TABLE IF NOT EXISTS inv_stocktake_counts (
            stocktake_id TEXT NOT NULL, item_code TEXT NOT NULL, difference_milli INTEGER NOT NULL, approved INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (stocktake_id, item_code)
        );
        CREATE TABLE IF NOT EXISTS inv_controlled_items (
            controlled_item_id TEXT PRIMARY KEY, tag TEXT NOT NULL, kind TEXT NOT NULL, store_id TEXT NOT NULL, holder_id TEXT, since TEXT,
            due_back TEXT, revision INTEGER NOT NULL, position INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_inv_controlled_items_out ON inv_controlled_items (since) WHERE holder_id IS NOT NULL;
        """;

    public string Name => ProjectionName;

    public void EnsureSchema(SqliteConnection connection, SqliteTransaction transaction) => RevisionGuardedRow.Run(connection, transaction, Schema);

    public void Reset(SqliteConnection connection, SqliteTransaction transaction) => RevisionGuardedRow.Run(connection, transaction, """
        DELETE FROM inv_items; DELETE FROM inv_stores; DELETE FROM inv_stock; DELETE FROM inv_movements; DELETE FROM inv_requisitions;
        DELETE FROM inv_replenishments; DELETE FROM inv_stocktakes; DELETE FROM inv_stocktake_counts; DELETE FROM inv_controlled_items;
        """);

    public static long Milli(decimal quantity) => (long)(quantity * 1000m);

    public static decimal FromMilli(long milli) => milli / 1000m;

    public static long Fen(decimal quantity, decimal unitCost) => (long)decimal.Round(quantity * unitCost * 100m, 0, MidpointRounding.AwayFromZero);

    public void Apply(SqliteConnection connection, SqliteTransaction transaction, RecordedEvent recorded, object @event)
    {
        var stream = recorded.StreamId;
        if (InventoryStreams.Stores.Owns(stream))
            ApplyToStore(Row(connection, transaction, recorded, "inv_stores", "store_id", InventoryStreams.Stores.IdOf(stream)), recorded, @event);
        else if (InventoryStreams.Requisitions.Owns(stream))
            ApplyToRequisition(Row(connection, transaction, recorded, "inv_requisitions", "requisition_id", InventoryStreams.Requisitions.IdOf(stream)), @event);
        else if (InventoryStreams.Replenishments.Owns(stream))
            ApplyToReplenishment(Row(connection, transaction, recorded, "inv_replenishments", "replenishment_id", InventoryStreams.Replenishments.IdOf(stream)), @event);
        else if (InventoryStreams.Items.Owns(stream))
            ApplyToItem(Row(connection, transaction, recorded, "inv_items", "item_id", InventoryStreams.Items.IdOf(stream)), @event);
        else if (InventoryStreams.Stocktakes.Owns(stream))
            ApplyToStocktake(Row(connection, transaction, recorded, "inv_stocktakes", "stocktake_id", InventoryStreams.Stocktakes.IdOf(stream)), recorded, @event);
        else if (InventoryStreams.ControlledItems.Owns(stream))
            ApplyToControlledItem(Row(connection, transaction, recorded, "inv_controlled_items", "controlled_item_id", InventoryStreams.ControlledItems.IdOf(stream)), @event);
    }

    private static RevisionGuardedRow Row(SqliteConnection connection, SqliteTransaction transaction, RecordedEvent recorded, string table, string idColumn, Guid id) =>
        new(connection, transaction, table, idColumn, id.ToString(), recorded.StreamRevision, recorded.Position.Commit);

    private static void ApplyToItem(RevisionGuardedRow row, object @event)
    {
        switch (@event)
        {
            case ItemRegistered e:
                row.Insert(("code", e.Code), ("name", e.Name), ("category", WireName.Of(e.Category)), ("unit", e.Unit), ("unit_cost_fen", Fen(1, e.UnitCost)),
                    ("hazardous", e.Hazardous), ("hazard_class", e.HazardClass is { } c ? WireName.Of(c) : null));
                break;
            case ItemUnitCostChanged e:
                row.Update("unit_cost_fen = $a", Fen(1, e.UnitCost));
                break;
            default:
                row.Update(null);
                break;
        }
    }

    private static void ApplyToStore(RevisionGuardedRow row, RecordedEvent recorded, object @event)
    {
        if (@event is StoreOpened opened)
        {
            row.Insert(("code", opened.Code), ("name", opened.Name), ("tier", WireName.Of(opened.Tier)), ("parent_id", opened.ParentId?.ToString()),
                ("estate_id", opened.EstateId), ("hazardous_goods", opened.HazardousGoods));
            return;
        }
        if (!row.Update(null)) return;

        var movement = recorded.EventId.ToString();
        switch (@event)
        {
            case ReorderPointSet e:
                row.Execute("""
                    INSERT INTO inv_stock (store_id, item_code, minimum_milli) VALUES ($id, $a, $b)
                    ON CONFLICT (store_id, item_code) DO UPDATE SET minimum_milli = $b;
                    """, e.ItemCode, e.Minimum == 0 ? null : Milli(e.Minimum));
                break;
            case GoodsReceived e:
                Move(row, movement, e.ItemCode, "receipt", e.Quantity, e.UnitCost, e.DeliveryNote, e.ReceivedAt);
                break;
            case GoodsIssued e:
                foreach (var line in e.Lines) Move(row, movement, line.ItemCode, "issue", -line.Quantity, line.UnitCost, e.RequisitionId.ToString(), e.IssuedAt);
                break;
            case StockDispatched e:
                Move(row, movement, e.ItemCode, "transfer-out", -e.Quantity, e.UnitCost, e.ReplenishmentId.ToString(), e.DispatchedAt);
                break;
            case StockAdjusted e:
                Move(row, movement, e.ItemCode, "adjustment", e.Delta, e.UnitCost, e.StocktakeId.ToString(), e.AdjustedAt);
                break;
        }
    }

    private static void Move(RevisionGuardedRow row, string movementId, string itemCode, string kind, decimal quantity, decimal unitCost, string reference, DateTimeOffset at)
    {
        row.Execute("""
            INSERT INTO inv_stock (store_id, item_code, quantity_milli) VALUES ($id, $a, $b)
            ON CONFLICT (store_id, item_code) DO UPDATE SET quantity_milli = quantity_milli + $b;
            """, itemCode, Milli(quantity));
        row.Execute("INSERT OR IGNORE INTO inv_movements VALUES ($a, $id, $b, $c, $d, $e, $f, $g);",
            movementId, itemCode, kind, Milli(quantity), Fen(quantity, unitCost), reference, SqlValues.Instant(at));
    }

    private static void ApplyToRequisition(RevisionGuardedRow row, object @event)
    {
        switch (@event)
        {
            case RequisitionDrafted e:
                row.Insert(("store_id", e.StoreId.ToString()), ("estate_id", e.EstateId), ("status", WireName.Of(RequisitionStatus.Drafted)),
                    ("waiting_for", WireName.Of(SignatureTier.Requester)), ("waiting_since", SqlValues.Instant(e.DraftedAt)),
                    ("work_order_id", e.WorkOrderId?.ToString()), ("drafted_at", SqlValues.Instant(e.DraftedAt)));
                break;
            case RequisitionSigned { Tier: SignatureTier.Manager } e:
                row.Update("status = $a, waiting_for = 'issue', waiting_since = $b", WireName.Of(RequisitionStatus.Approved), SqlValues.Instant(e.SignedAt));
                break;
            case RequisitionSigned e:
                row.Update("status = $a, waiting_for = $b, waiting_since = $c",
                    WireName.Of(e.Tier == SignatureTier.Requester ? RequisitionStatus.RequesterSigned : RequisitionStatus.TeamLeaderSigned),
                    WireName.Of(e.Tier + 1), SqlValues.Instant(e.SignedAt));
                break;
            case RequisitionRejected:
                row.Update("status = $a, waiting_for = NULL, waiting_since = NULL", WireName.Of(RequisitionStatus.Rejected));
                break;
            case RequisitionIssueRecorded { Complete: true }:
                row.Update("status = $a, waiting_for = NULL, waiting_since = NULL", WireName.Of(RequisitionStatus.Issued));
                break;
            case RequisitionIssueRecorded:
                row.Update("status = $a", WireName.Of(RequisitionStatus.PartlyIssued));
                break;
            default:
                row.Update(null);
                break;
        }
    }

    private static void ApplyToReplenishment(RevisionGuardedRow row, object @event)
    {
        switch (@event)
        {
            case ReplenishmentDrafted e:
                row.Insert(("site_store_id", e.SiteStoreId.ToString()), ("estate_id", e.EstateId), ("item_code", e.ItemCode),
                    ("status", WireName.Of(ReplenishmentStatus.Drafted)), ("urgency", null), ("quantity_milli", Milli(e.SuggestedQuantity)),
                    ("source", WireName.Of(ReplenishmentSource.ReorderPoint)), ("since", SqlValues.Instant(e.DraftedAt)), ("created_at", SqlValues.Instant(e.DraftedAt)));
                break;
            case ReplenishmentRequested e when e.Source == ReplenishmentSource.ReorderPoint:
                row.Update("status = $a, urgency = $b, quantity_milli = $c, since = $d",
                    WireName.Of(ReplenishmentStatus.Requested), WireName.Of(e.Urgency), Milli(e.Quantity), SqlValues.Instant(e.RequestedAt));
                break;
            case ReplenishmentRequested e:
                row.Insert(("site_store_id", e.SiteStoreId.ToString()), ("estate_id", e.EstateId), ("item_code", e.ItemCode),
                    ("status", WireName.Of(ReplenishmentStatus.Requested)), ("urgency", WireName.Of(e.Urgency)), ("quantity_milli", Milli(e.Quantity)),
                    ("source", WireName.Of(e.Source)), ("since", SqlValues.Instant(e.RequestedAt)), ("created_at", SqlValues.Instant(e.RequestedAt)));
                break;
            case ReplenishmentAdvanced e:
                Status(row, AdvanceReplenishmentStatus(e.Step), e.At);
                break;
            case ReplenishmentDispatched e:
                Status(row, ReplenishmentStatus.Dispatched, e.DispatchedAt);
                break;
            case ReplenishmentHandedToPurchasing e:
                Status(row, ReplenishmentStatus.HandedToPurchasing, e.HandedAt);
                break;
            case PurchaseOrderPlaced e:
                Status(row, ReplenishmentStatus.Ordered, e.PlacedAt);
                break;
            case ReplenishmentReceived { Complete: true } e:
                Status(row, ReplenishmentStatus.Received, e.ReceivedAt);
                break;
            default:
                row.Update(null);
                break;
        }
    }

    private static ReplenishmentStatus AdvanceReplenishmentStatus(ReplenishmentStep step) => Features.AdvanceReplenishment.StatusAfter(step);

    private static void Status(RevisionGuardedRow row, ReplenishmentStatus status, DateTimeOffset since) =>
        row.Update("status = $a, since = $b", WireName.Of(status), SqlValues.Instant(since));

    private static void ApplyToStocktake(RevisionGuardedRow row, RecordedEvent recorded, object @event)
    {
        if (recorded.StreamRevision == 0 && @event is StockCounted first)
            row.Insert(("store_id", first.StoreId.ToString()), ("estate_id", first.EstateId), ("month", first.Month));
        else if (!row.Update(null)) return;
        switch (@event)
        {
            case StockCounted e:
                row.Execute("""
                    INSERT INTO inv_stocktake_counts (stocktake_id, item_code, difference_milli) VALUES ($id, $a, $b)
                    ON CONFLICT (stocktake_id, item_code) DO UPDATE SET difference_milli = $b;
                    """, e.ItemCode, Milli(e.Counted - e.Book));
                break;
            case DiscrepancyApproved e:
                row.Execute("UPDATE inv_stocktake_counts SET approved = 1 WHERE stocktake_id = $id AND item_code = $a;", e.ItemCode);
                break;
            case StocktakeReconciled e:
                row.Execute("UPDATE inv_stocktakes SET reconciled_at = $a WHERE stocktake_id = $id;", SqlValues.Instant(e.ReconciledAt));
                break;
        }
    }

    private static void ApplyToControlledItem(RevisionGuardedRow row, object @event)
    {
        switch (@event)
        {
            case ControlledItemRegistered e:
                row.Insert(("tag", e.Tag), ("kind", WireName.Of(e.Kind)), ("store_id", e.StoreId.ToString()), ("holder_id", null), ("since", null), ("due_back", null));
                break;
            case ControlledItemLent e:
                row.Update("holder_id = $a, since = $b, due_back = $c", e.HolderId, SqlValues.Instant(e.LentAt), e.DueBack is { } due ? SqlValues.Instant(due) : null);
                break;
            case ControlledItemReturned:
                row.Update("holder_id = NULL, since = NULL, due_back = NULL");
                break;
            default:
                row.Update(null);
                break;
        }
    }
}
