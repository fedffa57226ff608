using System.Text;
using Grpc.Core;
using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.EventStore.EventStoreDb;
using Platform.BuildingBlocks.EventStore.EventStoreDb.Grpc;
using Xunit;

namespace Platform.EventStoreDb.Tests;

public class AppendTests
{
    private const string Stream = "complaints.complaint-1";

    private static EventData Data(string type = "ComplaintRegistered.v1") => new(
        Guid.NewGuid(), type, Encoding.UTF8.GetBytes("{\"id\":1}"), Encoding.UTF8.GetBytes("{\"correlationId\":\"c-1\"}"));

    private static EventStoreDbEventStore StoreFor(params FakeNode[] nodes) => new(EventStoreDbSettings.Parse(
        $"esdb://{string.Join(',', nodes.Select(n => $"127.0.0.1:{n.Port}"))}?tls=false"));

    [Fact]
    public async Task Sends_options_then_each_event_with_type_content_type_and_our_metadata()
    {
        await using var node = await FakeNode.StartAsync();
        node.OnAppend = (_, _) => new AppendResp
        {
            Success = new AppendResp.Types.Success
            {
                CurrentRevision = 6,
                Position = new AppendResp.Types.Position { CommitPosition = 900, PreparePosition = 850 },
            },
        };
        using var store = StoreFor(node);
        var first = Data();
        var second = Data("ComplaintAssigned.v1");

        var result = await store.AppendAsync(Stream, ExpectedRevision.Exactly(4), [first, second]);

        Assert.Equal(new AppendResult(6, new GlobalPosition(900, 850)), result);
        var append = Assert.Single(node.Appends);
        Assert.Equal(Stream, append.Options.StreamIdentifier.StreamName.ToStringUtf8());
        Assert.Equal(AppendReq.Types.Options.ExpectedStreamRevisionOneofCase.Revision, append.Options.ExpectedStreamRevisionCase);
        Assert.Equal(4UL, append.Options.Revision);
        Assert.Collection(append.Events,
            e => AssertProposed(first, e),
            e => AssertProposed(second, e));
        Assert.Equal("true", append.Headers.GetValue("requires-leader"));
    }

    private static void AssertProposed(EventData expected, AppendReq.Types.ProposedMessage actual)
    {
        Assert.Equal(UUID.ValueOneofCase.String, actual.Id.ValueCase);
        Assert.Equal(expected.EventId, Guid.Parse(actual.Id.String));
        Assert.Equal(expected.EventType, actual.Metadata["type"]);
        Assert.Equal("application/json", actual.Metadata["content-type"]);
        Assert.Equal(expected.Metadata, actual.CustomMetadata.ToByteArray());
        Assert.Equal(expected.Data, actual.Data.ToByteArray());
    }

    public static TheoryData<string, AppendReq.Types.Options.ExpectedStreamRevisionOneofCase> ExpectedForms => new()
    {
        { "any", AppendReq.Types.Options.ExpectedStreamRevisionOneofCase.Any },
        { "no-stream", AppendReq.Types.Options.ExpectedStreamRevisionOneofCase.NoStream },
        { "stream-exists", AppendReq.Types.Options.ExpectedStreamRevisionOneofCase.StreamExists },
        { "0", AppendReq.Types.Options.ExpectedStreamRevisionOneofCase.Revision },
    };

    private static ExpectedRevision Parse(string form) => form switch
    {
        "any" => ExpectedRevision.Any,
        "no-stream" => ExpectedRevision.NoStream,
        "stream-exists" => ExpectedRevision.StreamExists,
        _ => ExpectedRevision.Exactly(long.Parse(form)),
    };

    [Theory]
    [MemberData(nameof(ExpectedForms))]
    public async Task Each_expected_revision_form_goes_in_its_own_oneof_case(
        string form, AppendReq.Types.Options.ExpectedStreamRevisionOneofCase expectedCase)
    {
        await using var node = await FakeNode.StartAsync();
        using var store = StoreFor(node);

        await store.AppendAsync(Stream, Parse(form), [Data()]);

        var append = Assert.Single(node.Appends);
        Assert.Equal(expectedCase, append.Options.ExpectedStreamRevisionCase);
        if (expectedCase == AppendReq.Types.Options.ExpectedStreamRevisionOneofCase.Revision) Assert.Equal(0UL, append.Options.Revision);
    }

    [Theory]
    [MemberData(nameof(ExpectedForms))]
    public async Task Wrong_expected_version_with_a_current_revision_is_the_same_exception_as_SQLite(
        string form, AppendReq.Types.Options.ExpectedStreamRevisionOneofCase _)
    {
        await using var node = await FakeNode.StartAsync();
        node.OnAppend = (_, _) => new AppendResp
        {
            WrongExpectedVersion = new AppendResp.Types.WrongExpectedVersion { CurrentRevision = 3, ExpectedRevision = 1 },
        };
        using var store = StoreFor(node);
        var expected = Parse(form);

        var error = await Assert.ThrowsAsync<WrongExpectedRevisionException>(() => store.AppendAsync(Stream, expected, [Data()]));

        Assert.Equal(Stream, error.StreamId);
        Assert.Equal(expected, error.Expected);
        Assert.Equal(3, error.ActualRevision);
    }

    [Fact]
    public async Task Wrong_expected_version_on_a_missing_stream_reports_minus_one()
    {
        await using var node = await FakeNode.StartAsync();
        node.OnAppend = (_, _) => new AppendResp
        {
            WrongExpectedVersion = new AppendResp.Types.WrongExpectedVersion { CurrentNoStream = new Empty(), ExpectedStreamExists = new Empty() },
        };
        using var store = StoreFor(node);

        var error = await Assert.ThrowsAsync<WrongExpectedRevisionException>(
            () => store.AppendAsync(Stream, ExpectedRevision.StreamExists, [Data()]));

        Assert.Equal(-1, error.ActualRevision);
        Assert.Equal(ExpectedRevision.StreamExists, error.Expected);
    }

    [Fact]
    public async Task A_success_without_position_reads_the_written_event_for_it()
    {
        await using var node = await FakeNode.StartAsync();
        node.OnAppend = (_, _) => new AppendResp
        {
            Success = new AppendResp.Types.Success { CurrentRevision = 2, NoPosition = new Empty() },
        };
        node.OnRead = Wire.ThenEnd(Wire.Event(Stream, 2, 4000, 3990));
        using var store = StoreFor(node);

        var result = await store.AppendAsync(Stream, ExpectedRevision.Exactly(1), [Data()]);

        Assert.Equal(new AppendResult(2, new GlobalPosition(4000, 3990)), result);
        var read = Assert.Single(node.Reads).Request.Options;
        Assert.Equal(2UL, read.Stream.Revision);
        Assert.Equal(1UL, read.Count);
    }

    [Fact]
    public async Task Missing_required_metadata_is_an_EventStoreDb_exception_naming_it()
    {
        await using var node = await FakeNode.StartAsync();
        node.OnAppend = (_, _) => throw Wire.Refusal(StatusCode.InvalidArgument, "missing-required-metadata-property");
        using var store = StoreFor(node);

        var error = await Assert.ThrowsAsync<EventStoreDbException>(() => store.AppendAsync(Stream, ExpectedRevision.Any, [Data()]));

        Assert.Equal("missing-required-metadata-property", error.Code);
        Assert.Equal(StatusCode.InvalidArgument, error.Status);
        Assert.Single(node.Appends);
    }

    [Fact]
    public async Task Appending_to_a_tombstoned_stream_is_StreamDeletedException()
    {
        await using var node = await FakeNode.StartAsync();
        node.OnAppend = (_, _) => throw Wire.Refusal(StatusCode.FailedPrecondition, "stream-deleted");
        using var store = StoreFor(node);

        var error = await Assert.ThrowsAsync<StreamDeletedException>(() => store.AppendAsync(Stream, ExpectedRevision.Any, [Data()]));

        Assert.Equal(Stream, error.StreamId);
    }

    [Fact]
    public async Task Access_denied_is_not_retried()
    {
        await using var node = await FakeNode.StartAsync();
        node.OnAppend = (_, _) => throw Wire.Refusal(StatusCode.PermissionDenied, "access-denied");
        using var store = StoreFor(node);

        var error = await Assert.ThrowsAsync<EventStoreDbException>(() => store.AppendAsync(Stream, ExpectedRevision.Any, [Data()]));

        Assert.Equal("access-denied", error.Code);
        Assert.Single(node.Appends);
    }

    [Fact]
    public async Task An_append_that_outlives_the_deadline_is_a_TimeoutException()
    {
        await using var node = await FakeNode.StartAsync();
        node.OnAppend = (_, context) =>
        {
            context.CancellationToken.WaitHandle.WaitOne();
            throw new RpcException(Status.DefaultCancelled);
        };
        using var store = new EventStoreDbEventStore(EventStoreDbSettings.Parse(node.ConnectionString + "&defaultDeadline=300"));

        await Assert.ThrowsAsync<TimeoutException>(() => store.AppendAsync(Stream, ExpectedRevision.Any, [Data()]));
    }

    [Fact]
    public async Task Cancelling_an_append_throws_OperationCanceledException()
    {
        await using var node = await FakeNode.StartAsync();
        using var cts = new CancellationTokenSource();
        node.OnAppend = (_, context) =>
        {
            cts.Cancel();
            context.CancellationToken.WaitHandle.WaitOne();
            throw new RpcException(Status.DefaultCancelled);
        };
        using var store = StoreFor(node);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.AppendAsync(Stream, ExpectedRevision.Any, [Data()], cts.Token));
    }

    [Fact]
    public async Task An_empty_append_is_refused_before_the_wire()
    {
        await using var node = await FakeNode.StartAsync();
        using var store = StoreFor(node);

        await Assert.ThrowsAsync<ArgumentException>(() => store.AppendAsync(Stream, ExpectedRevision.Any, []));

        Assert.Empty(node.Appends);
    }
}
