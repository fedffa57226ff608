using System.Diagnostics;
using System.Text.Json.Nodes;
using Platform.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Platform.EndToEnd.Tests;

/// <summary>One at a time: each starts a platform and EventStoreDB nodes of its own, and kills some of them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EventStoreDbPlatformCollection
{
    public const string Name = "platform on EventStoreDB";
}

/// <summary>
/// The platform as run.sh starts it, on a real EventStoreDB of the test's own (from ../shared/eventstoredb): a new,
/// empty node; two replicas of each service whose publishing replicas are killed mid-run; a node restarted mid-flow;
/// a three-node cluster whose leader is killed. Each ends the same way: every command that got a 2xx is stored, every
/// complaint transferred needing work has exactly one work order, and nothing answered 500.
/// </summary>
[Collection(EventStoreDbPlatformCollection.Name)]
public sealed class EventStoreDbPlatformTests(ITestOutputHelper output)
{
    private static string? SkipReason => EventStoreDbNode.SkipReason;

    /// <summary>
    /// Starts the platform on <paramref name="node"/>, lets <paramref name="drive"/> run flows (and faults) through the
    /// gateway, then checks what every test here promises: each complaint has exactly one work order, nothing answered 500.
    /// <paramref name="afterChecks"/> runs once those hold, while the platform still runs.
    /// </summary>
    private async Task<FlowDriver> OnPlatformAsync(
        EventStoreDbNode node, Func<PlatformProcess, FlowDriver, Task> drive, int replicas = 1, Func<Task>? afterChecks = null)
    {
        var platform = new PlatformProcess { Replicas = replicas };
        platform.Environment["EVENTSTORE_CONNECTION"] = node.Connection;
        await platform.InitializeAsync();
        try
        {
            var flows = new FlowDriver(platform);
            await flows.SignInAsync();
            await drive(platform, flows);
            await flows.AssertEachHasExactlyOneWorkOrderAsync();
            flows.AssertNoServerErrors();
            output.WriteLine($"statuses {string.Join(", ", flows.Statuses.Select(s => $"{s.Key}×{s.Value}"))}");
            if (afterChecks is not null) await afterChecks();
            return flows;
        }
        finally
        {
            await platform.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task On_a_new_empty_node_a_complaint_transferred_needing_work_is_listed_and_opens_its_work_order()
    {
        Skip.If(SkipReason is not null, SkipReason);
        await using var node = await EventStoreDbNode.StartAsync();

        await OnPlatformAsync(node, async (_, flows) =>
        {
            var id = await flows.RegisterAndTransferAsync(1);
            await Eventually.UntilAsync(async () =>
            {
                var list = await flows.Api.GetAsync("/api/v1/complaints?estateId=estate-e2e", flows.Agent);
                return list.Body!["items"]!.AsArray().Any(i => i!["id"]!.GetValue<string>() == id);
            }, FlowDriver.Patience, "the list projection should show the complaint");
        });
    }

    [SkippableFact]
    public async Task Two_replicas_of_each_service_through_200_flows_with_both_publishing_replicas_killed_publish_each_event_about_once()
    {
        Skip.If(SkipReason is not null, SkipReason);
        await using var node = await EventStoreDbNode.StartAsync();
        var killed = new List<string>();
        var takeover = new Dictionary<string, TimeSpan>();

        PublishCounter? counter = null;

        await OnPlatformAsync(node, replicas: 2, drive: async (platform, flows) =>
        {
            // Bound to every contract exchange before the first flow.
            counter = await PublishCounter.StartAsync(platform.RabbitMq);
            await flows.RunAsync(200, parallel: 8, halfway: async () =>
            {
                foreach (var service in new[] { "Complaints", "WorkOrders" })
                {
                    var lead = await LeadInstanceAsync(platform, service);
                    Process.GetProcessById(platform.PidOf(service, lead)).Kill();
                    killed.Add($"{service}-{lead}");
                    var clock = Stopwatch.StartNew();
                    await Eventually.UntilAsync(async () => await IsLeadAsync(platform, service, 3 - lead), TimeSpan.FromSeconds(60),
                        $"the surviving {service} replica should take the lease");
                    takeover[service] = clock.Elapsed;
                }
            });
        }, afterChecks: async () =>
        {
            // Every work order is open, so everything the flows cause is published; the counter goes before the broker does.
            await using var published = counter!;
            var (publishes, events) = await published.DrainAsync();
            output.WriteLine($"killed {string.Join(", ", killed)}; take-over after {string.Join(", ", takeover.Select(t => $"{t.Key} {t.Value.TotalSeconds:0.0} s"))}; "
                             + $"{publishes} publishes of {events} events");
            Assert.Equal(2, killed.Count);
            // 200 registrations, 200 transfers and 200 work orders opened, at least: each a distinct event.
            Assert.True(events >= 600, $"only {events} distinct events were published");
            Assert.True(publishes < events * 1.05, $"{publishes} publishes for {events} events: more than 5 % published again");
        });
    }

    [SkippableFact]
    public async Task The_node_restarting_on_its_data_in_the_middle_of_the_flows_loses_nothing_and_commands_meanwhile_answer_503()
    {
        Skip.If(SkipReason is not null, SkipReason);
        await using var node = await EventStoreDbNode.StartAsync(inMemory: false);

        await OnPlatformAsync(node, (_, flows) => flows.RunAsync(60, parallel: 4, halfway: async () =>
        {
            var clock = Stopwatch.StartNew();
            await node.RestartAsync();
            await Eventually.UntilAsync(async () => (await flows.Api.Http.GetAsync("/health/ready")).IsSuccessStatusCode,
                TimeSpan.FromSeconds(120), "the platform should be ready again once the node is back");
            output.WriteLine($"node restart to platform ready: {clock.Elapsed.TotalSeconds:0.0} s");
        }));
    }

    [SkippableFact]
    public async Task A_cluster_whose_leader_is_killed_during_the_flows_loses_nothing_and_commands_without_a_leader_answer_503()
    {
        Skip.If(SkipReason is not null, SkipReason);
        await using var cluster = await EventStoreDbNode.StartClusterAsync();
        var leader = await LeaderAsync(cluster);

        await OnPlatformAsync(cluster, (_, flows) => flows.RunAsync(60, parallel: 4, halfway: async () =>
        {
            var clock = Stopwatch.StartNew();
            cluster.Kill(leader);
            await Eventually.UntilAsync(async () => await cluster.LeaderPortAsync() is { } port && port != leader,
                TimeSpan.FromSeconds(120), "the two remaining nodes should elect a new leader");
            output.WriteLine($"leader {leader} killed; new leader after {clock.Elapsed.TotalSeconds:0.0} s");
        }));
    }

    private static async Task<int> LeaderAsync(EventStoreDbNode cluster)
    {
        int? leader = null;
        await Eventually.UntilAsync(async () => (leader = await cluster.LeaderPortAsync()) is not null, TimeSpan.FromSeconds(60), "the cluster has a leader");
        return leader!.Value;
    }

    /// <summary>Which instance (1-based) of the service holds the lead-replica lease, by each instance's own /health.</summary>
    private static async Task<int> LeadInstanceAsync(PlatformProcess platform, string service)
    {
        var lead = 0;
        await Eventually.UntilAsync(async () =>
        {
            for (var k = 1; k <= platform.Replicas; k++)
                if (await IsLeadAsync(platform, service, k)) { lead = k; return true; }
            return false;
        }, TimeSpan.FromSeconds(60), $"one {service} replica should lead");
        return lead;
    }

    private static async Task<bool> IsLeadAsync(PlatformProcess platform, string service, int k)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var health = JsonNode.Parse(await http.GetStringAsync($"http://127.0.0.1:{platform.InstancePorts[service][k - 1]}/health"))!;
        var lease = health["checks"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "lead-replica")!;
        return lease["data"]!["isLead"]!.GetValue<bool>();
    }
}
