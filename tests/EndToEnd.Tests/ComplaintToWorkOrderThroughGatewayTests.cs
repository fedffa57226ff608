using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.TestSupport;
using Xunit;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// Flow F1 on the platform as run.sh starts it (RabbitMQ, Complaints, Work orders and the gateway as separate
/// processes), through the gateway only: a burst-pipe complaint becomes an urgent work order, whose completion resolves
/// the complaint; both are followed up and closed.
/// </summary>
public sealed class ComplaintToWorkOrderThroughGatewayTests(PlatformProcess platform) : IClassFixture<PlatformProcess>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly ApiClient _api = new(new HttpClient { BaseAddress = platform.Gateway, Timeout = TimeSpan.FromSeconds(30) });

    [Fact]
    public async Task A_burst_pipe_complaint_becomes_an_urgent_work_order_and_both_are_followed_up_and_closed()
    {
        var agent = await TokenAsync("agent-f1", "call-centre-agent");
        var leader = await TokenAsync("leader-f1", "team-leader");
        var technician = await TokenAsync("tech-f1", "technician");

        var registered = await _api.PostAsync("/api/v1/complaints", agent, new
        {
            estateId = "estate-f1",
            unit = new { building = "7", entrance = "1", room = "302" },
            reporter = new { name = "李四", phone = "13900139000", kind = "tenant" },
            channel = "hotline",
            content = "Burst pipe: water pouring through the bathroom ceiling",
            category = "water-electricity",
        });
        Assert.Equal(201, registered.Status);
        var complaint = registered.Location!;
        await Step(complaint + "/transfer", agent, new { department = "engineering", needsWork = true, workDescription = "Burst pipe above the bathroom ceiling" });

        string? workOrderId = null;
        await Eventually.UntilAsync(async () =>
        {
            var links = (await _api.GetAsync(complaint, agent)).Body!["workOrderIds"]!.AsArray();
            workOrderId = links.Count == 1 ? links[0]!.GetValue<string>() : null;
            return workOrderId is not null;
        }, Patience, "the complaint should learn the id of the work order opened for it");
        var order = $"/api/v1/work-orders/{workOrderId}";

        var opened = await _api.GetAsync(order, leader);
        Assert.Equal(200, opened.Status);
        Assert.Equal("urgent", opened.Field("urgency"));
        Assert.Equal("complaint", opened.Field("channel"));
        // Lists are projections. The order was opened by a consumer, so the list is polled until it shows it; after our own
        // dispatch the queue waits for that write's position (X-Event-Position as minPosition).
        await Eventually.UntilAsync(async () =>
        {
            var urgentList = await _api.GetAsync("/api/v1/work-orders?estateId=estate-f1&urgency=urgent", leader);
            return urgentList.Body!["items"]!.AsArray().Any(i => i!["id"]!.GetValue<string>() == workOrderId);
        }, Patience, "the urgent work-order list should show the order");

        var dispatched = await Step(order + "/dispatch", leader, new { technicianId = "tech-f1", appointmentAt = DateTimeOffset.UtcNow.AddMinutes(20) });
        var queue = await _api.GetAsync($"/api/v1/work-orders/my-queue?minPosition={dispatched.Position}", technician);
        Assert.Contains(queue.Body!["items"]!.AsArray(), i => i!["id"]!.GetValue<string>() == workOrderId);
        await Step(order + "/arrival", technician);
        await Step(order + "/start", technician);
        await Step(order + "/completion", technician, new { signedOffBy = "李四" });

        await Eventually.UntilAsync(async () => (await _api.GetAsync(complaint, agent)).Field("status") == "resolved",
            Patience, "the completed work order should resolve the complaint");
        var resolved = await _api.GetAsync(complaint, agent);
        Assert.Equal(workOrderId, resolved.Body!["resolvedByWorkOrderId"]!.GetValue<string>());
        Assert.NotNull(resolved.Body["deadlines"]!["followUpDueAt"]);

        // An urgent repair is followed up twice (001:263); the order closes after both found it satisfactory.
        await Step(order + "/follow-ups", leader, new { outcome = "satisfied" });
        await Step(order + "/follow-ups", leader, new { outcome = "satisfied" });
        Assert.Equal("closed", (await Step(order + "/closure", leader)).Field("status"));

        await Step(complaint + "/follow-ups", agent, new { outcome = "satisfied", notes = "Dry since the repair." });
        Assert.Equal("closed", (await Step(complaint + "/closure", agent)).Field("status"));
    }

    [Fact]
    public async Task The_gateways_merged_API_reference_includes_the_work_orders_routes()
    {
        // The merged document names a service it could not reach in time (a cold one under load) and leaves it out: poll.
        await Eventually.UntilAsync(async () =>
        {
            var paths = (await _api.Http.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!["paths"]!.AsObject();
            return paths.ContainsKey("/api/v1/work-orders/{id}") && paths.ContainsKey("/api/v1/work-orders/my-queue");
        }, TimeSpan.FromSeconds(60), "the merged API reference should include the work-order routes");
    }

    private async Task<Answer> Step(string path, string token, object? body = null)
    {
        var answer = await _api.PostAsync(path, token, body);
        Assert.True(answer.Status == 200, $"{path}: {answer}\n{platform.Logs()}");
        return answer;
    }

    private async Task<string> TokenAsync(string subject, string role)
    {
        var response = await _api.Http.PostAsJsonAsync("/dev/tokens", new { subject, name = subject, roles = new[] { role }, estates = new[] { "estate-f1" } });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
    }
}
