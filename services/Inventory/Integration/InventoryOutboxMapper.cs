using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.Messaging;
using Platform.Contracts.Inventory;
using Platform.Inventory.Replenishments;
using Platform.Inventory.Stocktakes;
using Platform.Inventory.Stores;

namespace Platform.Inventory.Integration;

/// <summary>
/// Domain events to the integration events of contracts/Inventory. Ledger entries carry what they need; a replenishment
/// step needs the request as it stood after it (<see cref="StateAtEvent"/>: its stream is short).
/// </summary>
public sealed class InventoryOutboxMapper(IEventStore store, EventTypeMap types, Decider<ReplenishmentState, IReplenishmentCommand> replenishments)
    : IIntegrationEventMapper
{
    public async ValueTask<IReadOnlyList<object>> MapAsync(object domainEvent, RecordedEvent recorded, CancellationToken ct)
    {
        switch (domainEvent)
        {
            case GoodsIssued e:
                return [new MaterialsIssuedV1(e.IssueId, e.RequisitionId, e.WorkOrderId, InventoryStreams.Stores.IdOf(recorded.StreamId), e.EstateId,
                    e.Lines.Select(l => new IssuedMaterialV1(l.ItemCode, l.Quantity, l.Unit, l.UnitCost)).ToList(), e.Complete, e.IssuedAt)];
            case GoodsReceived e:
                return [new GoodsReceivedV1(e.ReceiptId, InventoryStreams.Stores.IdOf(recorded.StreamId), e.EstateId, e.ItemCode, e.Quantity, e.UnitCost,
                    Value(e.Quantity, e.UnitCost), e.Supplier, e.ReplenishmentId, e.ReceivedAt)];
            case StockAdjusted e:
                return [new StockAdjustedV1(e.StocktakeId, InventoryStreams.Stores.IdOf(recorded.StreamId), e.ItemCode, e.Delta, Value(e.Delta, e.UnitCost), e.Reason, e.AdjustedAt)];
            case StocktakeReconciled e:
                return [new StocktakeReconciledV1(InventoryStreams.Stocktakes.IdOf(recorded.StreamId), e.StoreId, e.Month, e.ItemsCounted, e.Discrepancies, e.ReconciledAt)];
            case ReplenishmentAdvanced { Step: ReplenishmentStep.ManagerApproval } or ReplenishmentHandedToPurchasing or PurchaseOrderPlaced:
                var state = await StateAtEvent.FoldAsync(store, types, replenishments, recorded, ct);
                return [Map(domainEvent, state)!];
            default:
                return [];
        }
    }

    public static object? Map(object domainEvent, ReplenishmentState s) => domainEvent switch
    {
        ReplenishmentAdvanced e => new ReplenishmentApprovedV1(s.Id, s.SiteStoreId, s.EstateId, s.ItemCode, s.Quantity, WireName.Of(s.Urgency!.Value), WireName.Of(s.Source), e.At),
        ReplenishmentHandedToPurchasing e => new PurchaseRequestedV1(s.Id, s.SiteStoreId, s.ItemCode, s.Quantity, WireName.Of(s.Urgency!.Value), e.HandedAt),
        PurchaseOrderPlaced e => new PurchaseOrderPlacedV1(s.Id, e.OrderNumber, e.Supplier, s.SiteStoreId, s.ItemCode, s.Quantity, e.PlacedAt),
        _ => null,
    };

    /// <summary>Yuan, half away from zero, as on a voucher.</summary>
    private static decimal Value(decimal quantity, decimal unitCost) => decimal.Round(quantity * unitCost, 2, MidpointRounding.AwayFromZero);
}
