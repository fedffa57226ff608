using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Platform.BuildingBlocks.Hosting;
using Platform.TestSupport;

namespace Platform.BuildingBlocks.Tests;

/// <summary>One bad item never stops a watcher: it is parked, the rest go on, and an operator re-drives it.</summary>
public sealed class PeriodicWatcherTests : IAsyncLifetime
{
    private readonly TemporarySqliteStore _files = new();
    private LeadReplicaLease _lease = null!;

    public async Task InitializeAsync()
    {
        _lease = new LeadReplicaLease(_files.Store, "svc", new LeaseOptions(), NullLogger<LeadReplicaLease>.Instance);
        await _lease.StartAsync(CancellationToken.None);
        await Eventually.UntilAsync(() => _lease.IsLead, TimeSpan.FromSeconds(30), "the only replica leads");
    }

    public async Task DisposeAsync()
    {
        await _lease.StopAsync(CancellationToken.None);
        _lease.Dispose();
        _files.Dispose();
    }

    [Fact]
    public async Task An_item_that_throws_is_parked_the_others_are_acted_on_and_a_redrive_tries_it_again()
    {
        var bad = Guid.NewGuid();
        var watcher = new ListWatcher(_lease, [Guid.NewGuid(), bad, Guid.NewGuid()], failing: [bad]);

        Assert.Equal(2, await watcher.CheckAsync(CancellationToken.None));
        var parked = Assert.Single(watcher.Parked);
        Assert.Equal(bad, parked.Id);
        Assert.Contains("broken", parked.Reason);

        // Still due, still parked: the next pass does not stumble on it again.
        Assert.Equal(0, await watcher.CheckAsync(CancellationToken.None));
        Assert.Equal(1, watcher.AttemptsOn(bad));

        watcher.Fixed = true;
        Assert.Equal(1, watcher.RedriveParked());
        Assert.Equal(1, await watcher.CheckAsync(CancellationToken.None));
        Assert.Empty(watcher.Parked);
    }

    [Fact]
    public async Task Parked_items_never_fill_the_batch_and_starve_the_rest()
    {
        var bad = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToList();
        var good = Guid.NewGuid();
        var watcher = new ListWatcher(_lease, [.. bad, good], failing: bad, batchSize: 3);

        Assert.Equal(0, await watcher.CheckAsync(CancellationToken.None));
        Assert.Equal(3, watcher.Parked.Count);
        Assert.Equal(1, await watcher.CheckAsync(CancellationToken.None));
    }

    /// <summary>Finds what it was given, until acted on; acting on a failing id throws until <see cref="Fixed"/>.</summary>
    private sealed class ListWatcher(LeadReplicaLease lease, List<Guid> due, IReadOnlyCollection<Guid> failing, int batchSize = 10)
        : PeriodicWatcher(new WatcherOptions(TimeSpan.FromMinutes(1), batchSize), lease, new FakeTimeProvider(), NullLogger.Instance)
    {
        private readonly Dictionary<Guid, int> _attempts = [];

        public volatile bool Fixed;

        public int AttemptsOn(Guid id) => _attempts.GetValueOrDefault(id);

        protected override IReadOnlyList<Guid> FindDue(DateTimeOffset now, int batchSize) => due.Take(batchSize).ToList();

        protected override Task ActOnAsync(Guid id, CancellationToken ct)
        {
            _attempts[id] = AttemptsOn(id) + 1;
            if (failing.Contains(id) && !Fixed) throw new InvalidOperationException("broken");
            due.Remove(id);
            return Task.CompletedTask;
        }
    }
}
