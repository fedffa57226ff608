using Grpc.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.EventStore.EventStoreDb;
using Platform.BuildingBlocks.EventStore.Sqlite;
using Xunit;
using ReadOptions = Platform.BuildingBlocks.EventStore.EventStoreDb.Grpc.ReadReq.Types.Options;

namespace Platform.EventStoreDb.Tests;

public class HealthAndRegistrationTests
{
    private static Task<HealthCheckResult> CheckAsync(IHealthCheck check) => check.CheckHealthAsync(new HealthCheckContext
    {
        Registration = new HealthCheckRegistration("event-store", check, HealthStatus.Unhealthy, ["ready"]),
    });

    [Fact]
    public async Task Healthy_when_the_leader_answers_a_one_event_read_that_requires_the_leader()
    {
        await using var node = await FakeNode.StartAsync();
        node.OnRead = Wire.ThenEnd(Wire.StreamNotFound("platform-health-probe"));
        using var store = new EventStoreDbEventStore(EventStoreDbSettings.Parse(node.ConnectionString));

        var result = await CheckAsync(new EventStoreDbHealthCheck(store));

        Assert.Equal(HealthStatus.Healthy, result.Status);
        var read = Assert.Single(node.Reads);
        Assert.Equal("true", read.Headers.GetValue("requires-leader"));
        Assert.Equal(ReadOptions.StreamOptionOneofCase.Stream, read.Request.Options.StreamOptionCase);
        Assert.False(read.Request.Options.Stream.StreamIdentifier.StreamName.ToStringUtf8().StartsWith('$'));
        Assert.Equal(1UL, read.Request.Options.Count);
    }

    [Fact]
    public async Task Healthy_through_a_follower_once_the_named_leader_answers()
    {
        await using var leader = await FakeNode.StartAsync();
        await using var follower = await FakeNode.StartAsync();
        follower.OnRead = Wire.ThenFail(Wire.NotLeader(leader));
        using var store = new EventStoreDbEventStore(EventStoreDbSettings.Parse(follower.ConnectionString));

        var result = await CheckAsync(new EventStoreDbHealthCheck(store));

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Contains(leader.Endpoint.ToString(), result.Description);
    }

    [Fact]
    public async Task Unhealthy_when_the_node_is_not_ready()
    {
        await using var node = await FakeNode.StartAsync();
        node.OnRead = Wire.ThenFail(new RpcException(new Status(StatusCode.Unavailable, "Server Is Not Ready")));
        using var store = new EventStoreDbEventStore(EventStoreDbSettings.Parse(node.ConnectionString));

        var result = await CheckAsync(new EventStoreDbHealthCheck(store));

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
    }

    [Fact]
    public async Task Unhealthy_when_no_node_can_be_reached()
    {
        using var store = new EventStoreDbEventStore(EventStoreDbSettings.Parse($"esdb://127.0.0.1:{FakeNode.ClosedPort()}?tls=false"));

        var result = await CheckAsync(new EventStoreDbHealthCheck(store));

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.NotNull(result.Exception);
    }

    private static ServiceProvider Provider(Dictionary<string, string?> configuration)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPlatformEventStore(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build(), "complaints");
        return services.BuildServiceProvider();
    }

    private static Task<HealthReport> ReadyAsync(IServiceProvider provider) =>
        provider.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Tags.Contains("ready"));

    [Theory]
    [InlineData("EventStore:ConnectionString")]
    [InlineData("EVENTSTORE_CONNECTION")]
    public async Task A_configured_connection_string_registers_EventStoreDB_with_a_ready_check(string key)
    {
        await using var node = await FakeNode.StartAsync();
        await using var provider = Provider(new() { [key] = node.ConnectionString });

        Assert.IsType<EventStoreDbEventStore>(provider.GetRequiredService<IEventStore>());
        var report = await ReadyAsync(provider);
        Assert.Equal(HealthStatus.Healthy, report.Entries["event-store"].Status);
        Assert.Single(node.Reads);
    }

    [Fact]
    public void A_bad_connection_string_stops_registration()
    {
        Assert.Throws<FormatException>(() => Provider(new() { ["EventStore:ConnectionString"] = "tcp://node1:1113" }));
    }

    [Fact]
    public async Task Without_a_connection_string_the_embedded_SQLite_file_is_used_and_checked()
    {
        var data = Path.Combine(Path.GetTempPath(), "esdb-tests-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var provider = Provider(new() { ["Data:Path"] = data }))
            {
                var report = await ReadyAsync(provider);

                Assert.Equal(HealthStatus.Healthy, report.Entries["event-store"].Status);
                Assert.IsType<SqliteEventStore>(provider.GetRequiredService<IEventStore>());
                Assert.True(File.Exists(Path.Combine(data, "complaints", "events.db")));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task The_SQLite_check_is_unhealthy_when_the_file_cannot_be_opened()
    {
        var missing = Path.Combine(Path.GetTempPath(), "esdb-tests-" + Guid.NewGuid().ToString("N"), "events.db");

        var result = await CheckAsync(new SqliteEventStoreHealthCheck(new SqliteEventStoreOptions { Path = missing }));

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.False(File.Exists(missing));
    }
}
