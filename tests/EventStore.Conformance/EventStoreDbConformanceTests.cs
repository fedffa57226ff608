using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.EventStore.EventStoreDb;
using Platform.TestSupport;

namespace Platform.EventStore.Conformance;

/// <summary>
/// The conformance suite over a real EventStoreDB node (<see cref="EventStoreDbServer"/>: EVENTSTORE_CONNECTION, else
/// a Testcontainers node where Docker runs, else one from ../shared/eventstoredb); skipped, with the reason, when
/// there is none of them.
/// </summary>
public sealed class EventStoreDbConformanceTests : EventStoreConformance
{
    protected override string? SkipReason => EventStoreDbServer.SkipReason;

    protected override IEventStore OpenStore() => new EventStoreDbEventStore(EventStoreDbSettings.Parse(EventStoreDbServer.Connection!));

    /// <summary>A node of the test's own, new and empty: the shared one has a long log, which hides what a short one shows.</summary>
    protected override async Task<EmptyStore> CreateEmptyStoreAsync()
    {
        Skip.If(EventStoreDbNode.SkipReason is not null, EventStoreDbNode.SkipReason);
        var node = await EventStoreDbNode.StartAsync();
        var settings = EventStoreDbSettings.Parse(node.Connection);
        return new EmptyStore(() => new EventStoreDbEventStore(settings), node.DisposeAsync);
    }
}
