using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.Messaging;
using Platform.Inventory.Api;
using Platform.Inventory.Features;
using Platform.Inventory.Replenishments;
using Platform.Inventory.Requisitions;
using Platform.Inventory.Stocktakes;
using Platform.Inventory.Stores;

namespace Platform.Inventory.Integration;

/// <summary>
/// What a stored ledger or stocktake entry leads to inside the service, each a write of its own from the stored event:
/// the requisition shows its issue, the replenishment request its dispatch and its receipt, a fall below a reorder point
/// drafts a request, an approved stocktake difference is posted to the book. Each target refuses a second application
/// (ids from the event), so a re-run after a crash changes nothing.
/// </summary>
public sealed class InventoryReactions(
    CommandHandler<RequisitionState, IRequisitionCommand> requisitions,
    CommandHandler<ReplenishmentState, IReplenishmentCommand> replenishments,
    CommandHandler<StoreState, IStoreCommand> stores,
    CommandHandler<StocktakeState, IStocktakeCommand> stocktakes,
    ItemCommands items) : IEventReaction
{
    public async Task ReactAsync(object domainEvent, RecordedEvent recorded, CancellationToken ct)
    {
        var envelope = EventReactions.EnvelopeFor(recorded);
        switch (domainEvent)
        {
            case GoodsIssued e:
                var lines = e.Lines.Select(l => new RequisitionLine(l.ItemCode, l.Quantity, l.Unit)).ToList();
                (await requisitions.HandleAsync(InventoryStreams.Requisitions.For(e.RequisitionId),
                    new RecordRequisitionIssue(e.RequisitionId, e.IssueId, lines, e.Complete, e.IssuedAt, Actor.System), envelope, ct))
                    .ThrowIfRejected($"Recording issue {e.IssueId} on requisition {e.RequisitionId}");
                break;
            case StockDispatched e:
                (await replenishments.HandleAsync(InventoryStreams.Replenishments.For(e.ReplenishmentId),
                    new RecordReplenishmentDispatch(e.ReplenishmentId, InventoryStreams.Stores.IdOf(recorded.StreamId), e.Quantity, e.DispatchedAt, Actor.System), envelope, ct))
                    .ThrowIfRejected($"Recording the dispatch of replenishment {e.ReplenishmentId}");
                break;
            case GoodsReceived { ReplenishmentId: { } replenishmentId } e:
                (await replenishments.HandleAsync(InventoryStreams.Replenishments.For(replenishmentId),
                    new RecordReplenishmentReceipt(replenishmentId, e.ReceiptId, e.Quantity, e.ReceivedAt, Actor.System), envelope, ct))
                    .ThrowIfRejected($"Recording receipt {e.ReceiptId} on replenishment {replenishmentId}");
                break;
            case StockFellBelowMinimum e:
                var site = (await stores.LoadAsync(recorded.StreamId, ct)).State;
                var item = await items.FindAsync(e.ItemCode, ct);
                var draftId = DeterministicId.Create("reorder-draft", recorded.EventId.ToString());
                (await replenishments.HandleAsync(InventoryStreams.Replenishments.For(draftId),
                    new DraftReplenishment(draftId, site, item, e.Balance, e.Minimum, Actor.System), envelope, ct))
                    .ThrowIfRejected($"Drafting a replenishment of {e.ItemCode} for store {site.Code}");
                break;
            case DiscrepancyApproved e:
                var stocktake = (await stocktakes.LoadAsync(recorded.StreamId, ct)).State;
                (await stores.HandleAsync(InventoryStreams.Stores.For(stocktake.StoreId),
                    new AdjustStock(stocktake.StoreId, stocktake.Id, e.ItemCode, e.Delta, e.UnitCost, e.Reason, Actor.System), envelope, ct))
                    .ThrowIfRejected($"Posting the {stocktake.Month} adjustment of {e.ItemCode}");
                break;
        }
    }
}
