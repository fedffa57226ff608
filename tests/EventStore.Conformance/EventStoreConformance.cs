using System.Collections.Concurrent;
using Platform.BuildingBlocks.EventStore;
using static Platform.EventStore.Conformance.Conformance;

namespace Platform.EventStore.Conformance;

/// <summary>
/// The guarantees every <see cref="IEventStore"/> adapter must keep. An adapter's test class derives
/// from this and says how to open its store; every test isolates itself with its own stream prefix,
/// so the underlying store may be shared between tests and hold other data.
/// </summary>
public abstract class EventStoreConformance
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    /// <summary>A new store instance over the same underlying data; calling it again simulates a process restart.</summary>
    protected abstract IEventStore OpenStore();

    /// <summary>Why this adapter cannot run here (e.g. no server configured), or null to run.</summary>
    protected virtual string? SkipReason => null;

    /// <summary>
    /// New, empty data, for the guarantees only a short log shows. Each test's own file for SQLite, whose data is
    /// already new per test; a new node for EventStoreDB.
    /// </summary>
    protected virtual Task<EmptyStore> CreateEmptyStoreAsync() => Task.FromResult(new EmptyStore(OpenStore));

    private IEventStore Open()
    {
        Skip.If(SkipReason is not null, SkipReason);
        return OpenStore();
    }

    private Task<EmptyStore> EmptyAsync()
    {
        Skip.If(SkipReason is not null, SkipReason);
        return CreateEmptyStoreAsync();
    }

    [SkippableFact]
    public async Task A_truncated_stream_reads_from_the_truncation_and_its_revisions_go_on()
    {
        var store = Open();
        var stream = NewPrefix() + "lease-1";
        await store.AppendAsync(stream, ExpectedRevision.NoStream, NewEvents(5));

        await store.TruncateBeforeAsync(stream, 3);

        Assert.Equal([3L, 4L], (await store.ReadStreamToListAsync(stream)).Select(e => e.StreamRevision));
        Assert.Equal([4L], (await store.ReadStreamToListAsync(stream, 4)).Select(e => e.StreamRevision));
        await Assert.ThrowsAsync<WrongExpectedRevisionException>(() => store.AppendAsync(stream, ExpectedRevision.Exactly(2), [NewEvent()]));
        var next = await store.AppendAsync(stream, ExpectedRevision.Exactly(4), [NewEvent("after")]);
        Assert.Equal(5, next.CurrentRevision);
        Assert.Equal([3L, 4L, 5L], (await store.ReadStreamToListAsync(stream)).Select(e => e.StreamRevision));
    }

    [SkippableFact]
    public async Task A_filtered_subscription_from_the_start_of_an_empty_store_delivers_every_later_append()
    {
        await using var empty = await EmptyAsync();
        var store = empty.Open();
        var prefix = NewPrefix();

        await using var probe = new SubscriptionProbe(store, null, prefix);
        await probe.UntilCaughtUpAsync([], Wait);
        var live = NewEvents(3, "live");
        foreach (var e in live)
        {
            await store.AppendAsync(NewPrefix() + "other-1", ExpectedRevision.Any, [NewEvent("other")]);
            await store.AppendAsync(prefix + "s-1", ExpectedRevision.Any, [e]);
        }
        var received = new List<RecordedEvent>();
        await probe.CollectAsync(received, 3, Wait);

        Assert.Equal(live.Select(e => e.EventId), received.Select(e => e.EventId));
        Assert.DoesNotContain(probe.Checkpoints, p => p.IsEnd);
        await DisposeStoreAsync(store);
    }

    [SkippableFact]
    public async Task A_filtered_subscription_on_a_short_log_delivers_later_appends_and_resumes_from_its_stored_checkpoint()
    {
        // Fewer events than any server checkpoint window, and none of them the subscriber's (a new service on a
        // node others already use): the catch-up ends at the end of the log without an event for the filter.
        await using var empty = await EmptyAsync();
        var prefix = NewPrefix();
        var first = empty.Open();
        for (var i = 0; i < 20; i++) await first.AppendAsync(NewPrefix() + "other-1", ExpectedRevision.Any, [NewEvent("other")]);

        var beforeRestart = new List<RecordedEvent>();
        GlobalPosition stored;
        await using (var probe = new SubscriptionProbe(first, null, prefix))
        {
            await probe.UntilCaughtUpAsync(beforeRestart, Wait);
            Assert.Empty(beforeRestart);
            var live = NewEvents(5, "live");
            foreach (var e in live) await first.AppendAsync(prefix + "s-2", ExpectedRevision.Any, [e]);
            await probe.CollectAsync(beforeRestart, 5, Wait);
            Assert.Equal(live.Select(e => e.EventId), beforeRestart.Select(e => e.EventId));
            Assert.DoesNotContain(probe.Checkpoints, p => p.IsEnd);
            stored = probe.LastPosition!.Value;
        }
        Assert.False(stored.IsEnd);
        await DisposeStoreAsync(first);

        var second = empty.Open();
        var whileDown = NewEvents(3, "while-down");
        foreach (var e in whileDown) await second.AppendAsync(prefix + "s-3", ExpectedRevision.Any, [e]);
        var afterRestart = new List<RecordedEvent>();
        await using (var probe = new SubscriptionProbe(second, stored, prefix))
        {
            await probe.UntilCaughtUpAsync(afterRestart, Wait);
            var tail = NewEvent("after-restart");
            await second.AppendAsync(prefix + "s-3", ExpectedRevision.Any, [tail]);
            await probe.CollectAsync(afterRestart, 4, Wait);
            Assert.Equal(whileDown.Append(tail).Select(e => e.EventId), afterRestart.Select(e => e.EventId));
            Assert.DoesNotContain(probe.Checkpoints, p => p.IsEnd);
        }
        await DisposeStoreAsync(second);
    }

    [SkippableFact]
    public async Task NoStream_on_an_existing_stream_is_rejected_and_appends_nothing()
    {
        var store = Open();
        var stream = NewPrefix() + "s-1";
        await store.AppendAsync(stream, ExpectedRevision.NoStream, NewEvents(2));

        var error = await Assert.ThrowsAsync<WrongExpectedRevisionException>(
            () => store.AppendAsync(stream, ExpectedRevision.NoStream, [NewEvent("late")]));

        Assert.Equal(stream, error.StreamId);
        Assert.Equal(1, error.ActualRevision);
        Assert.True(error.Expected.IsNoStream);
        Assert.Equal(2, (await store.ReadStreamToListAsync(stream)).Count);
    }

    [SkippableFact]
    public async Task Exactly_on_a_missing_stream_is_rejected_and_creates_nothing()
    {
        var store = Open();
        var prefix = NewPrefix();
        var stream = prefix + "s-1";

        var error = await Assert.ThrowsAsync<WrongExpectedRevisionException>(
            () => store.AppendAsync(stream, ExpectedRevision.Exactly(0), [NewEvent()]));

        Assert.Equal(-1, error.ActualRevision);
        Assert.Empty(await store.ReadStreamToListAsync(stream));
        Assert.Empty(await store.ReadAllToListAsync(prefix));
        // The failed append must not have left a stream behind that NoStream would trip over.
        var created = await store.AppendAsync(stream, ExpectedRevision.NoStream, [NewEvent()]);
        Assert.Equal(0, created.CurrentRevision);
    }

    [SkippableFact]
    public async Task Exactly_a_stale_revision_is_rejected_with_the_actual_revision_and_appends_nothing()
    {
        var store = Open();
        var stream = NewPrefix() + "s-1";
        await store.AppendAsync(stream, ExpectedRevision.NoStream, NewEvents(3));

        var error = await Assert.ThrowsAsync<WrongExpectedRevisionException>(
            () => store.AppendAsync(stream, ExpectedRevision.Exactly(1), NewEvents(2, "stale")));

        Assert.Equal(2, error.ActualRevision);
        Assert.Equal(1, error.Expected.Value);
        var events = await store.ReadStreamToListAsync(stream);
        Assert.Equal([0L, 1L, 2L], events.Select(e => e.StreamRevision));
        Assert.DoesNotContain(events, e => PayloadOf(e).Contains("stale"));
    }

    [SkippableFact]
    public async Task A_revision_ahead_of_the_stream_is_rejected()
    {
        var store = Open();
        var stream = NewPrefix() + "s-1";
        await store.AppendAsync(stream, ExpectedRevision.NoStream, NewEvents(1));

        var error = await Assert.ThrowsAsync<WrongExpectedRevisionException>(
            () => store.AppendAsync(stream, ExpectedRevision.Exactly(5), [NewEvent()]));

        Assert.Equal(0, error.ActualRevision);
        Assert.Single(await store.ReadStreamToListAsync(stream));
    }

    [SkippableFact]
    public async Task StreamExists_on_a_missing_stream_is_rejected_and_creates_nothing()
    {
        var store = Open();
        var prefix = NewPrefix();
        var stream = prefix + "s-1";

        var error = await Assert.ThrowsAsync<WrongExpectedRevisionException>(
            () => store.AppendAsync(stream, ExpectedRevision.StreamExists, [NewEvent()]));

        Assert.Equal(-1, error.ActualRevision);
        Assert.True(error.Expected.IsStreamExists);
        Assert.Empty(await store.ReadStreamToListAsync(stream));
        Assert.Empty(await store.ReadAllToListAsync(prefix));
    }

    [SkippableFact]
    public async Task Matching_expectations_succeed_in_every_form()
    {
        var store = Open();
        var stream = NewPrefix() + "s-1";

        Assert.Equal(0, (await store.AppendAsync(stream, ExpectedRevision.NoStream, [NewEvent()])).CurrentRevision);
        Assert.Equal(1, (await store.AppendAsync(stream, ExpectedRevision.Exactly(0), [NewEvent()])).CurrentRevision);
        Assert.Equal(3, (await store.AppendAsync(stream, ExpectedRevision.StreamExists, NewEvents(2))).CurrentRevision);
        Assert.Equal(3, await store.CurrentRevisionAsync(stream));
    }

    [SkippableFact]
    public async Task Any_always_succeeds_on_missing_and_existing_streams()
    {
        var store = Open();
        var stream = NewPrefix() + "s-1";

        var first = await store.AppendAsync(stream, ExpectedRevision.Any, [NewEvent()]);
        var second = await store.AppendAsync(stream, ExpectedRevision.Any, NewEvents(2));

        Assert.Equal(0, first.CurrentRevision);
        Assert.Equal(2, second.CurrentRevision);
        Assert.Equal([0L, 1L, 2L], (await store.ReadStreamToListAsync(stream)).Select(e => e.StreamRevision));
    }

    [SkippableFact]
    public async Task A_multi_event_append_is_atomic_and_reads_back_contiguous()
    {
        var store = Open();
        var prefix = NewPrefix();
        var stream = prefix + "batch";
        var other = prefix + "other";

        // Another writer in the same prefix runs alongside, so interleaving would show in the global log.
        using var stop = new CancellationTokenSource();
        var noise = Task.Run(async () =>
        {
            var written = 0;
            while (!stop.IsCancellationRequested && written < 500)
            {
                await store.AppendAsync(other, ExpectedRevision.Any, [NewEvent()]);
                written++;
            }
        });
        var batches = new List<(AppendResult Result, EventData[] Events)>();
        for (var i = 0; i < 10; i++)
        {
            var events = NewEvents(5, $"b{i}-");
            batches.Add((await store.AppendAsync(stream, ExpectedRevision.Any, events), events));
        }
        await stop.CancelAsync();
        await noise;

        var read = await store.ReadStreamToListAsync(stream);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => (long)i), read.Select(e => e.StreamRevision));
        Assert.Equal(batches.SelectMany(b => b.Events).Select(e => e.EventId), read.Select(e => e.EventId));

        var all = await store.ReadAllToListAsync(prefix);
        AssertStrictlyIncreasing(all);
        foreach (var (result, events) in batches)
        {
            var index = all.FindIndex(e => e.EventId == events[0].EventId);
            Assert.True(index >= 0);
            Assert.Equal(events.Select(e => e.EventId), all.Skip(index).Take(events.Length).Select(e => e.EventId));
            Assert.Equal(result.Position, all[index + events.Length - 1].Position);
            Assert.Equal(all[index + events.Length - 1].StreamRevision, result.CurrentRevision);
        }
    }

    [SkippableFact]
    public async Task Events_read_back_with_their_id_type_data_and_metadata()
    {
        var store = Open();
        var stream = NewPrefix() + "s-1";
        var sent = new EventData(Guid.NewGuid(), "Something.v2", "{\"a\":1,\"text\":\"物业\"}"u8.ToArray(), "{\"m\":true}"u8.ToArray());

        var result = await store.AppendAsync(stream, ExpectedRevision.NoStream, [sent]);

        var read = Assert.Single(await store.ReadStreamToListAsync(stream));
        Assert.Equal(stream, read.StreamId);
        Assert.Equal(0, read.StreamRevision);
        Assert.Equal(sent.EventId, read.EventId);
        Assert.Equal(sent.EventType, read.EventType);
        Assert.Equal(sent.Data, read.Data);
        Assert.Equal(sent.Metadata, read.Metadata);
        Assert.Equal(result.Position, read.Position);
        Assert.True(Math.Abs((DateTimeOffset.UtcNow - read.Created).TotalMinutes) < 10, $"created {read.Created} is not about now");
    }

    [SkippableFact]
    public async Task A_missing_stream_reads_as_empty()
    {
        var store = Open();

        Assert.Empty(await store.ReadStreamToListAsync(NewPrefix() + "never-written"));
        Assert.Empty(await store.ReadStreamToListAsync(NewPrefix() + "never-written", from: 5));
    }

    [SkippableFact]
    public async Task A_stream_reads_forwards_from_a_revision()
    {
        var store = Open();
        var stream = NewPrefix() + "s-1";
        var events = NewEvents(1200);
        for (var i = 0; i < events.Length; i += 100)
            await store.AppendAsync(stream, ExpectedRevision.Any, events[i..(i + 100)]);

        var fromStart = await store.ReadStreamToListAsync(stream);
        var fromMiddle = await store.ReadStreamToListAsync(stream, from: 700);
        var pastEnd = await store.ReadStreamToListAsync(stream, from: 1200);

        Assert.Equal(events.Select(e => e.EventId), fromStart.Select(e => e.EventId));
        Assert.Equal(Enumerable.Range(700, 500).Select(i => (long)i), fromMiddle.Select(e => e.StreamRevision));
        Assert.Equal(events[700].EventId, fromMiddle[0].EventId);
        Assert.Empty(pastEnd);
    }

    [SkippableFact]
    public async Task ReadAll_keeps_only_the_prefix_and_starts_strictly_after_the_given_position()
    {
        var store = Open();
        var prefix = NewPrefix();
        var otherPrefix = NewPrefix();
        var mine = new List<Guid>();
        for (var i = 0; i < 30; i++)
        {
            var e = NewEvent();
            mine.Add(e.EventId);
            await store.AppendAsync($"{prefix}s-{i % 3}", ExpectedRevision.Any, [e]);
            await store.AppendAsync($"{otherPrefix}s-{i % 3}", ExpectedRevision.Any, [NewEvent()]);
        }
        // A stream whose name merely contains the prefix later on is not in it.
        await store.AppendAsync("x" + prefix + "s-0", ExpectedRevision.Any, [NewEvent()]);

        var all = await store.ReadAllToListAsync(prefix);
        Assert.Equal(mine, all.Select(e => e.EventId));
        Assert.All(all, e => Assert.StartsWith(prefix, e.StreamId, StringComparison.Ordinal));

        var afterTenth = await store.ReadAllToListAsync(prefix, after: all[9].Position);
        Assert.Equal(mine.Skip(10), afterTenth.Select(e => e.EventId));

        var limited = await store.ReadAllToListAsync(prefix, after: all[9].Position, maxCount: 5);
        Assert.Equal(mine.Skip(10).Take(5), limited.Select(e => e.EventId));

        Assert.Empty(await store.ReadAllToListAsync(prefix, after: all[^1].Position));
    }

    [SkippableFact]
    public async Task Global_order_matches_commit_order()
    {
        var store = Open();
        var prefix = NewPrefix();
        var committed = new List<(Guid Id, GlobalPosition Position)>();
        for (var i = 0; i < 40; i++)
        {
            var e = NewEvent();
            var result = await store.AppendAsync($"{prefix}s-{i % 4}", ExpectedRevision.Any, [e]);
            committed.Add((e.EventId, result.Position));
        }

        var all = await store.ReadAllToListAsync(prefix);

        Assert.Equal(committed.Select(c => c.Id), all.Select(e => e.EventId));
        Assert.Equal(committed.Select(c => c.Position), all.Select(e => e.Position));
        AssertStrictlyIncreasing(all);
    }

    [SkippableFact]
    public async Task A_subscription_delivers_history_then_caught_up_then_live_appends()
    {
        var store = Open();
        var prefix = NewPrefix();
        var history = NewEvents(5);
        foreach (var e in history) await store.AppendAsync(prefix + "s-1", ExpectedRevision.Any, [e]);

        await using var probe = new SubscriptionProbe(store, null, prefix);
        var received = new List<RecordedEvent>();
        await probe.UntilCaughtUpAsync(received, Wait);
        Assert.Equal(history.Select(e => e.EventId), received.Select(e => e.EventId));

        var live = NewEvents(3, "live");
        await store.AppendAsync(prefix + "s-2", ExpectedRevision.Any, live[..2]);
        await store.AppendAsync(prefix + "s-1", ExpectedRevision.Any, live[2..]);
        var liveReceived = new List<RecordedEvent>();
        await probe.CollectAsync(liveReceived, 3, Wait);

        Assert.Equal(live.Select(e => e.EventId), liveReceived.Select(e => e.EventId));
        AssertStrictlyIncreasing([.. received, .. liveReceived]);
    }

    [SkippableFact]
    public async Task A_subscription_resumes_after_a_restart_from_its_checkpoint_without_loss_or_duplicates()
    {
        var prefix = NewPrefix();
        var expected = new List<Guid>();
        var first = Open();
        for (var i = 0; i < 10; i++)
        {
            var e = NewEvent($"a{i}");
            expected.Add(e.EventId);
            await first.AppendAsync($"{prefix}s-{i % 2}", ExpectedRevision.Any, [e]);
        }

        var beforeRestart = new List<RecordedEvent>();
        await using (var probe = new SubscriptionProbe(first, null, prefix))
            await probe.CollectAsync(beforeRestart, 6, Wait);
        var checkpoint = beforeRestart[5].Position;
        await DisposeStoreAsync(first);

        var second = Open();
        for (var i = 10; i < 20; i++)
        {
            var e = NewEvent($"a{i}");
            expected.Add(e.EventId);
            await second.AppendAsync($"{prefix}s-{i % 2}", ExpectedRevision.Any, [e]);
        }
        var afterRestart = new List<RecordedEvent>();
        await using (var probe = new SubscriptionProbe(second, checkpoint, prefix))
        {
            await probe.UntilCaughtUpAsync(afterRestart, Wait);
            var tail = NewEvent("after-caught-up");
            expected.Add(tail.EventId);
            await second.AppendAsync(prefix + "s-0", ExpectedRevision.Any, [tail]);
            await probe.CollectAsync(afterRestart, 15, Wait);
        }
        await DisposeStoreAsync(second);

        Assert.Equal(expected, beforeRestart.Take(6).Concat(afterRestart).Select(e => e.EventId));
        AssertStrictlyIncreasing([.. beforeRestart.Take(6), .. afterRestart]);
    }

    [SkippableFact]
    public async Task Fifty_concurrent_writers_on_different_streams_all_land()
    {
        var store = Open();
        var prefix = NewPrefix();
        const int writers = 50, perWriter = 10;

        var ids = new ConcurrentBag<Guid>();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var stream = $"{prefix}w-{w}";
            for (var i = 0; i < perWriter; i++)
            {
                var e = NewEvent($"{w}-{i}");
                await store.AppendAsync(stream, i == 0 ? ExpectedRevision.NoStream : ExpectedRevision.Exactly(i - 1), [e]);
                ids.Add(e.EventId);
            }
        })));

        var all = await store.ReadAllToListAsync(prefix);
        Assert.Equal(writers * perWriter, all.Count);
        Assert.Equal(ids.Order(), all.Select(e => e.EventId).Order());
        AssertStrictlyIncreasing(all);
        AssertContiguousRevisions(all);
    }

    [SkippableFact]
    public async Task Fifty_concurrent_writers_on_one_stream_see_conflicts_and_retrying_loses_nothing()
    {
        var store = Open();
        var prefix = NewPrefix();
        var stream = prefix + "contended";
        const int writers = 50;

        // Every writer reads the same (missing) revision before any of them appends, so all but one must conflict.
        using var allRead = new CountdownEvent(writers);
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var conflicts = 0;
        var ids = new ConcurrentBag<Guid>();
        var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var e = NewEvent($"w{w}");
            var revision = await store.CurrentRevisionAsync(stream);
            allRead.Signal();
            await go.Task;
            while (true)
            {
                try
                {
                    await store.AppendAsync(stream, ExpectedRevision.FromCurrent(revision), [e]);
                    ids.Add(e.EventId);
                    return;
                }
                catch (WrongExpectedRevisionException conflict)
                {
                    Assert.Equal(stream, conflict.StreamId);
                    Assert.True(conflict.ActualRevision > revision, "a conflict reports a revision newer than the one read");
                    Interlocked.Increment(ref conflicts);
                    revision = await store.CurrentRevisionAsync(stream);
                }
            }
        })).ToArray();
        Assert.True(allRead.Wait(Wait), "all writers read the stream");
        go.SetResult();
        await Task.WhenAll(tasks);

        var read = await store.ReadStreamToListAsync(stream);
        Assert.True(conflicts >= writers - 1, $"expected at least {writers - 1} conflicts, saw {conflicts}");
        Assert.Equal(Enumerable.Range(0, writers).Select(i => (long)i), read.Select(e => e.StreamRevision));
        Assert.Equal(ids.Order(), read.Select(e => e.EventId).Order());
        Assert.Equal(writers, read.Select(e => e.EventId).Distinct().Count());
    }

    [SkippableFact]
    public async Task Catch_up_over_100000_events_while_appends_continue_sees_each_event_once_in_order()
    {
        var store = Open();
        var prefix = NewPrefix();
        const int history = 100_000, batch = 1_000, live = 2_000;

        var ids = new HashSet<Guid>();
        for (var i = 0; i < history; i += batch)
        {
            var events = NewEvents(batch);
            foreach (var e in events) ids.Add(e.EventId);
            await store.AppendAsync($"{prefix}h-{i / batch % 20}", ExpectedRevision.Any, events);
        }

        await using var probe = new SubscriptionProbe(store, null, prefix);
        var writer = Task.Run(async () =>
        {
            var written = new List<Guid>();
            for (var i = 0; i < live; i += 10)
            {
                var events = NewEvents(10, "live");
                await store.AppendAsync($"{prefix}live-{i % 7}", ExpectedRevision.Any, events);
                written.AddRange(events.Select(e => e.EventId));
            }
            return written;
        });

        var received = new List<RecordedEvent>(history + live);
        await probe.CollectAsync(received, history + live, TimeSpan.FromMinutes(5));
        ids.UnionWith(await writer);

        Assert.Equal(history + live, received.Count);
        Assert.Equal(history + live, received.Select(e => e.EventId).Distinct().Count());
        Assert.True(ids.SetEquals(received.Select(e => e.EventId)), "the subscription saw exactly the appended events");
        AssertStrictlyIncreasing(received);
    }

    [SkippableFact]
    public async Task A_filtered_subscription_advances_past_long_runs_of_other_prefixes()
    {
        var store = Open();
        var prefix = NewPrefix();
        var otherPrefix = NewPrefix();
        var start = await store.AppendAsync(prefix + "s-1", ExpectedRevision.Any, [NewEvent("first")]);
        var historyMidpoint = await AppendRunAsync(store, otherPrefix, 5_000);

        // A consumer that stores checkpoints must not stay parked at its last event while others' events stream past.
        await using var probe = new SubscriptionProbe(store, start.Position, prefix);
        await AdvancePastAsync(probe, historyMidpoint);

        var liveMidpoint = await AppendRunAsync(store, otherPrefix, 5_000);
        await AdvancePastAsync(probe, liveMidpoint);

        var last = NewEvent("last");
        await store.AppendAsync(prefix + "s-1", ExpectedRevision.Any, [last]);
        var received = new List<RecordedEvent>();
        await probe.CollectAsync(received, 1, Wait);
        Assert.Equal(last.EventId, received[0].EventId);
    }

    /// <summary>Appends a run of events under a prefix and returns the position halfway through it.</summary>
    private static async Task<GlobalPosition> AppendRunAsync(IEventStore store, string prefix, int count)
    {
        GlobalPosition midpoint = default;
        for (var i = 0; i < count; i += 100)
        {
            var result = await store.AppendAsync($"{prefix}noise-{i % 10}", ExpectedRevision.Any, NewEvents(100));
            if (i < count / 2) midpoint = result.Position;
        }
        return midpoint;
    }

    /// <summary>Reads messages until a checkpoint reaches <paramref name="target"/>; any event here would be another prefix's.</summary>
    private static async Task AdvancePastAsync(SubscriptionProbe probe, GlobalPosition target)
    {
        var deadline = DateTime.UtcNow + Wait;
        var highest = default(GlobalPosition);
        while (highest < target)
        {
            SubscriptionMessage message;
            try
            {
                message = await probe.NextAsync(SubscriptionProbe.Remaining(deadline));
            }
            catch (TimeoutException)
            {
                Assert.Fail($"the subscription reported nothing past {highest}; the other prefix's run passed {target}");
                throw;
            }
            switch (message)
            {
                case SubscriptionMessage.Checkpoint c when c.Position > highest:
                    highest = c.Position;
                    break;
                case SubscriptionMessage.Event e:
                    Assert.Fail($"an event of stream {e.Recorded.StreamId} passed the filter");
                    break;
            }
        }
    }
}
