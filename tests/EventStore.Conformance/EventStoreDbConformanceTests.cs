using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.EventStore.EventStoreDb;

namespace Platform.EventStore.Conformance;

/// <summary>
/// The conformance suite over a real EventStoreDB node: runs when EVENTSTORE_CONNECTION names one
/// (e.g. esdb://127.0.0.1:2113?tls=false), and reports itself skipped otherwise.
/// </summary>
public sealed class EventStoreDbConformanceTests : EventStoreConformance
{
    private static readonly string? Connection = Environment.GetEnvironmentVariable(EventStoreRegistration.ConnectionEnvironmentVariable);

    protected override string? SkipReason => string.IsNullOrWhiteSpace(Connection)
        ? "EVENTSTORE_CONNECTION is not set, so there is no EventStoreDB node to run against (e.g. esdb://127.0.0.1:2113?tls=false)."
        : null;

    protected override IEventStore OpenStore() => new EventStoreDbEventStore(EventStoreDbSettings.Parse(Connection!));
}
