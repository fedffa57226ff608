using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.EventStore;

namespace Platform.BuildingBlocks.Messaging;

/// <summary>
/// An aggregate as it stood right after one of its events: its stream read again and folded up to the event's revision.
/// For integration mappers that publish facts the event itself does not repeat (the estate, the unit). One stream read
/// per event, so a mapper asks only for the events it publishes.
/// </summary>
public static class StateAtEvent
{
    public static async Task<TState> FoldAsync<TState, TCommand>(
        IEventStore store, EventTypeMap types, Decider<TState, TCommand> decider, RecordedEvent recorded, CancellationToken ct)
    {
        var state = decider.Initial;
        await foreach (var stored in store.ReadStreamAsync(recorded.StreamId, 0, ct))
        {
            state = decider.Evolve(state, types.Deserialize(stored.EventType, stored.Data));
            if (stored.StreamRevision >= recorded.StreamRevision) break;
        }
        return state;
    }
}
