using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.EventStore.Sqlite;

namespace Platform.EventStore.Conformance;

/// <summary>
/// A namespaced store keeps every guarantee of the store beneath it, and its callers never see the
/// namespace: the whole suite over SQLite with a namespace, next to streams outside it.
/// </summary>
public sealed class NamespacedConformanceTests : EventStoreConformance, IDisposable
{
    private readonly TempDatabase _database = new();

    protected override IEventStore OpenStore() =>
        new NamespacedEventStore(new SqliteEventStore(new SqliteEventStoreOptions { Path = _database.Path }), "staging.");

    [Fact]
    public async Task Streams_outside_the_namespace_are_invisible_and_names_come_back_without_it()
    {
        var raw = new SqliteEventStore(new SqliteEventStoreOptions { Path = _database.Path });
        var data = new EventData(Guid.NewGuid(), "Thing.v1", "{}"u8.ToArray(), "{}"u8.ToArray());
        await raw.AppendAsync("t.outside-1", ExpectedRevision.Any, [data]);
        var store = OpenStore();
        await store.AppendAsync("t.inside-1", ExpectedRevision.NoStream, [data with { EventId = Guid.NewGuid() }]);

        var seen = await store.ReadAllAsync(null, "t.", 100).Select(e => e.StreamId).ToListAsync();
        var stored = await raw.ReadAllAsync(null, "staging.t.", 100).Select(e => e.StreamId).ToListAsync();

        Assert.Equal(["t.inside-1"], seen);
        Assert.Equal(["staging.t.inside-1"], stored);
        var conflict = await Assert.ThrowsAsync<WrongExpectedRevisionException>(() =>
            store.AppendAsync("t.inside-1", ExpectedRevision.NoStream, [data with { EventId = Guid.NewGuid() }]));
        Assert.Equal("t.inside-1", conflict.StreamId);
    }

    public void Dispose() => _database.Dispose();
}
