using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Hosting;
using Platform.TestSupport;

namespace Gateway.Tests;

/// <summary>Several instances of a service behind one route, and an instance that stops answering.</summary>
public sealed class ReplicaAndTimeoutTests : IAsyncLifetime
{
    private DestinationApp _complaints = null!;
    private DestinationApp _workOrders = null!;

    public async Task InitializeAsync()
    {
        _complaints = await DestinationApp.StartAsync("/api/v1/complaints");
        _workOrders = await DestinationApp.StartAsync("/api/v1/work-orders");
    }

    public async Task DisposeAsync()
    {
        await _complaints.DisposeAsync();
        await _workOrders.DisposeAsync();
    }

    [Fact]
    public async Task A_request_the_instance_does_not_answer_within_the_request_timeout_is_a_504_problem()
    {
        await using var gateway = GatewayFactory.Create(_complaints.Url, _workOrders.Url, extra: ("Gateway:RequestTimeoutSeconds", "1"));
        using var client = gateway.ClientFor("agent-1", Roles.CallCentreAgent);

        var response = await client.GetAsync("/api/v1/complaints/hang");

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Problems.GatewayTimeout, problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task With_one_of_two_instances_down_requests_go_to_the_ready_one_and_the_gateway_stays_ready()
    {
        var dead = GatewayFactory.DeadDestination();
        await using var gateway = GatewayFactory.Create(_complaints.Url, _workOrders.Url, extra:
        [
            ("Services:Complaints:Urls", $"{dead},{_complaints.Url}"),
            ("Gateway:HealthIntervalSeconds", "0.2"),
        ]);
        using var client = gateway.ClientFor("agent-1", Roles.CallCentreAgent);

        // Once the health check has taken the dead instance out of rotation, every request reaches the live one.
        await Eventually.UntilAsync(async () =>
        {
            for (var i = 0; i < 20; i++)
                if ((await client.GetAsync($"/api/v1/complaints/echo/{i}")).StatusCode != HttpStatusCode.OK) return false;
            return true;
        }, TimeSpan.FromSeconds(30), "requests should stop going to the instance that is down");

        var ready = await client.GetAsync("/health/ready");
        var body = await ready.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var complaints = body.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "complaints");
        Assert.Equal("Complaints: 1 of 2 instances ready.", complaints.GetProperty("description").GetString());
    }
}
