using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.EventStore.Sqlite;
using static Platform.EventStore.Conformance.Conformance;

namespace Platform.EventStore.Conformance;

/// <summary>Concurrent appends in one process share a transaction; each must still succeed or fail on its own.</summary>
public sealed class SqliteGroupCommitTests : IDisposable
{
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task Appends_sharing_a_transaction_succeed_or_fail_each_on_their_own()
    {
        var store = new SqliteEventStore(new SqliteEventStoreOptions { Path = _database.Path });
        var prefix = NewPrefix();
        await store.AppendAsync(prefix + "existing", ExpectedRevision.NoStream, [NewEvent()]);

        // Released together, so many of them land in the same transaction.
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var valid = Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            await go.Task;
            var events = NewEvents(3, $"ok{i}-");
            await store.AppendAsync($"{prefix}ok-{i}", ExpectedRevision.NoStream, events);
            return events;
        })).ToArray();
        var conflicting = Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            await go.Task;
            await store.AppendAsync(prefix + "existing", ExpectedRevision.NoStream, NewEvents(2, $"bad{i}-"));
        })).ToArray();
        go.SetResult();

        var written = await Task.WhenAll(valid);
        foreach (var task in conflicting)
            Assert.Equal(0, (await Assert.ThrowsAsync<WrongExpectedRevisionException>(() => task)).ActualRevision);

        var all = await store.ReadAllToListAsync(prefix);
        Assert.Equal(1 + 40 * 3, all.Count);
        Assert.DoesNotContain(all, e => PayloadOf(e).Contains("bad"));
        Assert.Equal(written.SelectMany(e => e).Select(e => e.EventId).Order(), all.Skip(1).Select(e => e.EventId).Order());
        foreach (var events in written)
        {
            var index = all.FindIndex(e => e.EventId == events[0].EventId);
            Assert.Equal(events.Select(e => e.EventId), all.Skip(index).Take(3).Select(e => e.EventId));
        }
        AssertStrictlyIncreasing(all);
        AssertContiguousRevisions(all);
    }

    [Fact]
    public async Task An_append_cancelled_before_it_is_written_writes_nothing()
    {
        var store = new SqliteEventStore(new SqliteEventStoreOptions { Path = _database.Path });
        var prefix = NewPrefix();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => store.AppendAsync(prefix + "s", ExpectedRevision.Any, [NewEvent()], new CancellationToken(canceled: true)));
        await store.AppendAsync(prefix + "s", ExpectedRevision.NoStream, [NewEvent("after")]);

        var read = Assert.Single(await store.ReadAllToListAsync(prefix));
        Assert.Contains("after", PayloadOf(read));
    }

    public void Dispose() => _database.Dispose();
}
