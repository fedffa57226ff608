using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Platform.BuildingBlocks.Hosting;

namespace Platform.Complaints.Api.Tests;

/// <summary>
/// The EventStoreDB node stops under a running service: a command is refused 503 problem+json with Retry-After and
/// stores nothing, readiness fails so no traffic is sent, and once the node is back the same request (same key) succeeds.
/// </summary>
public sealed class StoreOutageTests
{
    [SkippableFact]
    public async Task A_command_while_the_store_is_unreachable_is_a_503_problem_with_retry_after_and_the_same_key_succeeds_once_it_is_back()
    {
        Skip.If(EventStoreDbNode.SkipReason is not null, EventStoreDbNode.SkipReason);
        await using var node = await EventStoreDbNode.StartAsync(inMemory: false);
        var broker = await RabbitMqBroker.SharedAsync();
        var virtualHost = await broker.CreateVirtualHostAsync();
        using var data = new TempDirectory("complaints-store-outage");
        await using var host = await ServiceHost<Api.ComplaintCommands>.StartAsync(virtualHost, data.Path, new FakeTimeProvider(ComplaintsApi.Start),
            ("EventStore:ConnectionString", node.Connection + "&defaultDeadline=2000"), ("EventStore:Namespace", StoreUnderTest.NewNamespace()));
        var agent = host.Token("agent-1", "call-centre-agent");
        var key = Guid.NewGuid().ToString();

        await node.StopAsync();
        using var refused = await PostAsync(host, agent, key);
        var problem = await refused.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Problems.StoreUnavailable, problem.GetProperty("type").GetString());
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await host.Api.Http.GetAsync("/health/ready")).StatusCode);

        await node.RestartAsync();
        await Eventually.UntilAsync(async () => (await host.Api.Http.GetAsync("/health/ready")).IsSuccessStatusCode,
            TimeSpan.FromSeconds(60), "the service should be ready again once the node is back");
        using var accepted = await PostAsync(host, agent, key);
        using var repeated = await PostAsync(host, agent, key);

        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal(accepted.Headers.Location, repeated.Headers.Location);
        var stored = new List<string>();
        await foreach (var e in host.Services.GetRequiredService<BuildingBlocks.EventStore.IEventStore>().ReadAllAsync(null, "complaints.", 100))
            stored.Add(e.EventType);
        Assert.Equal(["ComplaintRegistered.v1", "ComplaintDeadlinesSet.v1"], stored);
    }

    private static Task<HttpResponseMessage> PostAsync<T>(ServiceHost<T> host, string token, string key) where T : class
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/complaints") { Content = JsonContent.Create(ComplaintsApi.NewComplaint()) };
        request.Headers.Authorization = new("Bearer", token);
        request.Headers.Add("Idempotency-Key", key);
        return host.Api.Http.SendAsync(request);
    }
}
