using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Hosting;

namespace Gateway.Tests;

/// <summary>Work orders points at a port nobody listens on.</summary>
public sealed class DestinationDownTests : IAsyncLifetime
{
    private DestinationApp _complaints = null!;
    private GatewayFactory _gateway = null!;

    public async Task InitializeAsync()
    {
        _complaints = await DestinationApp.StartAsync("/api/v1/complaints");
        _gateway = GatewayFactory.Create(_complaints.Url, GatewayFactory.DeadDestination());
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _complaints.DisposeAsync();
    }

    [Fact]
    public async Task Ready_is_unhealthy_and_names_the_destination_that_is_down()
    {
        using var client = _gateway.CreateClient();

        var response = await client.GetAsync("/health/ready");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
        var checks = body.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", checks["work-orders"]);
        Assert.Equal("Healthy", checks["complaints"]);
        Assert.Equal("Healthy", checks["gateway"]);
    }

    [Fact]
    public async Task Live_stays_healthy_while_a_destination_is_down()
    {
        using var client = _gateway.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task The_merged_openapi_skips_the_missing_destination_and_names_it()
    {
        using var client = _gateway.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        Assert.Equal(["work-orders"], document.GetProperty("x-unavailable").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/v1/complaints/echo/{rest}", out _));
    }

    [Fact]
    public async Task A_call_to_the_missing_destination_is_a_502_or_503_problem()
    {
        using var client = _gateway.ClientFor("leader-1", Roles.TeamLeader);

        var response = await client.GetAsync("/api/v1/work-orders/echo/1");

        // 502 while the gateway still tries the instance; 503 once its health check has taken it out of rotation.
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable });
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(problem.GetProperty("type").GetString(), new[] { Problems.BadGateway, Problems.Unavailable });
    }
}
