using System.Text;
using Grpc.Core;
using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.EventStore.EventStoreDb;
using Xunit;

namespace Platform.EventStoreDb.Tests;

public class ClusterTests
{
    private const string Stream = "complaints.complaint-1";

    private static EventData Data() => new(Guid.NewGuid(), "ComplaintRegistered.v1", Encoding.UTF8.GetBytes("{}"), Encoding.UTF8.GetBytes("{}"));

    private static EventStoreDbEventStore StoreFor(params int[] ports) =>
        new(EventStoreDbSettings.Parse($"esdb://{string.Join(',', ports.Select(p => $"127.0.0.1:{p}"))}?tls=false"));

    [Fact]
    public async Task An_append_refused_with_not_leader_is_sent_to_the_named_leader_and_later_calls_stay_there()
    {
        await using var leader = await FakeNode.StartAsync();
        await using var follower = await FakeNode.StartAsync();
        follower.OnAppend = (_, _) => throw Wire.NotLeader(leader);
        using var store = StoreFor(follower.Port);

        var result = await store.AppendAsync(Stream, ExpectedRevision.NoStream, [Data()]);
        await store.AppendAsync(Stream, ExpectedRevision.Exactly(0), [Data()]);

        Assert.Equal(0, result.CurrentRevision);
        Assert.Single(follower.Appends);
        Assert.Equal(2, leader.Appends.Count);
        Assert.All(leader.Appends, a => Assert.Equal("true", a.Headers.GetValue("requires-leader")));
        Assert.Equal(leader.Endpoint, store.CurrentNode);
    }

    [Fact]
    public async Task A_read_refused_with_not_leader_is_read_from_the_leader()
    {
        await using var leader = await FakeNode.StartAsync();
        await using var follower = await FakeNode.StartAsync();
        follower.OnRead = Wire.ThenFail(Wire.NotLeader(leader));
        leader.OnRead = Wire.ThenEnd(Wire.Event(Stream, 0, 10, 10));
        using var store = StoreFor(follower.Port);

        var events = new List<RecordedEvent>();
        await foreach (var e in store.ReadStreamAsync(Stream)) events.Add(e);

        Assert.Single(events);
        Assert.Single(follower.Reads);
        Assert.Single(leader.Reads);
    }

    [Fact]
    public async Task An_unreachable_first_host_moves_calls_to_the_next_one()
    {
        await using var node = await FakeNode.StartAsync();
        using var store = StoreFor(FakeNode.ClosedPort(), node.Port);

        await store.AppendAsync(Stream, ExpectedRevision.Any, [Data()]);

        Assert.Single(node.Appends);
        Assert.Equal(node.Endpoint, store.CurrentNode);
    }

    [Fact]
    public async Task When_no_host_answers_the_append_fails_as_unavailable()
    {
        using var store = StoreFor(FakeNode.ClosedPort(), FakeNode.ClosedPort());

        var error = await Assert.ThrowsAsync<EventStoreDbException>(() => store.AppendAsync(Stream, ExpectedRevision.Any, [Data()]));

        Assert.Equal(StatusCode.Unavailable, error.Status);
    }

    [Fact]
    public async Task Not_leader_without_a_named_leader_is_an_error()
    {
        await using var node = await FakeNode.StartAsync();
        node.OnAppend = (_, _) => throw Wire.Refusal(StatusCode.NotFound, "not-leader");
        using var store = StoreFor(node.Port);

        var error = await Assert.ThrowsAsync<EventStoreDbException>(() => store.AppendAsync(Stream, ExpectedRevision.Any, [Data()]));

        Assert.Equal("not-leader", error.Code);
        Assert.Single(node.Appends);
    }

    [Fact]
    public async Task Credentials_and_connection_name_travel_as_headers()
    {
        await using var node = await FakeNode.StartAsync();
        using var store = new EventStoreDbEventStore(EventStoreDbSettings.Parse(
            $"esdb://admin:changeit@127.0.0.1:{node.Port}?tls=false&connectionName=complaints-api"));

        await store.AppendAsync(Stream, ExpectedRevision.Any, [Data()]);

        var headers = Assert.Single(node.Appends).Headers;
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:changeit")), headers.GetValue("authorization"));
        Assert.Equal("complaints-api", headers.GetValue("connection-name"));
    }

    [Theory]
    [InlineData("keepAliveInterval=-1&keepAliveTimeout=-1")]
    [InlineData("keepAliveInterval=10&keepAliveTimeout=10")]
    [InlineData("keepAliveInterval=30000&keepAliveTimeout=5000")]
    public async Task The_channel_accepts_every_keep_alive_setting_the_connection_string_allows(string options)
    {
        await using var node = await FakeNode.StartAsync();
        using var store = new EventStoreDbEventStore(EventStoreDbSettings.Parse($"{node.ConnectionString}&{options}"));

        await store.AppendAsync(Stream, ExpectedRevision.Any, [Data()]);

        Assert.Single(node.Appends);
    }

    [Fact]
    public async Task Tls_is_the_default_and_tlsVerifyCert_false_accepts_a_self_signed_node()
    {
        using var certificate = FakeNode.SelfSignedCertificate();
        await using var node = await FakeNode.StartAsync(certificate);
        using var store = new EventStoreDbEventStore(EventStoreDbSettings.Parse($"esdb://127.0.0.1:{node.Port}?tlsVerifyCert=false"));

        await store.AppendAsync(Stream, ExpectedRevision.Any, [Data()]);

        Assert.Single(node.Appends);
    }

    [Fact]
    public async Task An_untrusted_certificate_is_refused_when_verification_is_on()
    {
        using var certificate = FakeNode.SelfSignedCertificate();
        await using var node = await FakeNode.StartAsync(certificate);
        using var store = new EventStoreDbEventStore(EventStoreDbSettings.Parse($"esdb://127.0.0.1:{node.Port}"));

        var error = await Assert.ThrowsAsync<EventStoreDbException>(() => store.AppendAsync(Stream, ExpectedRevision.Any, [Data()]));

        Assert.IsType<RpcException>(error.InnerException);
        Assert.Empty(node.Appends);
    }
}
