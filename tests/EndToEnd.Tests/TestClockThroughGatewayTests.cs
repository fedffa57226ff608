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

    [Fact]
    public async Task F7_a_hazard_whose_rectification_needs_work_opens_an_order_due_at_its_deadline_and_the_signed_work_rectifies_it()
    {
        var officer = await TokenAsync("officer-clock", "fire-safety-officer");
        var agent = await TokenAsync("agent-f7", "call-centre-agent");
        var technician = await TokenAsync("tech-f7", "technician");
        var now = DateTimeOffset.Parse((await ClockAsync(HttpMethod.Get))["now"]!.GetValue<string>());
        var reported = await _api.PostAsync("/api/v1/fire-safety/hazards", officer, new
        {
            estateId = "estate-clock", location = "Stair B", description = "Fire door closer broken", source = "patrol",
        }, idempotencyKey: Guid.NewGuid().ToString());
        Assert.Equal(201, reported.Status);
        var hazard = reported.Location!;
        var hazardId = hazard[(hazard.LastIndexOf('/') + 1)..];
        var deadline = now.AddDays(3);
        Assert.Equal(200, (await _api.PostAsync($"{hazard}/rectification-order", officer, new { responsibleUnit = "Engineering", deadline, needsWork = true })).Status);

        string? order = null;
        await Eventually.UntilAsync(async () =>
        {
            var list = await _api.GetAsync("/api/v1/work-orders?estateId=estate-clock", agent);
            foreach (var row in list.Body?["items"]?.AsArray() ?? [])
            {
                if (row!["channel"]!.GetValue<string>() != "fire-safety") continue;
                var candidate = $"/api/v1/work-orders/{row["id"]!.GetValue<string>()}";
                if ((await _api.GetAsync(candidate, agent)).Body?["fireSafety"]?["hazardId"]?.GetValue<string>() == hazardId) order = candidate;
            }
            return order is not null;
        }, TimeSpan.FromSeconds(120), $"the rectification should open a work order\n{platform.Logs()}");
        var opened = (await _api.GetAsync(order!, agent)).Body!;
        Assert.Equal(deadline, DateTimeOffset.Parse(opened["repairDueAt"]!.GetValue<string>()));

        // Past the deadline the hazard is flagged for penalty and the order has missed its repair deadline.
        await ClockAsync(HttpMethod.Post, new { advanceBy = "P4D" });
        Assert.True((await _api.GetAsync(hazard, officer)).Body!["overdue"]!.GetValue<bool>(), platform.Logs());
        Assert.Contains("repair", (await _api.GetAsync(order!, agent)).Body!["slaBreaches"]!.AsArray().Select(b => b!.GetValue<string>()));

        var later = DateTimeOffset.Parse((await ClockAsync(HttpMethod.Get))["now"]!.GetValue<string>());
        Assert.Equal(200, (await _api.PostAsync($"{order}/dispatch", agent, new { technicianId = "tech-f7", appointmentAt = later.AddHours(1) })).Status);
        Assert.Equal(200, (await _api.PostAsync($"{order}/arrival", technician)).Status);
        Assert.Equal(200, (await _api.PostAsync($"{order}/start", technician)).Status);
        Assert.Equal(200, (await _api.PostAsync($"{order}/completion", technician, new { signedOffBy = "Engineering" })).Status);

        await Eventually.UntilAsync(async () => (await _api.GetAsync(hazard, officer)).Body?["status"]?.GetValue<string>() == "rectified",
            TimeSpan.FromSeconds(120), $"the signed work should mark the hazard rectified\n{platform.Logs()}");
        Assert.NotNull((await _api.GetAsync(hazard, officer)).Body!["recheckDueBy"]);
        var recheck = await _api.PostAsync($"{hazard}/recheck", officer, new { passed = true, note = "Closer replaced, door self-closes" });
        Assert.Equal("closed", recheck.Body!["status"]!.GetValue<string>());
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
