using MassTransit;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Messaging;
using Platform.Contracts.Inventory;
using Platform.WorkOrders.Api;
using Platform.WorkOrders.Features;

namespace Platform.WorkOrders.Integration;

/// <summary>
/// F5's way back: material Inventory issued for a work order is recorded on it. Issues for no work order are not
/// Work orders' business. Idempotent by the issue id; a refusal (no such order) parks the message.
/// </summary>
public sealed class MaterialsIssuedConsumer(WorkOrderCommandsForSystem commands) : IConsumer<MaterialsIssuedV1>
{
    public async Task Consume(ConsumeContext<MaterialsIssuedV1> context)
    {
        if (context.Message.WorkOrderId is null) return;
        (await commands.HandleAsync(RecordMaterialsIssued.From(context.Message), CommandEnvelope.FromMessage(context), context.CancellationToken))
            .ThrowIfRejected($"Recording the materials issued for work order {context.Message.WorkOrderId}");
    }
}
