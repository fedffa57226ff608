using Microsoft.Extensions.DependencyInjection;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.EventStore;

namespace Platform.BuildingBlocks.Messaging;

/// <summary>
/// What a service does inside itself once an event is stored (a follow-up's new demand registers the linked case):
/// run by the outbox for each of the service's events, on the lead replica, from the shared checkpoint, before the
/// event's integration messages are published. A reaction must be idempotent (deterministic ids, or the idempotency key
/// of <see cref="EnvelopeFor"/>): after a crash or a hand-over it may run again for the same event. One that throws for
/// any reason but an unreachable store is parked with the event, like a mapping that fails.
/// </summary>
public interface IEventReaction
{
    Task ReactAsync(object domainEvent, RecordedEvent recorded, CancellationToken ct);
}

public static class EventReactions
{
    public static IServiceCollection AddEventReaction<TReaction>(this IServiceCollection services) where TReaction : class, IEventReaction =>
        services.AddSingleton<IEventReaction, TReaction>();

    /// <summary>
    /// The envelope of a command a reaction issues: the acting user and correlation of the stored event, caused by it,
    /// idempotent by its id.
    /// </summary>
    public static CommandEnvelope EnvelopeFor(RecordedEvent recorded)
    {
        var metadata = EventMetadata.FromBytes(recorded.Metadata);
        var actor = metadata is null ? Actor.System : new Actor(metadata.ActorId, metadata.ActorRoles);
        return new CommandEnvelope(actor, metadata?.CorrelationId ?? recorded.EventId.ToString(),
            CausationId: recorded.EventId.ToString(), IdempotencyKey: $"reaction:{recorded.EventId}");
    }
}
