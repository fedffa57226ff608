using MassTransit;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Messaging;
using Platform.Contracts.FireSafety;
using Platform.Contracts.WorkOrders;
using Platform.Inventory.Api;
using Platform.Inventory.Features;
using Platform.Inventory.ReadModel;
using Platform.Inventory.Replenishments;
using Platform.Inventory.Requisitions;

namespace Platform.Inventory.Integration;

/// <summary>
/// F5: a technician's request for material drafts a requisition for the technician, linked to the work order, on the
/// estate's site store; it is issued after its three signatures like any other (S31). Idempotent by the request's id. A
/// refusal (an item not in the catalogue, no site store for the estate) parks the message for an operator to re-drive.
/// </summary>
public sealed class MaterialsRequestedConsumer(
    CommandHandler<RequisitionState, IRequisitionCommand> requisitions, StoreCommands stores, ItemCommands items, SiteStores sites)
    : IConsumer<MaterialsRequestedV1>
{
    public async Task Consume(ConsumeContext<MaterialsRequestedV1> context)
    {
        var message = context.Message;
        var ct = context.CancellationToken;
        var siteId = await sites.SiteStoreOfAsync(message.EstateId, ct)
            ?? throw new CommandRejectedException($"Materials for work order {message.WorkOrderId}: estate {message.EstateId} has no site store.",
                Rejection.Conflict("no-site-store", $"Estate {message.EstateId} has no site store."));
        var store = await stores.FindAsync(siteId, ct);
        var catalogue = await items.FindAllAsync(message.Lines.Select(l => l.ItemCode), ct);
        var id = DeterministicId.Create("requisition", message.RequestId.ToString());
        var draft = new DraftRequisition(
            id, store, message.TechnicianId, $"Work order {message.WorkOrderId}", message.WorkOrderId, message.RequestId,
            message.Lines.Select(l => new RequisitionLine(l.ItemCode, l.Quantity, l.Unit)).ToList(), catalogue, Actor.System);
        (await requisitions.HandleAsync(InventoryStreams.Requisitions.For(id), draft, CommandEnvelope.FromMessage(context), ct))
            .ThrowIfRejected($"Drafting the requisition for work order {message.WorkOrderId}");
    }
}

/// <summary>
/// F8: lost or damaged fire equipment is replaced at once (000:642): an immediate replenishment request for the site,
/// which then goes up the usual chain. Idempotent by the report's id.
/// </summary>
public sealed class FireEquipmentReplacementConsumer(
    CommandHandler<ReplenishmentState, IReplenishmentCommand> replenishments, StoreCommands stores, ItemCommands items)
    : IConsumer<FireEquipmentReplacementRequestedV1>
{
    public async Task Consume(ConsumeContext<FireEquipmentReplacementRequestedV1> context)
    {
        var message = context.Message;
        var ct = context.CancellationToken;
        var site = await stores.FindAsync(InventoryStreams.StoreId(message.SiteStoreCode), ct);
        var item = await items.FindAsync(message.ItemCode, ct);
        var id = DeterministicId.Create("fire-equipment-replacement", message.ReportId.ToString());
        var request = new RequestReplenishment(
            id, site, item, message.ItemCode, item.Exists ? item.Name : message.ItemCode, Urgency.Immediate, message.Quantity,
            $"Fire equipment {message.Loss}{(message.Location is { } at ? " at " + at : "")} (000:642)", ReplenishmentSource.FireEquipment,
            message.EquipmentId.ToString(), Actor.System);
        (await replenishments.HandleAsync(InventoryStreams.Replenishments.For(id), request, CommandEnvelope.FromMessage(context), ct))
            .ThrowIfRejected($"Requesting replacement fire equipment {message.ItemCode} for {message.SiteStoreCode}");
    }
}
