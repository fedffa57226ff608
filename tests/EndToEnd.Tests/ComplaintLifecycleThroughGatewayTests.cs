using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.TestSupport;
using Xunit;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The README's run command, for real: RabbitMQ, the Complaints service and the gateway as separate
/// processes; a complaint walked from registration to closed through the gateway only.
/// </summary>
public sealed class ComplaintLifecycleThroughGatewayTests(PlatformProcess platform) : IClassFixture<PlatformProcess>
{
    private readonly HttpClient _http = new() { BaseAddress = platform.Gateway, Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task A_complaint_goes_from_registered_to_closed_through_the_gateway()
    {
        var agent = await TokenAsync("agent-e2e", "call-centre-agent");
        var supervisor = await TokenAsync("supervisor-e2e", "complaint-supervisor");

        var registered = await SendAsync(HttpMethod.Post, "/api/v1/complaints", agent, new
        {
            estateId = "estate-e2e",
            unit = new { building = "3", entrance = "2", room = "501" },
            reporter = new { name = "张三", phone = "13800138000", kind = "owner" },
            channel = "complaint-line",
            content = "Water leaking from the ceiling",
            category = "water-electricity",
        }, idempotencyKey: "e2e-register-1");
        Assert.Equal(HttpStatusCode.Created, registered.Status);
        var location = registered.Location!;
        Assert.StartsWith("/api/v1/complaints/", location);

        var repeated = await SendAsync(HttpMethod.Post, "/api/v1/complaints", agent, new
        {
            estateId = "estate-e2e",
            unit = new { building = "3", entrance = "2", room = "501" },
            reporter = new { name = "张三", phone = "13800138000", kind = "owner" },
            channel = "complaint-line",
            content = "Water leaking from the ceiling",
            category = "water-electricity",
        }, idempotencyKey: "e2e-register-1");
        Assert.Equal(HttpStatusCode.Created, repeated.Status);
        Assert.Equal(location, repeated.Location);

        await Step(location + "/classification", supervisor, new { category = "water-electricity", severity = "general", valid = true, groupComplaint = false });
        await Step(location + "/transfer", agent, new { department = "engineering", needsWork = false });
        await Step(location + "/progress-updates", agent, new { message = "A technician is coming this afternoon." });
        await Step(location + "/resolution", agent, new { solution = "Pipe joint above the ceiling replaced." });

        var early = await SendAsync(HttpMethod.Post, location + "/closure", agent, null);
        Assert.Equal(HttpStatusCode.Conflict, early.Status);
        Assert.Equal("application/problem+json", early.ContentType);
        Assert.EndsWith("/close-needs-follow-up", early.Body!["type"]!.GetValue<string>());

        await Step(location + "/follow-ups", agent, new { outcome = "satisfied", notes = "Dry since the repair." });
        var closed = await Step(location + "/closure", agent, null);
        Assert.Equal("closed", closed["status"]!.GetValue<string>());

        var read = await SendAsync(HttpMethod.Get, location, supervisor, null);
        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal("closed", read.Body!["status"]!.GetValue<string>());
        Assert.NotNull(read.ETag);

        // The list is a projection: ask it to wait for the position of the last write.
        var list = await SendAsync(HttpMethod.Get, $"/api/v1/complaints?estateId=estate-e2e&status=closed&minPosition={closed["position"]}", supervisor, null);
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Contains(list.Body!["items"]!.AsArray(), item => location.EndsWith(item!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Requests_without_a_token_are_refused_at_the_gateway_as_problem_json()
    {
        var response = await _http.GetAsync("/api/v1/complaints");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_gateway_reports_itself_and_the_services_ready_and_serves_the_api_reference()
    {
        var ready = await _http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var reference = await _http.GetAsync("/scalar");
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        // The merged document names a service it could not reach in time (a cold one under load) and leaves it out: poll.
        await Eventually.UntilAsync(async () =>
            (await _http.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!["paths"]!.AsObject().ContainsKey("/api/v1/complaints/{id}"),
            TimeSpan.FromSeconds(60), "the merged API reference should include the complaints routes");
    }

    private async Task<JsonObject> Step(string path, string token, object? body)
    {
        var result = await SendAsync(HttpMethod.Post, path, token, body);
        Assert.True(result.Status == HttpStatusCode.OK, $"{path}: {(int)result.Status} {result.Body}\n{platform.Logs()}");
        result.Body!["position"] = result.Position;
        return result.Body;
    }

    private async Task<string> TokenAsync(string subject, string role)
    {
        var response = await _http.PostAsJsonAsync("/dev/tokens", new { subject, name = subject, roles = new[] { role }, estates = new[] { "estate-e2e" } });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
    }

    private sealed record Answer(HttpStatusCode Status, JsonObject? Body, string? Location, string? ETag, string? Position, string? ContentType);

    private async Task<Answer> SendAsync(HttpMethod method, string path, string token, object? body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        if (body is not null) request.Content = JsonContent.Create(body);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length > 0 && text.TrimStart().StartsWith('{') ? JsonNode.Parse(text)!.AsObject() : null;
        return new Answer(
            response.StatusCode, json, response.Headers.Location?.OriginalString, response.Headers.ETag?.Tag,
            response.Headers.TryGetValues("X-Event-Position", out var position) ? position.First() : null,
            response.Content.Headers.ContentType?.MediaType);
    }
}

/// <summary>Ctrl-C stops every process: a separate platform, so stopping it cannot disturb the other tests.</summary>
public sealed class PlatformShutdownTests : IAsyncLifetime
{
    private readonly PlatformProcess _platform = new();

    public Task InitializeAsync() => _platform.InitializeAsync();

    public Task DisposeAsync() => _platform.DisposeAsync();

    [Fact]
    public async Task Ctrl_C_stops_every_process_cleanly()
    {
        Assert.True(await _platform.InterruptAsync(TimeSpan.FromSeconds(60)), _platform.Output);
        Assert.Contains("Stopped.", _platform.Output);
        using var http = new HttpClient { BaseAddress = _platform.Gateway };
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("/health/live"));
    }
}
