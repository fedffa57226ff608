using MassTransit;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Messaging;
using Platform.Contracts.Complaints;
using Platform.WorkOrders.Api;
using Platform.WorkOrders.Features;

namespace Platform.WorkOrders.Integration;

/// <summary>
/// A complaint transferred with work needed opens its work order (派工单, flow F1). The order id is derived from the
/// complaint id and the idempotency key is the message id, so a redelivered or republished message changes nothing.
/// A rejection is not transient: it throws and parks in the error queue at once.
/// </summary>
public sealed class ComplaintTransferredConsumer(WorkOrderCommandsForSystem commands) : IConsumer<ComplaintTransferredV1>
{
    public async Task Consume(ConsumeContext<ComplaintTransferredV1> context)
    {
        var message = context.Message;
        if (OpenFromComplaint.From(message, commands.PolicyFor(message.Unit.EstateId)) is not { } open) return;

        (await commands.HandleAsync(open, CommandEnvelope.FromMessage(context), context.CancellationToken))
            .ThrowIfRejected($"Opening the work order for complaint {message.ComplaintId}");
    }
}
