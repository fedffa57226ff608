using System.Text;
using Grpc.Core;
using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.EventStore.EventStoreDb;
using Platform.BuildingBlocks.EventStore.EventStoreDb.Grpc;
using Xunit;
using ReadOptions = Platform.BuildingBlocks.EventStore.EventStoreDb.Grpc.ReadReq.Types.Options;

namespace Platform.EventStoreDb.Tests;

public class ReadTests
{
    private const string Stream = "complaints.complaint-1";

    private static EventStoreDbEventStore StoreFor(FakeNode node) => new(EventStoreDbSettings.Parse(node.ConnectionString));

    private static async Task<List<RecordedEvent>> ListAsync(IAsyncEnumerable<RecordedEvent> events)
    {
        var list = new List<RecordedEvent>();
        await foreach (var e in events) list.Add(e);
        return list;
    }

    [Fact]
    public async Task Reads_a_stream_forwards_and_maps_every_field()
    {
        await using var node = await FakeNode.StartAsync();
        var id = Guid.NewGuid();
        var created = new DateTimeOffset(2026, 3, 1, 8, 30, 0, TimeSpan.Zero);
        node.OnRead = Wire.ThenEnd(
            Wire.Event(Stream, 3, 1200, 1100, "ComplaintAssigned.v1", id, "{\"a\":1}", "{\"m\":2}", (created - DateTimeOffset.UnixEpoch).Ticks),
            Wire.Event(Stream, 4, 1300, 1300),
            new ReadResp { LastStreamPosition = 4 });
        using var store = StoreFor(node);

        var events = await ListAsync(store.ReadStreamAsync(Stream, fromRevision: 3));

        Assert.Equal(2, events.Count);
        var first = events[0];
        Assert.Equal(Stream, first.StreamId);
        Assert.Equal(3, first.StreamRevision);
        Assert.Equal(new GlobalPosition(1200, 1100), first.Position);
        Assert.Equal(id, first.EventId);
        Assert.Equal("ComplaintAssigned.v1", first.EventType);
        Assert.Equal("{\"a\":1}", Encoding.UTF8.GetString(first.Data));
        Assert.Equal("{\"m\":2}", Encoding.UTF8.GetString(first.Metadata));
        Assert.Equal(created, first.Created);
        Assert.Equal(4, events[1].StreamRevision);

        var read = Assert.Single(node.Reads);
        var options = read.Request.Options;
        Assert.Equal(ReadOptions.StreamOptionOneofCase.Stream, options.StreamOptionCase);
        Assert.Equal(Stream, options.Stream.StreamIdentifier.StreamName.ToStringUtf8());
        Assert.Equal(3UL, options.Stream.Revision);
        Assert.Equal(ReadOptions.Types.ReadDirection.Forwards, options.ReadDirection);
        Assert.False(options.ResolveLinks);
        Assert.Equal((ulong)long.MaxValue, options.Count);
        Assert.Equal(ReadOptions.FilterOptionOneofCase.NoFilter, options.FilterOptionCase);
        Assert.Equal(ReadOptions.Types.UUIDOption.ContentOneofCase.String, options.UuidOption.ContentCase);
        Assert.Equal(1U, options.ControlOption.Compatibility);
        Assert.Equal("true", read.Headers.GetValue("requires-leader"));
    }

    [Fact]
    public async Task A_structured_uuid_is_read_as_the_same_guid()
    {
        await using var node = await FakeNode.StartAsync();
        var id = Guid.Parse("0193a1b2-c3d4-7e5f-8a6b-1c2d3e4f5a6b");
        var structured = Wire.Event(Stream, 0, 1, 1);
        structured.Event.Event.Id = new UUID
        {
            Structured = new UUID.Types.Structured
            {
                MostSignificantBits = unchecked((long)0x0193a1b2c3d47e5fUL),
                LeastSignificantBits = unchecked((long)0x8a6b1c2d3e4f5a6bUL),
            },
        };
        node.OnRead = Wire.ThenEnd(structured);
        using var store = StoreFor(node);

        var recorded = Assert.Single(await ListAsync(store.ReadStreamAsync(Stream)));

        Assert.Equal(id, recorded.EventId);
    }

    [Fact]
    public async Task A_missing_stream_reads_as_empty()
    {
        await using var node = await FakeNode.StartAsync();
        node.OnRead = Wire.ThenEnd(Wire.StreamNotFound(Stream));
        using var store = StoreFor(node);

        Assert.Empty(await ListAsync(store.ReadStreamAsync(Stream)));
    }

    [Fact]
    public async Task A_tombstoned_stream_is_StreamDeletedException()
    {
        await using var node = await FakeNode.StartAsync();
        node.OnRead = Wire.ThenFail(Wire.Refusal(StatusCode.FailedPrecondition, "stream-deleted"));
        using var store = StoreFor(node);

        var error = await Assert.ThrowsAsync<StreamDeletedException>(() => ListAsync(store.ReadStreamAsync(Stream)));

        Assert.Equal(Stream, error.StreamId);
    }

    [Fact]
    public async Task A_failure_after_events_have_flowed_is_not_retried()
    {
        await using var node = await FakeNode.StartAsync();
        node.OnRead = Wire.ThenFail(new RpcException(new Status(StatusCode.Unavailable, "gone")), Wire.Event(Stream, 0, 1, 1));
        using var store = StoreFor(node);
        var seen = new List<RecordedEvent>();

        var error = await Assert.ThrowsAsync<EventStoreDbException>(async () =>
        {
            await foreach (var e in store.ReadStreamAsync(Stream)) seen.Add(e);
        });

        Assert.Equal("unavailable", error.Code);
        Assert.Single(seen);
        Assert.Single(node.Reads);
    }

    [Fact]
    public async Task Cancelling_a_read_throws_OperationCanceledException()
    {
        await using var node = await FakeNode.StartAsync();
        node.OnRead = Wire.ThenHold(Wire.Event(Stream, 0, 1, 1));
        using var store = StoreFor(node);
        using var cts = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in store.ReadStreamAsync(Stream, 0, cts.Token)) cts.Cancel();
        });
        await Poll.UntilAsync(() => node.CancelledReads == 1);
    }

    [Fact]
    public async Task ReadAll_sends_the_position_and_a_server_side_prefix_filter()
    {
        await using var node = await FakeNode.StartAsync();
        using var store = StoreFor(node);

        await ListAsync(store.ReadAllAsync(new GlobalPosition(500, 400), "complaints.", 10));

        var options = Assert.Single(node.Reads).Request.Options;
        Assert.Equal(ReadOptions.StreamOptionOneofCase.All, options.StreamOptionCase);
        Assert.Equal(500UL, options.All.Position.CommitPosition);
        Assert.Equal(400UL, options.All.Position.PreparePosition);
        Assert.Equal(11UL, options.Count);
        Assert.Equal(ReadOptions.FilterOptionOneofCase.Filter, options.FilterOptionCase);
        Assert.Equal(ReadOptions.Types.FilterOptions.FilterOneofCase.StreamIdentifier, options.Filter.FilterCase);
        Assert.Equal(["complaints."], options.Filter.StreamIdentifier.Prefix);
        Assert.NotEqual(0U, options.Filter.Max);
        Assert.NotEqual(0U, options.Filter.CheckpointIntervalMultiplier);
        Assert.Equal(ReadOptions.Types.UUIDOption.ContentOneofCase.String, options.UuidOption.ContentCase);
        Assert.Equal(ReadOptions.Types.ReadDirection.Forwards, options.ReadDirection);
    }

    [Fact]
    public async Task ReadAll_from_the_beginning_starts_at_start_and_an_empty_prefix_sends_no_filter()
    {
        await using var node = await FakeNode.StartAsync();
        using var store = StoreFor(node);

        await ListAsync(store.ReadAllAsync(null, "", 5));

        var options = Assert.Single(node.Reads).Request.Options;
        Assert.Equal(ReadOptions.Types.AllOptions.AllOptionOneofCase.Start, options.All.AllOptionCase);
        Assert.Equal(ReadOptions.FilterOptionOneofCase.NoFilter, options.FilterOptionCase);
    }

    [Fact]
    public async Task ReadAll_skips_the_event_at_the_after_position_and_system_events()
    {
        await using var node = await FakeNode.StartAsync();
        var log = new FakeLog(
            Wire.Event("complaints.complaint-1", 0, 100, 100),
            Wire.Event("complaints.complaint-1", 1, 200, 190),
            Wire.Event("complaints.complaint-2", 0, 300, 300, type: "$metadata"),
            Wire.Event("complaints.complaint-1", 2, 400, 400, type: "$streamDeleted"),
            Wire.Event("complaints.complaint-3", 0, 500, 500),
            Wire.Event("complaints.complaint-3", 1, 600, 600));
        node.OnRead = log.Serve;
        using var store = StoreFor(node);

        var events = await ListAsync(store.ReadAllAsync(new GlobalPosition(200, 190), "complaints.", 10));

        Assert.Equal([new GlobalPosition(500, 500), new GlobalPosition(600, 600)], events.Select(e => e.Position));
    }

    [Fact]
    public async Task ReadAll_skips_system_streams_when_reading_everything()
    {
        await using var node = await FakeNode.StartAsync();
        node.OnRead = new FakeLog(
            Wire.Event("$$complaints.complaint-1", 0, 100, 100, type: "$metadata"),
            Wire.Event("$ce-complaints", 0, 200, 200, type: "$>"),
            Wire.Event("$stats-127.0.0.1:2113", 0, 300, 300, type: "$statsCollected"),
            Wire.Event("complaints.complaint-1", 0, 400, 400)).Serve;
        using var store = StoreFor(node);

        var events = await ListAsync(store.ReadAllAsync(null, "", 10));

        Assert.Equal(["complaints.complaint-1"], events.Select(e => e.StreamId));
    }

    [Fact]
    public async Task ReadAll_reads_on_when_skipped_events_leave_it_short_and_stops_at_max_count()
    {
        await using var node = await FakeNode.StartAsync();
        node.OnRead = new FakeLog(
            Wire.Event("complaints.a", 0, 100, 100),
            Wire.Event("complaints.a", 1, 200, 200, type: "$metadata"),
            Wire.Event("complaints.a", 2, 300, 300, type: "$metadata"),
            Wire.Event("complaints.a", 3, 400, 400, type: "$metadata"),
            Wire.Event("complaints.b", 0, 500, 500),
            Wire.Event("complaints.c", 0, 600, 600),
            Wire.Event("complaints.d", 0, 700, 700)).Serve;
        using var store = StoreFor(node);

        var events = await ListAsync(store.ReadAllAsync(GlobalPosition.Of(100), "complaints.", 2));

        Assert.Equal([GlobalPosition.Of(500), GlobalPosition.Of(600)], events.Select(e => e.Position));
        Assert.Equal([100UL, 300UL, 500UL], node.Reads.Select(r => r.Request.Options.All.Position.CommitPosition));
        Assert.Equal([3UL, 3UL, 2UL], node.Reads.Select(r => r.Request.Options.Count));
    }

    [Fact]
    public async Task ReadAll_of_zero_events_asks_nothing()
    {
        await using var node = await FakeNode.StartAsync();
        using var store = StoreFor(node);

        Assert.Empty(await ListAsync(store.ReadAllAsync(null, "complaints.", 0)));
        Assert.Empty(node.Reads);
    }
}

/// <summary>A scripted $all: answers bounded reads as the server does (inclusive start, prefix filter, count).</summary>
public sealed class FakeLog(params ReadResp[] events)
{
    public async Task Serve(ReadReq request, IServerStreamWriter<ReadResp> writer, ServerCallContext context)
    {
        var options = request.Options;
        var from = options.All.AllOptionCase == ReadOptions.Types.AllOptions.AllOptionOneofCase.Position
            ? new GlobalPosition(options.All.Position.CommitPosition, options.All.Position.PreparePosition)
            : new GlobalPosition(0, 0);
        var prefixes = options.FilterOptionCase == ReadOptions.FilterOptionOneofCase.Filter
            ? options.Filter.StreamIdentifier.Prefix.ToList()
            : null;
        var sent = 0UL;
        foreach (var e in events)
        {
            var recorded = e.Event.Event;
            if (new GlobalPosition(recorded.CommitPosition, recorded.PreparePosition) < from) continue;
            var stream = recorded.StreamIdentifier.StreamName.ToStringUtf8();
            if (prefixes is not null && !prefixes.Any(p => stream.StartsWith(p, StringComparison.Ordinal))) continue;
            if (sent++ == options.Count) break;
            await writer.WriteAsync(e, context.CancellationToken);
        }
    }
}
