using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.TestSupport;
using Xunit;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// An integrator tries deadlines black-box: on the platform as run.sh starts it, <c>POST /dev/clock</c> on the gateway
/// moves every service's clock forward, and the watchers mark what fell due before it answers.
/// </summary>
public sealed class TestClockThroughGatewayTests(PlatformProcess platform) : IClassFixture<PlatformProcess>
{
    private readonly ApiClient _api = new(new HttpClient { BaseAddress = platform.Gateway, Timeout = TimeSpan.FromSeconds(90) });

    [Fact]
    public async Task Moving_the_platform_clock_misses_a_complaints_reply_deadline_and_breaches_a_work_orders_sla()
    {
        var agent = await TokenAsync("agent-clock", "call-centre-agent");
        var before = await ClockAsync(HttpMethod.Get);
        var registered = await _api.PostAsync("/api/v1/complaints", agent, new
        {
            estateId = "estate-clock",
            unit = new { building = "2", entrance = "1", room = "101" },
            reporter = new { name = "赵六", phone = "13700137000", kind = "owner" },
            channel = "hotline",
            content = "Lift stops between floors",
            category = "water-electricity",
        });
        Assert.Equal(201, registered.Status);
        var logged = await _api.PostAsync("/api/v1/work-orders", agent, new
        {
            channel = "hotline",
            type = "repair",
            unit = new { estateId = "estate-clock", building = "2", entrance = "1", room = "101" },
            reporter = new { name = "赵六", phone = "13700137000" },
            content = "Gas cooker will not light",
            category = "gas-fault",
        });
        Assert.Equal(201, logged.Status);
        var complaint = await _api.GetAsync(registered.Location!, agent);
        var replyDue = DateTimeOffset.Parse(complaint.Body!["deadlines"]!["replyDueAt"]!.GetValue<string>());
        Assert.Empty(complaint.Body["deadlines"]!["missed"]!.AsArray());
        Assert.Empty((await _api.GetAsync(logged.Location!, agent)).Body!["slaBreaches"]!.AsArray());
        Assert.NotNull(logged.Body!["handleDueAt"]);

        var moved = await ClockAsync(HttpMethod.Post, new { advanceBy = "P8D" });

        var now = DateTimeOffset.Parse(moved["now"]!.GetValue<string>());
        var target = DateTimeOffset.Parse(before["now"]!.GetValue<string>()).AddDays(8);
        Assert.True(now > replyDue);
        Assert.All(moved["instances"]!.AsArray(), i => Assert.InRange(DateTimeOffset.Parse(i!["now"]!.GetValue<string>()), target, now));
        Assert.True(moved["instances"]!.AsArray().Sum(i => i!["acted"]!.GetValue<int>()) >= 2, $"{moved.ToJsonString()}\n{platform.Logs()}");
        var missed = (await _api.GetAsync(registered.Location!, agent)).Body!["deadlines"]!["missed"]!.AsArray();
        Assert.Contains("reply", missed.Select(m => m!["deadline"]!.GetValue<string>()));
        Assert.Contains("handle", (await _api.GetAsync(logged.Location!, agent)).Body!["slaBreaches"]!.AsArray().Select(b => b!.GetValue<string>()));

        // The clock never goes back, and every view reads it: a reading after the move is no earlier than the move.
        var back = await _api.Http.PostAsJsonAsync("/dev/clock", new { advanceBy = "-PT1H" });
        Assert.Equal(400, (int)back.StatusCode);
        Assert.Equal("application/problem+json", back.Content.Headers.ContentType?.MediaType);
        Assert.True(DateTimeOffset.Parse((await ClockAsync(HttpMethod.Get))["now"]!.GetValue<string>()) >= now);
    }

    private async Task<JsonObject> ClockAsync(HttpMethod method, object? body = null)
    {
        using var request = new HttpRequestMessage(method, "/dev/clock");
        if (body is not null) request.Content = JsonContent.Create(body);
        using var response = await _api.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} /dev/clock: {(int)response.StatusCode} {text}\n{platform.Logs()}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private async Task<string> TokenAsync(string subject, string role)
    {
        var response = await _api.Http.PostAsJsonAsync("/dev/tokens", new { subject, name = subject, roles = new[] { role }, estates = new[] { "estate-clock" } });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
    }
}
