using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.EventStore.EventStoreDb;
using Xunit;
using ReadOptions = Platform.BuildingBlocks.EventStore.EventStoreDb.Grpc.ReadReq.Types.Options;

namespace Platform.EventStoreDb.Tests;

public class SubscriptionTests
{
    private const string Prefix = "complaints.";
    private static readonly TimeSpan MinDelay = TimeSpan.FromMilliseconds(200);

    private static EventStoreDbEventStore StoreFor(FakeNode node, TimeProvider time) => new(
        EventStoreDbSettings.Parse(node.ConnectionString),
        new EventStoreDbOptions { ResubscribeMinDelay = MinDelay, ResubscribeMaxDelay = TimeSpan.FromSeconds(5) },
        time);

    private static Platform.BuildingBlocks.EventStore.EventStoreDb.Grpc.ReadResp Event(ulong position, string stream = "complaints.complaint-1", string type = "Thing.v1") =>
        Wire.Event(stream, 0, position, position, type);

    private static async Task<SubscriptionMessage> NextAsync(IAsyncEnumerator<SubscriptionMessage> subscription)
    {
        Assert.True(await subscription.MoveNextAsync());
        return subscription.Current;
    }

    private static void IsEventAt(ulong position, SubscriptionMessage message) =>
        Assert.Equal(GlobalPosition.Of(position), Assert.IsType<SubscriptionMessage.Event>(message).Recorded.Position);

    [Fact]
    public async Task Subscribes_to_all_from_the_checkpoint_with_the_prefix_filter_and_requires_leader()
    {
        await using var node = await FakeNode.StartAsync();
        node.OnRead = Wire.ThenHold(Wire.Confirmation(), Wire.CaughtUp());
        using var store = StoreFor(node, TimeProvider.System);
        using var cts = TestTimeout.Source();
        var subscription = store.SubscribeToAllAsync(new GlobalPosition(70, 60), Prefix, cts.Token).GetAsyncEnumerator();

        Assert.IsType<SubscriptionMessage.CaughtUp>(await NextAsync(subscription));

        var read = Assert.Single(node.Reads);
        var options = read.Request.Options;
        Assert.Equal(ReadOptions.CountOptionOneofCase.Subscription, options.CountOptionCase);
        Assert.Equal(70UL, options.All.Position.CommitPosition);
        Assert.Equal(60UL, options.All.Position.PreparePosition);
        Assert.Equal([Prefix], options.Filter.StreamIdentifier.Prefix);
        Assert.Equal(32U, options.Filter.Max);
        Assert.Equal(16U, options.Filter.CheckpointIntervalMultiplier);
        Assert.Equal(ReadOptions.Types.UUIDOption.ContentOneofCase.String, options.UuidOption.ContentCase);
        Assert.Equal(ReadOptions.Types.ReadDirection.Forwards, options.ReadDirection);
        Assert.Equal("true", read.Headers.GetValue("requires-leader"));
        await cts.CancelAsync();
        await subscription.DisposeAsync();
    }

    [Fact]
    public async Task Yields_events_new_checkpoints_and_caught_up_once_and_skips_system_events()
    {
        await using var node = await FakeNode.StartAsync();
        node.OnRead = Wire.ThenHold(
            Wire.Confirmation(),
            Event(100),
            Event(150, type: "$metadata"),
            Event(160, stream: "$$complaints.complaint-1"),
            Event(200),
            Wire.Checkpoint(200, 200),
            Wire.Checkpoint(300, 300),
            Wire.CaughtUp(),
            Event(400),
            new() { FellBehind = new() },
            Wire.CaughtUp(),
            Event(500));
        using var store = StoreFor(node, TimeProvider.System);
        using var cts = TestTimeout.Source();
        var subscription = store.SubscribeToAllAsync(null, Prefix, cts.Token).GetAsyncEnumerator();

        IsEventAt(100, await NextAsync(subscription));
        IsEventAt(200, await NextAsync(subscription));
        Assert.Equal(GlobalPosition.Of(300), Assert.IsType<SubscriptionMessage.Checkpoint>(await NextAsync(subscription)).Position);
        Assert.IsType<SubscriptionMessage.CaughtUp>(await NextAsync(subscription));
        IsEventAt(400, await NextAsync(subscription));
        IsEventAt(500, await NextAsync(subscription));

        Assert.Equal(ReadOptions.Types.AllOptions.AllOptionOneofCase.Start, Assert.Single(node.Reads).Request.Options.All.AllOptionCase);
        await cts.CancelAsync();
        await subscription.DisposeAsync();
    }

    [Fact]
    public async Task When_the_server_ends_the_stream_it_resubscribes_after_a_jittered_backoff_from_the_last_yielded_position()
    {
        await using var node = await FakeNode.StartAsync();
        node.ThenRead(Wire.ThenEnd(Wire.Confirmation(), Event(100), Event(200), Wire.Checkpoint(300, 300)))
            .ThenRead(Wire.ThenHold(Wire.Confirmation(), Event(200), Event(400), Wire.CaughtUp(), Event(500)));
        var time = new RecordingTimeProvider();
        using var store = StoreFor(node, time);
        using var cts = TestTimeout.Source();
        var subscription = store.SubscribeToAllAsync(null, Prefix, cts.Token).GetAsyncEnumerator();

        IsEventAt(100, await NextAsync(subscription));
        IsEventAt(200, await NextAsync(subscription));
        Assert.IsType<SubscriptionMessage.Checkpoint>(await NextAsync(subscription));
        var next = subscription.MoveNextAsync().AsTask();

        var backoff = await time.NextTimerAsync();
        Assert.InRange(backoff, MinDelay / 2, MinDelay);
        Assert.Single(node.Reads);
        time.Fake.Advance(backoff);

        Assert.True(await next);
        IsEventAt(400, subscription.Current);
        Assert.IsType<SubscriptionMessage.CaughtUp>(await NextAsync(subscription));
        IsEventAt(500, await NextAsync(subscription));
        Assert.Equal(300UL, node.Reads.Last().Request.Options.All.Position.CommitPosition);
        await cts.CancelAsync();
        await subscription.DisposeAsync();
    }

    [Fact]
    public async Task After_errors_the_backoff_grows_until_progress_and_nothing_is_lost_or_repeated()
    {
        await using var node = await FakeNode.StartAsync();
        var unavailable = new RpcException(new Status(StatusCode.Unavailable, "node restarting"));
        node.ThenRead(Wire.ThenFail(unavailable, Wire.Confirmation(), Event(100)))
            .ThenRead(Wire.ThenFail(unavailable))
            .ThenRead(Wire.ThenFail(unavailable, Wire.Confirmation(), Event(100), Event(200)))
            .ThenRead(Wire.ThenHold(Wire.Confirmation(), Event(200), Event(300), Wire.CaughtUp()));
        var time = new RecordingTimeProvider();
        using var store = StoreFor(node, time);
        using var cts = TestTimeout.Source();
        var subscription = store.SubscribeToAllAsync(null, Prefix, cts.Token).GetAsyncEnumerator();

        IsEventAt(100, await NextAsync(subscription));
        var next = subscription.MoveNextAsync().AsTask();

        var first = await time.NextTimerAsync();
        Assert.InRange(first, MinDelay / 2, MinDelay);
        time.Fake.Advance(first);
        var second = await time.NextTimerAsync();
        Assert.InRange(second, MinDelay, MinDelay * 2);
        time.Fake.Advance(second);

        Assert.True(await next);
        IsEventAt(200, subscription.Current);
        next = subscription.MoveNextAsync().AsTask();
        var afterProgress = await time.NextTimerAsync();
        Assert.InRange(afterProgress, MinDelay / 2, MinDelay);
        time.Fake.Advance(afterProgress);

        Assert.True(await next);
        IsEventAt(300, subscription.Current);
        Assert.IsType<SubscriptionMessage.CaughtUp>(await NextAsync(subscription));
        Assert.Equal(
            [null, 100UL, 100UL, 200UL],
            node.Reads.Select(r => r.Request.Options.All.AllOptionCase == ReadOptions.Types.AllOptions.AllOptionOneofCase.Position
                ? r.Request.Options.All.Position.CommitPosition
                : (ulong?)null));
        await cts.CancelAsync();
        await subscription.DisposeAsync();
    }

    [Fact]
    public async Task A_connection_torn_down_mid_subscription_is_resubscribed_without_duplicates()
    {
        await using var node = await FakeNode.StartAsync();
        node.ThenRead(async (_, writer, context) =>
            {
                await writer.WriteAsync(Wire.Confirmation());
                await writer.WriteAsync(Event(100));
                context.GetHttpContext().Abort();
            })
            .ThenRead(Wire.ThenHold(Wire.Confirmation(), Event(100), Event(200), Wire.CaughtUp()));
        var time = new RecordingTimeProvider();
        using var store = StoreFor(node, time);
        using var cts = TestTimeout.Source();
        var delivered = new List<SubscriptionMessage>();
        var subscription = store.SubscribeToAllAsync(null, Prefix, cts.Token).GetAsyncEnumerator();

        // Whether event 100 arrives before the abort depends on the transport; either way it arrives exactly once.
        using var stopWatching = new CancellationTokenSource();
        var next = subscription.MoveNextAsync().AsTask();
        var timer = time.NextTimerAsync(stopWatching.Token);
        while (true)
        {
            if (await Task.WhenAny(next, timer) == timer)
            {
                // No back-off timer yet is no failure: on a loaded machine the drop may take a keep-alive round to be
                // noticed. Keep watching; the test's own timeout bounds the wait.
                if (timer.IsCompletedSuccessfully) time.Fake.Advance(await timer);
                timer = time.NextTimerAsync(stopWatching.Token);
                continue;
            }
            Assert.True(await next);
            delivered.Add(subscription.Current);
            if (subscription.Current is SubscriptionMessage.CaughtUp) break;
            next = subscription.MoveNextAsync().AsTask();
        }

        Assert.Collection(delivered,
            m => IsEventAt(100, m),
            m => IsEventAt(200, m),
            m => Assert.IsType<SubscriptionMessage.CaughtUp>(m));
        Assert.Equal(2, node.Reads.Count);
        await stopWatching.CancelAsync();
        await cts.CancelAsync();
        await subscription.DisposeAsync();
    }

    [Fact]
    public async Task Cancelling_a_live_subscription_stops_it_and_closes_the_call()
    {
        await using var node = await FakeNode.StartAsync();
        node.OnRead = Wire.ThenHold(Wire.Confirmation(), Wire.CaughtUp());
        using var store = StoreFor(node, TimeProvider.System);
        using var cts = TestTimeout.Source();
        var subscription = store.SubscribeToAllAsync(null, Prefix, cts.Token).GetAsyncEnumerator();
        Assert.IsType<SubscriptionMessage.CaughtUp>(await NextAsync(subscription));
        var next = subscription.MoveNextAsync().AsTask();

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next);
        await Poll.UntilAsync(() => node.CancelledReads == 1);
        Assert.Single(node.Reads);
        await subscription.DisposeAsync();
    }

    [Fact]
    public async Task Cancelling_during_the_backoff_stops_it_without_resubscribing()
    {
        await using var node = await FakeNode.StartAsync();
        node.OnRead = Wire.ThenEnd(Wire.Confirmation());
        var time = new RecordingTimeProvider();
        using var store = StoreFor(node, time);
        using var cts = TestTimeout.Source();
        var subscription = store.SubscribeToAllAsync(null, Prefix, cts.Token).GetAsyncEnumerator();
        var next = subscription.MoveNextAsync().AsTask();
        await time.NextTimerAsync();

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next);
        Assert.Single(node.Reads);
        await subscription.DisposeAsync();
    }

    [Fact]
    public async Task Access_denied_ends_the_subscription_instead_of_retrying_forever()
    {
        await using var node = await FakeNode.StartAsync();
        node.OnRead = Wire.ThenFail(Wire.Refusal(StatusCode.PermissionDenied, "access-denied"));
        var time = new RecordingTimeProvider();
        using var store = StoreFor(node, time);
        using var cts = TestTimeout.Source();
        var subscription = store.SubscribeToAllAsync(null, Prefix, cts.Token).GetAsyncEnumerator();

        var error = await Assert.ThrowsAsync<EventStoreDbException>(async () => await subscription.MoveNextAsync());

        Assert.Equal("access-denied", error.Code);
        Assert.Single(node.Reads);
        Assert.Empty(time.Timers);
        await subscription.DisposeAsync();
    }

    [Fact]
    public async Task A_follower_answering_not_leader_sends_it_straight_to_the_leader()
    {
        await using var leader = await FakeNode.StartAsync();
        await using var follower = await FakeNode.StartAsync();
        follower.OnRead = Wire.ThenFail(Wire.NotLeader(leader));
        leader.OnRead = Wire.ThenHold(Wire.Confirmation(), Event(100), Wire.CaughtUp());
        var time = new RecordingTimeProvider();
        using var store = StoreFor(follower, time);
        using var cts = TestTimeout.Source();
        var subscription = store.SubscribeToAllAsync(GlobalPosition.Of(50), Prefix, cts.Token).GetAsyncEnumerator();

        IsEventAt(100, await NextAsync(subscription));

        Assert.Empty(time.Timers);
        Assert.Equal(leader.Endpoint, store.CurrentNode);
        var read = Assert.Single(leader.Reads);
        Assert.Equal(50UL, read.Request.Options.All.Position.CommitPosition);
        Assert.Equal("true", read.Headers.GetValue("requires-leader"));
        await cts.CancelAsync();
        await subscription.DisposeAsync();
    }
}
