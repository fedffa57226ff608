using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.BuildingBlocks.Hosting;
using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.EventStore.Sqlite;
using Platform.BuildingBlocks.Projections;

namespace Gateway.Tests;

/// <summary>A service instance as far as its clock goes: the kernel's test clock and its endpoints, on loopback.</summary>
public sealed class ClockInstance : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ClockInstance(WebApplication app, TestClock clock, Uri url) => (_app, Clock, Url) = (app, clock, url);

    public TestClock Clock { get; }
    public Uri Url { get; }

    public static async Task<ClockInstance> StartAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var clock = new TestClock(TimeProvider.System);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton(new ProjectionRegistry([]));
        // A lease of its own on a store of its own: the instance leads, as a single replica does.
        var folder = Directory.CreateTempSubdirectory("clock-instance-").FullName;
        builder.Services.AddSingleton<IEventStore>(new SqliteEventStore(new SqliteEventStoreOptions { Path = Path.Combine(folder, "events.db") }));
        builder.Services.AddLeadReplicaLease(builder.Configuration, "clock-test");
        var app = builder.Build();
        app.MapTestClock();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new ClockInstance(app, clock, new Uri(address));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

public sealed class DevClockTests : IAsyncLifetime
{
    private ClockInstance _complaints = null!;
    private ClockInstance _workOrders = null!;

    public async Task InitializeAsync()
    {
        _complaints = await ClockInstance.StartAsync();
        _workOrders = await ClockInstance.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _complaints.DisposeAsync();
        await _workOrders.DisposeAsync();
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.EndsWith("/" + code, problem.GetProperty("type").GetString());
        return problem;
    }

    [Fact]
    public async Task A_move_through_the_gateway_reaches_every_instance_with_one_target()
    {
        await using var gateway = GatewayFactory.Create(_complaints.Url, _workOrders.Url);
        using var client = gateway.CreateClient();
        var before = DateTimeOffset.UtcNow;

        var response = await client.PostAsJsonAsync("/dev/clock", new { advanceBy = "PT25H" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var moved = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, moved.GetProperty("instances").GetArrayLength());
        Assert.True(_complaints.Clock.GetUtcNow() >= before.AddHours(25));
        Assert.True(_workOrders.Clock.GetUtcNow() >= before.AddHours(25));
        Assert.InRange(_complaints.Clock.Offset - _workOrders.Clock.Offset, TimeSpan.FromSeconds(-1), TimeSpan.FromSeconds(1));
        var read = await client.GetFromJsonAsync<JsonElement>("/dev/clock");
        Assert.True(read.GetProperty("now").GetDateTimeOffset() >= moved.GetProperty("now").GetDateTimeOffset());
    }

    [Fact]
    public async Task When_an_instance_cannot_be_reached_no_clock_moves_and_the_answer_names_it()
    {
        var dead = GatewayFactory.DeadDestination();
        await using var gateway = GatewayFactory.Create(_complaints.Url, dead);
        using var client = gateway.CreateClient();

        var problem = await ProblemAsync(await client.PostAsJsonAsync("/dev/clock", new { advanceBy = "PT25H" }),
            HttpStatusCode.BadGateway, "clock-not-everywhere");

        Assert.Contains(dead.Authority, problem.GetProperty("detail").GetString());
        Assert.Equal(TimeSpan.Zero, _complaints.Clock.Offset);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"advanceBy\":\"-PT1H\"}")]
    [InlineData("{\"advanceBy\":\"soon\"}")]
    public async Task A_bad_move_is_a_400_naming_advanceBy_and_moves_nothing(string body)
    {
        await using var gateway = GatewayFactory.Create(_complaints.Url, _workOrders.Url);
        using var client = gateway.CreateClient();

        var response = await client.PostAsync("/dev/clock", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("advanceBy", out _));
        Assert.Equal(TimeSpan.Zero, _complaints.Clock.Offset);
    }

    [Fact]
    public async Task Outside_development_there_is_no_clock_to_move()
    {
        await using var gateway = GatewayFactory.Create(_complaints.Url, _workOrders.Url, environment: "Production");
        using var client = gateway.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/dev/clock")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/dev/clock", new { advanceBy = "PT25H" })).StatusCode);
        Assert.Equal(TimeSpan.Zero, _complaints.Clock.Offset);
    }
}
