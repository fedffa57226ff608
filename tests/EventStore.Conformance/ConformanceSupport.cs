using System.Collections.Concurrent;
using System.Text;
using System.Threading.Channels;
using Platform.BuildingBlocks.EventStore;

namespace Platform.EventStore.Conformance;

/// <summary>Small helpers shared by the conformance tests and the adapter-specific ones.</summary>
public static class Conformance
{
    /// <summary>A unique stream prefix: stores may be shared between tests, so every test filters by its own.</summary>
    public static string NewPrefix() => $"t{Guid.NewGuid():N}.";

    public static EventData NewEvent(string payload = "x", string type = "TestEvent.v1") =>
        new(Guid.NewGuid(), type, Encoding.UTF8.GetBytes($$"""{"payload":"{{payload}}"}"""), Encoding.UTF8.GetBytes("""{"by":"conformance"}"""));

    public static EventData[] NewEvents(int count, string payloadPrefix = "e") =>
        Enumerable.Range(0, count).Select(i => NewEvent($"{payloadPrefix}{i}")).ToArray();

    public static string PayloadOf(RecordedEvent recorded) => Encoding.UTF8.GetString(recorded.Data);

    public static async Task<List<RecordedEvent>> ReadStreamToListAsync(this IEventStore store, string streamId, long from = 0)
    {
        var events = new List<RecordedEvent>();
        await foreach (var recorded in store.ReadStreamAsync(streamId, from)) events.Add(recorded);
        return events;
    }

    public static async Task<List<RecordedEvent>> ReadAllToListAsync(
        this IEventStore store, string prefix, GlobalPosition? after = null, int maxCount = int.MaxValue)
    {
        var events = new List<RecordedEvent>();
        await foreach (var recorded in store.ReadAllAsync(after, prefix, maxCount)) events.Add(recorded);
        return events;
    }

    public static async Task<long> CurrentRevisionAsync(this IEventStore store, string streamId)
    {
        long revision = -1;
        await foreach (var recorded in store.ReadStreamAsync(streamId)) revision = recorded.StreamRevision;
        return revision;
    }

    public static void AssertStrictlyIncreasing(IReadOnlyList<RecordedEvent> events)
    {
        for (var i = 1; i < events.Count; i++)
            Assert.True(events[i - 1].Position < events[i].Position,
                $"position {events[i].Position} at index {i} does not follow {events[i - 1].Position}");
    }

    public static void AssertContiguousRevisions(IEnumerable<RecordedEvent> events)
    {
        foreach (var stream in events.GroupBy(e => e.StreamId))
        {
            var revisions = stream.Select(e => e.StreamRevision).Order().ToList();
            Assert.Equal(Enumerable.Range(0, revisions.Count).Select(i => (long)i), revisions);
        }
    }

    public static async Task DisposeStoreAsync(IEventStore store)
    {
        switch (store)
        {
            case IAsyncDisposable asyncDisposable: await asyncDisposable.DisposeAsync(); break;
            case IDisposable disposable: disposable.Dispose(); break;
        }
    }
}

/// <summary>
/// Runs a subscription in the background and hands its messages to the test one at a time, each
/// with a deadline, so a stuck subscription fails the test instead of hanging it.
/// </summary>
public sealed class SubscriptionProbe : IAsyncDisposable
{
    private readonly Channel<SubscriptionMessage> _messages = Channel.CreateUnbounded<SubscriptionMessage>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pump;

    public SubscriptionProbe(IEventStore store, GlobalPosition? after, string prefix)
    {
        _pump = Task.Run(async () =>
        {
            try
            {
                await foreach (var message in store.SubscribeToAllAsync(after, prefix, _stop.Token))
                {
                    if (message is SubscriptionMessage.Checkpoint { Position: var position }) Checkpoints.Enqueue(position);
                    await _messages.Writer.WriteAsync(message);
                }
                _messages.Writer.TryComplete();
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                _messages.Writer.TryComplete();
            }
            catch (Exception ex)
            {
                _messages.Writer.TryComplete(ex);
            }
        });
    }

    /// <summary>Every checkpoint the subscription reported, in order.</summary>
    public ConcurrentQueue<GlobalPosition> Checkpoints { get; } = new();

    /// <summary>What a consumer would store as its checkpoint: the position of the last event or checkpoint handed out.</summary>
    public GlobalPosition? LastPosition { get; private set; }

    public async Task<SubscriptionMessage> NextAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            var message = await _messages.Reader.ReadAsync(deadline.Token);
            LastPosition = message switch
            {
                SubscriptionMessage.Event e => e.Recorded.Position,
                SubscriptionMessage.Checkpoint c => c.Position,
                _ => LastPosition,
            };
            return message;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"No subscription message within {timeout}.");
        }
    }

    public async Task<SubscriptionMessage.CaughtUp> UntilCaughtUpAsync(List<RecordedEvent> received, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            switch (await NextAsync(Remaining(deadline)))
            {
                case SubscriptionMessage.Event e: received.Add(e.Recorded); break;
                case SubscriptionMessage.CaughtUp caughtUp: return caughtUp;
            }
        }
    }

    /// <summary>Collects events until <paramref name="count"/> have arrived; checkpoints and caught-up are passed over.</summary>
    public async Task CollectAsync(List<RecordedEvent> received, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (received.Count < count)
        {
            if (await NextAsync(Remaining(deadline)) is SubscriptionMessage.Event e) received.Add(e.Recorded);
        }
    }

    public static TimeSpan Remaining(DateTime deadline)
    {
        var left = deadline - DateTime.UtcNow;
        return left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(1);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _pump;
        _stop.Dispose();
    }
}

/// <summary>New, empty data behind a store (a new file, a new node): what only a short log shows needs it.</summary>
public sealed class EmptyStore(Func<IEventStore> open, Func<ValueTask>? release = null) : IAsyncDisposable
{
    /// <summary>A new store instance over that data; a second call is a client restart.</summary>
    public IEventStore Open() => open();

    public ValueTask DisposeAsync() => release?.Invoke() ?? ValueTask.CompletedTask;
}
