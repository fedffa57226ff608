using Platform.TestSupport;
using Microsoft.Extensions.Time.Testing;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.EventStore;


namespace Platform.BuildingBlocks.Tests;

[EventType("CounterAdded.v1")]
public sealed record CounterAdded(int Amount);

public sealed record Add(int Amount);

/// <summary>A test-only aggregate: negative amounts are refused, zero changes nothing.</summary>
public sealed class CounterDecider : Decider<int, Add>
{
    public override int Initial => 0;

    public override int Evolve(int state, object @event) => @event is CounterAdded added ? state + added.Amount : state;

    public override Decision Decide(Add command, int state, DateTimeOffset now) => command.Amount switch
    {
        < 0 => Rejection.Invalid("amount-negative", "amount", "An amount is zero or more."),
        0 => Decision.NoChange,
        _ => Decision.Accept(new CounterAdded(command.Amount)),
    };
}

public sealed class CommandHandlerTests : IDisposable
{
    private readonly TemporarySqliteStore _store = new();
    private readonly EventTypeMap _types = new EventTypeMap().Register(typeof(CounterAdded));
    private readonly string _stream = StreamName.For("tests", "counter", Guid.NewGuid().ToString("N"));

    private CommandHandler<int, Add> Handler(IEventStore? store = null) =>
        new(store ?? _store.Store, _types, new CounterDecider(), new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero)));

    private static CommandEnvelope Envelope(string? key = null, string? hash = null, long? ifMatch = null) =>
        new(new Actor("u-1", Roles.CallCentreAgent), "corr-1", IdempotencyKey: key, RequestHash: hash, IfMatchRevision: ifMatch);

    private async Task<List<RecordedEvent>> StoredAsync()
    {
        var events = new List<RecordedEvent>();
        await foreach (var e in _store.Store.ReadStreamAsync(_stream)) events.Add(e);
        return events;
    }

    [Fact]
    public async Task A_thousand_commutative_commands_fifty_at_a_time_on_one_stream_are_all_accepted_and_each_stored_once()
    {
        var handler = Handler();
        using var fifty = new SemaphoreSlim(50);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 1000).Select(async i =>
        {
            await fifty.WaitAsync();
            try { return await handler.HandleAsync(_stream, new Add(1), Envelope($"key-{i}", $"hash-{i}")); }
            finally { fifty.Release(); }
        }));

        var accepted = outcomes.Count(o => o is CommandOutcome<int>.Done { Appended: true });
        Assert.True(accepted >= 990, $"{accepted} of 1000 accepted");
        var stored = await StoredAsync();
        Assert.Equal(accepted, stored.Count);
        Assert.Equal(stored.Count, stored.Select(e => EventMetadata.FromBytes(e.Metadata)!.IdempotencyKey).Distinct().Count());
    }

    [Fact]
    public async Task Two_instances_writing_one_stream_at_once_retry_their_conflicts_and_lose_nothing()
    {
        var instances = new[] { Handler(), Handler(_store.Open()) };

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            instances[i % 2].HandleAsync(_stream, new Add(1), Envelope($"key-{i}", $"hash-{i}"))));

        var accepted = outcomes.Count(o => o is CommandOutcome<int>.Done { Appended: true });
        Assert.True(accepted >= 198, $"{accepted} of 200 accepted");
        Assert.Equal(accepted, (await StoredAsync()).Count);
    }

    [Fact]
    public async Task An_accepted_command_appends_its_events_with_metadata()
    {
        var outcome = await Handler().HandleAsync(_stream, new Add(3), Envelope("key-1", "hash-1"));

        var done = Assert.IsType<CommandOutcome<int>.Done>(outcome);
        Assert.True(done.Appended);
        Assert.Equal(3, done.State);
        Assert.Equal(0, done.Revision);
        var stored = Assert.Single(await StoredAsync());
        Assert.Equal("CounterAdded.v1", stored.EventType);
        Assert.Equal(done.Position, stored.Position);
        var metadata = EventMetadata.FromBytes(stored.Metadata)!;
        Assert.Equal(stored.EventId, metadata.EventId);
        Assert.Equal("u-1", metadata.ActorId);
        Assert.Equal([Roles.CallCentreAgent], metadata.ActorRoles);
        Assert.Equal("key-1", metadata.IdempotencyKey);
        Assert.Equal("corr-1", metadata.CorrelationId);
    }

    [Fact]
    public async Task Repeating_an_idempotency_key_returns_Repeated_and_appends_nothing()
    {
        var handler = Handler();
        await handler.HandleAsync(_stream, new Add(3), Envelope("key-1", "hash-1"));

        var repeat = await handler.HandleAsync(_stream, new Add(3), Envelope("key-1", "hash-1"));

        var repeated = Assert.IsType<CommandOutcome<int>.Repeated>(repeat);
        Assert.Equal(3, repeated.State);
        Assert.Equal(0, repeated.Revision);
        Assert.Single(await StoredAsync());
    }

    [Fact]
    public async Task The_same_key_for_a_different_request_is_KeyReused_and_appends_nothing()
    {
        var handler = Handler();
        await handler.HandleAsync(_stream, new Add(3), Envelope("key-1", "hash-1"));

        var reuse = await handler.HandleAsync(_stream, new Add(5), Envelope("key-1", "hash-2"));

        Assert.Equal("key-1", Assert.IsType<CommandOutcome<int>.KeyReused>(reuse).IdempotencyKey);
        Assert.Single(await StoredAsync());
    }

    [Fact]
    public async Task A_stale_If_Match_revision_is_PreconditionFailed_and_appends_nothing()
    {
        var handler = Handler();
        await handler.HandleAsync(_stream, new Add(1), Envelope());
        await handler.HandleAsync(_stream, new Add(1), Envelope());

        var stale = await handler.HandleAsync(_stream, new Add(1), Envelope(ifMatch: 0));

        Assert.Equal(1, Assert.IsType<CommandOutcome<int>.PreconditionFailed>(stale).CurrentRevision);
        Assert.Equal(2, (await StoredAsync()).Count);
    }

    [Fact]
    public async Task A_current_If_Match_revision_is_accepted()
    {
        var handler = Handler();
        await handler.HandleAsync(_stream, new Add(1), Envelope());

        var outcome = await handler.HandleAsync(_stream, new Add(1), Envelope(ifMatch: 0));

        Assert.Equal(1, Assert.IsType<CommandOutcome<int>.Done>(outcome).Revision);
    }

    [Fact]
    public async Task A_write_landing_between_load_and_append_fails_an_If_Match_command()
    {
        var interleaving = new InterleavingStore(_store.Store, _types, _stream);
        await Handler().HandleAsync(_stream, new Add(1), Envelope());

        var outcome = await Handler(interleaving).HandleAsync(_stream, new Add(1), Envelope(ifMatch: 0));

        Assert.Equal(1, Assert.IsType<CommandOutcome<int>.PreconditionFailed>(outcome).CurrentRevision);
        Assert.Equal([1, 100], (await StoredAsync()).Select(e => ((CounterAdded)_types.Deserialize(e.EventType, e.Data)).Amount));
    }

    [Fact]
    public async Task A_write_landing_between_load_and_append_is_re_decided_on_fresh_state()
    {
        var interleaving = new InterleavingStore(_store.Store, _types, _stream);

        var outcome = await Handler(interleaving).HandleAsync(_stream, new Add(1), Envelope());

        var done = Assert.IsType<CommandOutcome<int>.Done>(outcome);
        Assert.Equal(101, done.State);
        Assert.Equal(1, done.Revision);
        Assert.Equal([100, 1], (await StoredAsync()).Select(e => ((CounterAdded)_types.Deserialize(e.EventType, e.Data)).Amount));
    }

    [Fact]
    public async Task A_rejection_appends_nothing()
    {
        var outcome = await Handler().HandleAsync(_stream, new Add(-1), Envelope("key-1"));

        var rejected = Assert.IsType<CommandOutcome<int>.Rejected>(outcome);
        Assert.Equal("amount-negative", rejected.Rejection.Code);
        Assert.Equal(RejectionKind.Invalid, rejected.Rejection.Kind);
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task A_no_op_decision_appends_nothing()
    {
        var handler = Handler();
        await handler.HandleAsync(_stream, new Add(2), Envelope());

        var outcome = await handler.HandleAsync(_stream, new Add(0), Envelope("key-2"));

        var done = Assert.IsType<CommandOutcome<int>.Done>(outcome);
        Assert.False(done.Appended);
        Assert.Null(done.Position);
        Assert.Equal(2, done.State);
        Assert.Equal(0, done.Revision);
        Assert.Single(await StoredAsync());
    }

    [Fact]
    public async Task Concurrent_commands_without_If_Match_are_re_decided_and_all_succeed()
    {
        // The handler retries a conflict a bounded number of times; each loss means another command won,
        // so this many concurrent commands always fit within the bound.
        const int commands = 5;
        var handler = Handler();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, commands)
            .Select(_ => Task.Run(() => handler.HandleAsync(_stream, new Add(1), Envelope()))));

        Assert.All(outcomes, o => Assert.True(Assert.IsType<CommandOutcome<int>.Done>(o).Appended));
        var stored = await StoredAsync();
        Assert.Equal(Enumerable.Range(0, commands).Select(i => (long)i), stored.Select(e => e.StreamRevision));
        Assert.Equal(commands, (await handler.LoadAsync(_stream)).State);
    }

    [Fact]
    public async Task A_stream_read_before_is_read_on_from_the_fold_and_still_sees_what_another_instance_and_its_keys_added()
    {
        var first = Handler();
        var other = Handler(_store.Open());
        await first.HandleAsync(_stream, new Add(2), Envelope("key-1", "hash-1"));
        Assert.Equal((2, 0L), ((await first.LoadAsync(_stream)).State, (await first.LoadAsync(_stream)).Revision));

        await other.HandleAsync(_stream, new Add(5), Envelope("key-2", "hash-2"));
        var loaded = await first.LoadAsync(_stream);

        Assert.Equal((7, 1L), (loaded.State, loaded.Revision));
        Assert.Equal(["key-1", "key-2"], loaded.IdempotencyKeys.Keys.Order());
        Assert.IsType<CommandOutcome<int>.Repeated>(await first.HandleAsync(_stream, new Add(5), Envelope("key-2", "hash-2")));
    }

    public void Dispose() => _store.Dispose();

    /// <summary>A real store where someone else appends (+100) to the stream just before the first append goes through.</summary>
    private sealed class InterleavingStore(IEventStore inner, EventTypeMap types, string stream) : IEventStore
    {
        private int _interleaved;

        public async Task<AppendResult> AppendAsync(string streamId, ExpectedRevision expected, IReadOnlyList<EventData> events, CancellationToken ct = default)
        {
            if (Interlocked.Exchange(ref _interleaved, 1) == 0)
                await inner.AppendAsync(stream, ExpectedRevision.Any,
                    [new EventData(Guid.NewGuid(), "CounterAdded.v1", types.Serialize(new CounterAdded(100)), [])], ct);
            return await inner.AppendAsync(streamId, expected, events, ct);
        }

        public IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string streamId, long fromRevision = 0, CancellationToken ct = default) =>
            inner.ReadStreamAsync(streamId, fromRevision, ct);

        public IAsyncEnumerable<RecordedEvent> ReadAllAsync(GlobalPosition? after, string streamPrefix, int maxCount, CancellationToken ct = default) =>
            inner.ReadAllAsync(after, streamPrefix, maxCount, ct);

        public IAsyncEnumerable<SubscriptionMessage> SubscribeToAllAsync(GlobalPosition? after, string streamPrefix, CancellationToken ct = default) =>
            inner.SubscribeToAllAsync(after, streamPrefix, ct);

        public Task TruncateBeforeAsync(string streamId, long beforeRevision, CancellationToken ct = default) =>
            inner.TruncateBeforeAsync(streamId, beforeRevision, ct);
    }
}
