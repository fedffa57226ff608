using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Hosting;

namespace Gateway.Tests;

public sealed class RateLimitTests : IAsyncLifetime
{
    private DestinationApp _destination = null!;
    private GatewayFactory _gateway = null!;

    public async Task InitializeAsync()
    {
        _destination = await DestinationApp.StartAsync("/api/v1/complaints");
        // A window far longer than the test, so the count cannot replenish between requests.
        _gateway = GatewayFactory.Create(_destination.Url, _destination.Url, extra:
            [("RateLimiting:PermitLimit", "2"), ("RateLimiting:WindowSeconds", "3600")]);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _destination.DisposeAsync();
    }

    [Fact]
    public async Task Past_the_limit_a_caller_gets_429_problem_with_retry_after_and_others_are_unaffected()
    {
        using var greedy = _gateway.ClientFor("greedy", Roles.Resident);
        Assert.Equal(HttpStatusCode.OK, (await greedy.GetAsync("/api/v1/complaints/echo/1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await greedy.GetAsync("/api/v1/complaints/echo/2")).StatusCode);

        var limited = await greedy.GetAsync("/api/v1/complaints/echo/3");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        var problem = await limited.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Problems.RateLimited, problem.GetProperty("type").GetString());
        var retryAfter = limited.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.True(retryAfter > TimeSpan.Zero);

        using var other = _gateway.ClientFor("modest", Roles.Resident);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/complaints/echo/1")).StatusCode);
    }

    [Fact]
    public async Task Health_endpoints_are_not_rate_limited()
    {
        using var client = _gateway.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        }
    }
}
