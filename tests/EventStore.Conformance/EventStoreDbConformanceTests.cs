using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.EventStore.EventStoreDb;
using Platform.TestSupport;

namespace Platform.EventStore.Conformance;

/// <summary>
/// The conformance suite over a real EventStoreDB node: the one EVENTSTORE_CONNECTION names (e.g.
/// esdb://127.0.0.1:2113?tls=false), else a Testcontainers node where Docker is available; skipped, with
/// the reason, when there is neither.
/// </summary>
public sealed class EventStoreDbConformanceTests : EventStoreConformance
{
    protected override string? SkipReason => EventStoreDbServer.SkipReason;

    protected override IEventStore OpenStore() => new EventStoreDbEventStore(EventStoreDbSettings.Parse(EventStoreDbServer.Connection!));
}
