using MassTransit;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Messaging;
using Platform.Contracts.FireSafety;
using Platform.WorkOrders.Api;
using Platform.WorkOrders.Features;

namespace Platform.WorkOrders.Integration;

/// <summary>
/// F7 and F8: Fire safety's request for work opens its order. Idempotent by the request's id (the order's id derives
/// from it); a refusal, or a kind of work this version does not know, parks the message for an operator.
/// </summary>
public sealed class FireSafetyWorkRequestedConsumer(WorkOrderCommandsForSystem commands) : IConsumer<FireSafetyWorkRequestedV1>
{
    public async Task Consume(ConsumeContext<FireSafetyWorkRequestedV1> context)
    {
        var message = context.Message;
        var what = $"Opening the work order for fire-safety request {message.RequestId}";
        if (!WireName.TryParse<FireSafetyWorkKind>(message.Kind, out var kind))
            throw new CommandRejectedException(what, Rejection.Invalid("kind-unknown", "kind", $"'{message.Kind}' is not a kind of fire-safety work."));
        (await commands.HandleAsync(OpenFromFireSafety.From(message, kind, commands.PolicyFor(message.EstateId)), CommandEnvelope.FromMessage(context), context.CancellationToken))
            .ThrowIfRejected(what);
    }
}
