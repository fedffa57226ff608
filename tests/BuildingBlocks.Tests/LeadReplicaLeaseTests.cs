using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.EventStore.Sqlite;
using Platform.BuildingBlocks.Hosting;
using Platform.TestSupport;

namespace Platform.BuildingBlocks.Tests;

/// <summary>
/// Two replicas of one service on one store: one leads at a time, a dead or cut-off lead is replaced after its lease
/// runs out (and stops leading before that), a lead that stops hands over at once, and the outbox checkpoint travels
/// with the lease. On the real clock with short leases; every wait polls with a deadline.
/// </summary>
public sealed class LeadReplicaLeaseTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly TemporarySqliteStore _files = new();
    private readonly List<LeadReplicaLease> _started = [];

    private static readonly LeaseOptions Short = new()
    {
        Duration = TimeSpan.FromSeconds(1),
        PollInterval = TimeSpan.FromMilliseconds(50),
        CheckpointInterval = TimeSpan.FromMilliseconds(10),
    };

    private async Task<LeadReplicaLease> StartAsync(IEventStore? store = null, LeaseOptions? options = null)
    {
        var lease = new LeadReplicaLease(store ?? _files.Store, "svc", options ?? Short, NullLogger<LeadReplicaLease>.Instance);
        await lease.StartAsync(CancellationToken.None);
        _started.Add(lease);
        return lease;
    }

    private async Task<List<string>> HoldersAsync()
    {
        var holders = new List<string>();
        await foreach (var recorded in _files.Store.ReadStreamAsync("leases.svc"))
            holders.Add(JsonDocument.Parse(recorded.Data).RootElement.GetProperty("holder").GetString()!);
        return holders;
    }

    [Fact]
    public async Task Of_two_replicas_on_one_store_exactly_one_leads_and_keeps_renewing()
    {
        // A lease long enough that a loaded machine's pauses cannot let it lapse: this test is about steady state.
        var steady = Short with { Duration = TimeSpan.FromSeconds(10) };
        var first = await StartAsync(options: steady);
        var second = await StartAsync(options: steady);

        await Eventually.UntilAsync(() => first.IsLead || second.IsLead, Patience, "one replica should take the lease");
        var lead = first.IsLead ? first : second;
        var other = lead == first ? second : first;
        await Eventually.UntilAsync(async () => (await HoldersAsync()).Count >= 20, Patience, "the lead renews");

        Assert.False(other.IsLead);
        Assert.All(await HoldersAsync(), holder => Assert.Equal(lead.Instance, holder));
        Assert.Equal(lead.Instance, other.Lead);
    }

    [Fact]
    public async Task A_lead_cut_off_from_the_store_stops_leading_and_another_takes_over_after_its_lease_ran_out()
    {
        var reachable = new SwitchableStore(_files.Store);
        var first = await StartAsync(reachable);
        await Eventually.UntilAsync(() => first.IsLead, Patience, "the first replica leads");
        var firstTerm = await first.WaitForTermAsync(CancellationToken.None);
        first.RecordOutboxProgress(GlobalPosition.Of(42));
        await Eventually.UntilAsync(async () => (await HoldersAsync()).Count >= 3, Patience, "the progress is written with a renewal");
        var second = await StartAsync();

        reachable.Broken = true;
        var secondTerm = await second.WaitForTermAsync(CancellationToken.None).WaitAsync(Patience);

        // Fenced by time: the cut-off lead had given up before the new one could start.
        Assert.True(firstTerm.Lost.IsCancellationRequested);
        Assert.False(first.IsLead);
        Assert.Equal(GlobalPosition.Of(42), secondTerm.OutboxCheckpoint);
    }

    [Fact]
    public async Task A_lead_that_stops_hands_the_lease_and_its_checkpoint_over_at_once()
    {
        // A lease far longer than the test's patience: only the hand-over can let the second replica lead in time.
        var patient = Short with { Duration = TimeSpan.FromMinutes(5) };
        var first = await StartAsync(options: patient);
        await Eventually.UntilAsync(() => first.IsLead, Patience, "the first replica leads");
        var second = await StartAsync(options: patient);
        first.RecordOutboxProgress(GlobalPosition.Of(7));

        await first.StopAsync(CancellationToken.None);
        var term = await second.WaitForTermAsync(CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(GlobalPosition.Of(7), term.OutboxCheckpoint);
        Assert.False(term.FirstEver);
    }

    [Fact]
    public async Task The_first_lease_of_a_service_says_so_and_starts_the_outbox_from_the_start()
    {
        var lease = await StartAsync();

        var term = await lease.WaitForTermAsync(CancellationToken.None).WaitAsync(Patience);

        Assert.True(term.FirstEver);
        Assert.Null(term.OutboxCheckpoint);
    }

    [Fact]
    public async Task The_lease_stream_stays_a_few_records_long_however_often_it_is_renewed()
    {
        var lease = await StartAsync();
        await Eventually.UntilAsync(() => lease.IsLead, Patience, "the replica leads");

        long revision = -1;
        for (ulong position = 1; revision < 200; position++)
        {
            lease.RecordOutboxProgress(GlobalPosition.Of(position));
            await Eventually.UntilAsync(async () =>
            {
                var last = -1L;
                await foreach (var recorded in _files.Store.ReadStreamAsync("leases.svc")) last = recorded.StreamRevision;
                var moved = last > revision;
                revision = last;
                return moved;
            }, Patience, "the progress is written");
        }

        Assert.InRange((await HoldersAsync()).Count, 1, 64 + 8);
    }

    public void Dispose()
    {
        foreach (var lease in _started)
        {
            lease.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
            lease.Dispose();
        }
        _files.Dispose();
    }

    /// <summary>A real store that can be cut off, as a network partition or a dying node would.</summary>
    private sealed class SwitchableStore(IEventStore inner) : IEventStore
    {
        public volatile bool Broken;

        private void ThrowIfBroken()
        {
            if (Broken) throw new IOException("The store is unreachable.");
        }

        public Task<AppendResult> AppendAsync(string streamId, ExpectedRevision expected, IReadOnlyList<EventData> events, CancellationToken ct = default)
        {
            ThrowIfBroken();
            return inner.AppendAsync(streamId, expected, events, ct);
        }

        public async IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string streamId, long fromRevision = 0,
            [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
        {
            ThrowIfBroken();
            await foreach (var recorded in inner.ReadStreamAsync(streamId, fromRevision, ct)) yield return recorded;
        }

        public IAsyncEnumerable<RecordedEvent> ReadAllAsync(GlobalPosition? after, string streamPrefix, int maxCount, CancellationToken ct = default) =>
            inner.ReadAllAsync(after, streamPrefix, maxCount, ct);

        public IAsyncEnumerable<SubscriptionMessage> SubscribeToAllAsync(GlobalPosition? after, string streamPrefix, CancellationToken ct = default) =>
            inner.SubscribeToAllAsync(after, streamPrefix, ct);

        public Task TruncateBeforeAsync(string streamId, long beforeRevision, CancellationToken ct = default)
        {
            ThrowIfBroken();
            return inner.TruncateBeforeAsync(streamId, beforeRevision, ct);
        }
    }
}
