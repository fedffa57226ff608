using MassTransit;
using Platform.BuildingBlocks.EventSourcing;

namespace Platform.BuildingBlocks.Messaging;

public static class MessageCommandEnvelope
{
    extension(CommandEnvelope)
    {
        /// <summary>
        /// The envelope for a command a consumer issues because of a message. The idempotency key is the
        /// message id, so the command handler turns a redelivered or republished message into a no-op.
        /// </summary>
        public static CommandEnvelope FromMessage(ConsumeContext context)
        {
            var messageId = context.MessageId
                ?? throw new InvalidOperationException("The message has no MessageId, so its handling cannot be made idempotent.");
            var correlationId =
                context.Headers.Get<string>(PlatformMessageHeaders.CorrelationId)
                ?? context.CorrelationId?.ToString()
                ?? messageId.ToString();
            return new CommandEnvelope(
                Actor.System,
                correlationId,
                CausationId: messageId.ToString(),
                IdempotencyKey: $"message:{messageId}");
        }
    }
}
