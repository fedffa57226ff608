using Platform.TestSupport;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.Projections;
using Platform.BuildingBlocks.ReadModels;


namespace Platform.BuildingBlocks.Tests;

/// <summary>
/// A test projection that records every event it applies (and how often), plus a per-stream total.
/// It can be told to throw on chosen events, to stand in for a bug or a crash mid-batch.
/// </summary>
public sealed class TallyProjection : IProjection
{
    private int _applied;
    private int _failures;

    public string Name => "tally";

    public int SchemaVersion { get; init; } = 1;

    public Func<RecordedEvent, bool>? FailOn { get; set; }

    public int Applied => Volatile.Read(ref _applied);

    public int Failures => Volatile.Read(ref _failures);

    public void EnsureSchema(SqliteConnection connection, SqliteTransaction transaction) => Execute(connection, transaction, """
        CREATE TABLE IF NOT EXISTS tally_seen (event_id TEXT PRIMARY KEY, position INTEGER NOT NULL, times INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS tally_totals (stream_id TEXT PRIMARY KEY, total INTEGER NOT NULL);
        """);

    public void Reset(SqliteConnection connection, SqliteTransaction transaction) =>
        Execute(connection, transaction, "DROP TABLE IF EXISTS tally_seen; DROP TABLE IF EXISTS tally_totals;");

    public void Apply(SqliteConnection connection, SqliteTransaction transaction, RecordedEvent recorded, object @event)
    {
        // Written before the failure check, so a failure leaves a partial batch behind unless it is rolled back.
        Execute(connection, transaction, """
            INSERT INTO tally_seen (event_id, position, times) VALUES ($id, $position, 1)
            ON CONFLICT (event_id) DO UPDATE SET times = times + 1;
            INSERT INTO tally_totals (stream_id, total) VALUES ($stream, $amount)
            ON CONFLICT (stream_id) DO UPDATE SET total = total + excluded.total;
            """, ("$id", recorded.EventId.ToString()), ("$position", (long)recorded.Position.Commit),
            ("$stream", recorded.StreamId), ("$amount", ((CounterAdded)@event).Amount));
        if (FailOn?.Invoke(recorded) == true)
        {
            Interlocked.Increment(ref _failures);
            throw new InvalidOperationException($"Failing on purpose at {recorded.Position}.");
        }
        Interlocked.Increment(ref _applied);
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        command.ExecuteNonQuery();
    }
}

public sealed class ProjectionRunnerTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private readonly TemporarySqliteStore _store = new();
    private readonly EventTypeMap _types = new EventTypeMap().Register(typeof(CounterAdded));
    private readonly string _prefix = $"t{Guid.NewGuid():N}.";
    private readonly ReadModelDatabase _database;

    public ProjectionRunnerTests() => _database = new ReadModelDatabase(_store.PathFor("read.db"));

    private ProjectionRunner Runner(TallyProjection projection, TimeProvider? time = null) => new(
        projection, _store.Store, _types, _database,
        new ProjectionRunnerOptions { StreamPrefix = _prefix, MaxBatchSize = 64, InitialRetryDelay = TimeSpan.FromMilliseconds(20) },
        NullLogger.Instance, time);

    private async Task<List<AppendResult>> AppendAsync(int count, int amount = 1, string stream = "s")
    {
        var results = new List<AppendResult>();
        for (var i = 0; i < count; i++)
        {
            var e = new EventData(Guid.NewGuid(), "CounterAdded.v1", _types.Serialize(new CounterAdded(amount)), []);
            results.Add(await _store.Store.AppendAsync($"{_prefix}{stream}-{i % 3}", ExpectedRevision.Any, [e]));
        }
        return results;
    }

    private async Task<List<RecordedEvent>> EventsAsync()
    {
        var events = new List<RecordedEvent>();
        await foreach (var e in _store.Store.ReadAllAsync(null, _prefix, int.MaxValue)) events.Add(e);
        return events;
    }

    private sealed record Model(Dictionary<string, (long Position, long Times)> Seen, Dictionary<string, long> Totals, GlobalPosition? Checkpoint);

    private Model ReadModel()
    {
        using var connection = _database.Open();
        var seen = new Dictionary<string, (long, long)>();
        var totals = new Dictionary<string, long>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT event_id, position, times FROM tally_seen;";
            using var reader = command.ExecuteReader();
            while (reader.Read()) seen[reader.GetString(0)] = (reader.GetInt64(1), reader.GetInt64(2));
        }
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT stream_id, total FROM tally_totals;";
            using var reader = command.ExecuteReader();
            while (reader.Read()) totals[reader.GetString(0)] = reader.GetInt64(1);
        }
        return new Model(seen, totals, Checkpoints.Load(connection, null, "tally"));
    }

    private static Task UntilAsync(Func<bool> condition, string what) => Eventually.UntilAsync(condition, Wait, what);

    private static void AssertEachAppliedOnce(Model model, IReadOnlyList<RecordedEvent> events)
    {
        Assert.Equal(events.Select(e => e.EventId.ToString()).Order(), model.Seen.Keys.Order());
        Assert.All(model.Seen.Values, v => Assert.Equal(1, v.Times));
    }

    [Fact]
    public async Task A_batch_that_fails_midway_leaves_neither_a_partial_model_nor_an_advanced_checkpoint()
    {
        await AppendAsync(10);
        var events = await EventsAsync();
        var projection = new TallyProjection { FailOn = e => e.EventId == events[6].EventId };
        var runner = Runner(projection);
        using (var connection = _database.Open())
        using (var transaction = connection.BeginTransaction())
        {
            projection.EnsureSchema(connection, transaction);
            transaction.Commit();
        }
        Assert.True(await runner.ApplyBatchAsync([.. events.Take(3).Select(e => new SubscriptionMessage.Event(e))], runner.Generation, default));

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            runner.ApplyBatchAsync([.. events.Skip(3).Select(e => new SubscriptionMessage.Event(e))], runner.Generation, default));

        var model = ReadModel();
        AssertEachAppliedOnce(model, events.Take(3).ToList());
        Assert.Equal(events[2].Position, model.Checkpoint);
        Assert.Equal(events[2].Position, runner.Position);
    }

    [Fact]
    public async Task After_failures_the_runner_retries_from_its_checkpoint_and_applies_every_event_exactly_once()
    {
        await AppendAsync(200);
        var events = await EventsAsync();
        var projection = new TallyProjection { FailOn = e => e.EventId == events[120].EventId };
        var runner = Runner(projection);

        await runner.StartAsync(default);
        try
        {
            await UntilAsync(() => projection.Failures >= 3, "the projection failed and was retried");
            // While it keeps failing, what is committed is consistent: exactly the events up to the checkpoint.
            var stuck = ReadModel();
            Assert.NotNull(stuck.Checkpoint);
            Assert.True(stuck.Checkpoint < events[120].Position);
            AssertEachAppliedOnce(stuck, events.Where(e => e.Position <= stuck.Checkpoint).ToList());

            projection.FailOn = null;
            Assert.True(await runner.WaitForAsync(events[^1].Position, Wait));
        }
        finally
        {
            await runner.StopAsync(default);
        }

        var model = ReadModel();
        AssertEachAppliedOnce(model, events);
        Assert.Equal(events[^1].Position, model.Checkpoint);
        Assert.Equal(200, model.Totals.Values.Sum());
    }

    [Fact]
    public async Task A_restarted_runner_resumes_from_its_checkpoint()
    {
        await AppendAsync(30);
        var first = new TallyProjection();
        var runner = Runner(first);
        await runner.StartAsync(default);
        Assert.True(await runner.WaitForAsync((await EventsAsync())[^1].Position, Wait));
        await runner.StopAsync(default);

        await AppendAsync(20);
        var events = await EventsAsync();
        var second = new TallyProjection();
        var restarted = Runner(second);
        Assert.Null(restarted.Position);
        await restarted.StartAsync(default);
        try
        {
            Assert.True(await restarted.WaitForAsync(events[^1].Position, Wait));
        }
        finally
        {
            await restarted.StopAsync(default);
        }

        Assert.Equal(30, first.Applied);
        Assert.Equal(20, second.Applied);
        AssertEachAppliedOnce(ReadModel(), events);
    }

    [Fact]
    public async Task A_model_kept_by_another_schema_version_is_rebuilt_from_the_first_event_at_start_and_one_kept_by_this_version_is_not()
    {
        await AppendAsync(30);
        var events = await EventsAsync();
        foreach (var (version, applied) in new[] { (1, 30), (2, 30), (2, 0) })
        {
            var projection = new TallyProjection { SchemaVersion = version };
            var runner = Runner(projection);
            await runner.StartAsync(default);
            try
            {
                Assert.True(await runner.WaitForAsync(events[^1].Position, Wait));
            }
            finally
            {
                await runner.StopAsync(default);
            }
            Assert.Equal(applied, projection.Applied);
            AssertEachAppliedOnce(ReadModel(), events);
        }
    }

    [Fact]
    public async Task A_rebuild_from_the_start_yields_the_same_model()
    {
        await AppendAsync(50, amount: 2);
        await AppendAsync(25, amount: 5, stream: "other");
        var events = await EventsAsync();
        var projection = new TallyProjection();
        var runner = Runner(projection);
        await runner.StartAsync(default);
        try
        {
            Assert.True(await runner.WaitForAsync(events[^1].Position, Wait));
            var before = ReadModel();

            await runner.RebuildAsync();
            Assert.True(await runner.WaitForAsync(events[^1].Position, Wait));
            var after = ReadModel();

            Assert.Equal(before.Seen.OrderBy(p => p.Key), after.Seen.OrderBy(p => p.Key));
            Assert.Equal(before.Totals.OrderBy(p => p.Key), after.Totals.OrderBy(p => p.Key));
            Assert.Equal(before.Checkpoint, after.Checkpoint);
            AssertEachAppliedOnce(after, events);
            Assert.Equal(2 * events.Count, projection.Applied);
        }
        finally
        {
            await runner.StopAsync(default);
        }
    }

    [Fact]
    public async Task WaitFor_returns_once_the_model_reflects_a_new_write()
    {
        var runner = Runner(new TallyProjection());
        await runner.StartAsync(default);
        try
        {
            await UntilAsync(() => runner.IsCaughtUp, "the runner caught up");
            var written = (await AppendAsync(1))[0];

            Assert.True(await runner.WaitForAsync(written.Position, Wait));

            Assert.True(runner.Position >= written.Position);
            Assert.Contains(ReadModel().Seen.Values, v => v.Position == (long)written.Position.Commit);
        }
        finally
        {
            await runner.StopAsync(default);
        }
    }

    [Fact]
    public async Task WaitFor_gives_up_at_its_timeout_when_the_position_is_not_reached()
    {
        var time = new FakeTimeProvider();
        var runner = Runner(new TallyProjection(), time);

        var waiting = runner.WaitForAsync(GlobalPosition.Of(1_000_000), TimeSpan.FromSeconds(5));
        Assert.False(waiting.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(6));

        Assert.False(await waiting.WaitAsync(Wait));
    }

    [Fact]
    public async Task Events_of_unknown_types_are_skipped_but_move_the_checkpoint()
    {
        await AppendAsync(2);
        var foreign = await _store.Store.AppendAsync($"{_prefix}s-9", ExpectedRevision.Any,
            [new EventData(Guid.NewGuid(), "CounterAdded.v9", Encoding.UTF8.GetBytes("""{"future":true}"""), [])]);
        var runner = Runner(new TallyProjection());
        await runner.StartAsync(default);
        try
        {
            Assert.True(await runner.WaitForAsync(foreign.Position, Wait));
        }
        finally
        {
            await runner.StopAsync(default);
        }

        var model = ReadModel();
        Assert.Equal(2, model.Seen.Count);
        Assert.Equal(foreign.Position, model.Checkpoint);
    }

    [Fact]
    public async Task Registered_projections_run_as_hosted_services_and_rebuild_by_name()
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IEventStore>(_store.Store)
            .AddSingleton(_types)
            .AddSingleton(_database)
            .AddProjection<TallyProjection>(_prefix, o => o.MaxBatchSize = 10);
        Assert.Throws<InvalidOperationException>(() => services.AddProjection<TallyProjection>(_prefix));
        await using var provider = services.BuildServiceProvider();
        var runner = provider.GetRequiredService<ProjectionRunner<TallyProjection>>();
        var registry = provider.GetRequiredService<ProjectionRegistry>();
        var written = (await AppendAsync(5))[^1];

        Assert.Same(runner, Assert.Single(provider.GetServices<IHostedService>().OfType<ProjectionRunner>()));
        Assert.Same(runner, registry.Find("tally"));
        foreach (var hosted in provider.GetServices<IHostedService>()) await hosted.StartAsync(default);
        try
        {
            Assert.True(await runner.WaitForAsync(written.Position, Wait));
            Assert.True(await registry.RebuildAsync("tally"));
            Assert.False(await registry.RebuildAsync("no-such-projection"));
            Assert.True(await runner.WaitForAsync(written.Position, Wait));
        }
        finally
        {
            foreach (var hosted in provider.GetServices<IHostedService>()) await hosted.StopAsync(default);
        }

        Assert.Equal(10, runner.Projection.Applied);
        AssertEachAppliedOnce(ReadModel(), await EventsAsync());
    }

    [Fact]
    public async Task A_failing_subscription_is_retried_from_the_checkpoint_without_losing_events()
    {
        await AppendAsync(40);
        var events = await EventsAsync();
        var flaky = new FlakySubscriptionStore(_store.Store, failures: 3, failAfter: 5);
        var projection = new TallyProjection();
        var runner = new ProjectionRunner(projection, flaky, _types, _database,
            new ProjectionRunnerOptions { StreamPrefix = _prefix, MaxBatchSize = 4, InitialRetryDelay = TimeSpan.FromMilliseconds(20) },
            NullLogger.Instance);

        await runner.StartAsync(default);
        try
        {
            Assert.True(await runner.WaitForAsync(events[^1].Position, Wait));
        }
        finally
        {
            await runner.StopAsync(default);
        }

        Assert.Equal(4, flaky.Subscriptions);
        AssertEachAppliedOnce(ReadModel(), events);
        Assert.Equal(events.Count, projection.Applied);
    }

    public void Dispose() => _store.Dispose();

    /// <summary>A real store whose first subscriptions break after a few messages, as a dropped connection would.</summary>
    private sealed class FlakySubscriptionStore(IEventStore inner, int failures, int failAfter) : IEventStore
    {
        private int _subscriptions;

        public int Subscriptions => Volatile.Read(ref _subscriptions);

        public async IAsyncEnumerable<SubscriptionMessage> SubscribeToAllAsync(
            GlobalPosition? after, string streamPrefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
        {
            var attempt = Interlocked.Increment(ref _subscriptions);
            var delivered = 0;
            await foreach (var message in inner.SubscribeToAllAsync(after, streamPrefix, ct))
            {
                if (attempt <= failures && delivered++ == failAfter)
                    throw new IOException($"Subscription {attempt} dropped.");
                yield return message;
            }
        }

        public Task<AppendResult> AppendAsync(string streamId, ExpectedRevision expected, IReadOnlyList<EventData> events, CancellationToken ct = default) =>
            inner.AppendAsync(streamId, expected, events, ct);

        public IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string streamId, long fromRevision = 0, CancellationToken ct = default) =>
            inner.ReadStreamAsync(streamId, fromRevision, ct);

        public IAsyncEnumerable<RecordedEvent> ReadAllAsync(GlobalPosition? after, string streamPrefix, int maxCount, CancellationToken ct = default) =>
            inner.ReadAllAsync(after, streamPrefix, maxCount, ct);

        public Task TruncateBeforeAsync(string streamId, long beforeRevision, CancellationToken ct = default) =>
            inner.TruncateBeforeAsync(streamId, beforeRevision, ct);
    }
}
