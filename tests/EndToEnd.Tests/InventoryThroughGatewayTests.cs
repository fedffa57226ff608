using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.TestSupport;
using Xunit;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// F5 and F8 black-box, on the platform as run.sh starts it: a technician's request for material on a work order becomes
/// a requisition in Inventory, is signed by the three tiers and issued, and the work order shows what was used; fire
/// equipment reported lost in Fire safety becomes an immediate replenishment request in Inventory. All through the
/// gateway with tokens and over the real broker.
/// </summary>
public sealed class InventoryThroughGatewayTests(PlatformProcess platform) : IClassFixture<PlatformProcess>
{
    private const string Estate = "estate-stores";
    private const string Inventory = "/api/v1/inventory";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private readonly ApiClient _api = new(new HttpClient { BaseAddress = platform.Gateway, Timeout = TimeSpan.FromSeconds(90) });

    [Fact]
    public async Task F5_a_door_lock_requested_on_a_work_order_is_issued_after_three_signatures_and_shows_on_the_order()
    {
        var planner = await TokenAsync("planner-e2e", "materials-planner");
        var keeper = await TokenAsync("keeper-e2e", "store-keeper");
        var agent = await TokenAsync("agent-e2e", "call-centre-agent");
        var technician = await TokenAsync("tech-e2e", "technician");
        var leader = await TokenAsync("lead-e2e", "team-leader");
        var manager = await TokenAsync("mgr-e2e", "department-manager");

        var production = await CreateAsync($"{Inventory}/stores", planner, new { code = "E2E-PROD", name = "生产库房", tier = "production-store" });
        var department = await CreateAsync($"{Inventory}/stores", planner, new { code = "E2E-BD", name = "业务部", tier = "business-department", parentId = production });
        var site = await CreateAsync($"{Inventory}/stores", planner, new { code = "E2E-SITE", name = "现场库房", tier = "site", parentId = department, estateId = Estate });
        await CreateAsync($"{Inventory}/items", planner, new { code = "LOCK-E2E", name = "Door lock", category = "spare-parts", unit = "piece", unitCost = 80m });
        await StepAsync($"{Inventory}/stores/{site}/receipts", keeper, new { itemCode = "LOCK-E2E", quantity = 3, deliveryNote = "DN-E2E-1", supplier = "Lock Co" });

        var order = (await _api.PostAsync("/api/v1/work-orders", agent, new
        {
            channel = "hotline", type = "repair", unit = new { estateId = Estate, building = "2", entrance = "1", room = "402" },
            reporter = new { name = "孙八", phone = "13700137000" }, content = "更换室内门锁",
        })).Location!;
        await StepAsync($"{order}/dispatch", agent, new { technicianId = "tech-e2e", appointmentAt = DateTimeOffset.UtcNow.AddHours(1) });
        await StepAsync($"{order}/arrival", technician);
        await StepAsync($"{order}/start", technician);
        await StepAsync($"{order}/materials-requests", technician, new { lines = new[] { new { itemCode = "LOCK-E2E", quantity = 1, unit = "piece" } } });
        var orderId = order[(order.LastIndexOf('/') + 1)..];

        JsonNode? waiting = null;
        await Eventually.UntilAsync(async () =>
        {
            var report = await _api.GetAsync($"{Inventory}/reports/requisitions-waiting", keeper);
            waiting = report.Body?["requisitions"]?.AsArray().FirstOrDefault(r => r!["workOrderId"]?.GetValue<string>() == orderId);
            return waiting is not null;
        }, Patience, $"the materials request should become a requisition\n{platform.Logs()}");
        var requisition = $"{Inventory}/requisitions/{waiting!["requisitionId"]!.GetValue<string>()}";

        var early = await _api.PostAsync($"{Inventory}/stores/{site}/issues", keeper, new { requisitionId = waiting["requisitionId"]!.GetValue<string>() });
        Assert.Equal((409, "application/problem+json"), (early.Status, early.ContentType));
        Assert.Equal(403, (await _api.PostAsync($"{requisition}/signatures", technician, new { tier = "manager" })).Status);
        await StepAsync($"{requisition}/signatures", technician, new { tier = "requester" });
        await StepAsync($"{requisition}/signatures", leader, new { tier = "team-leader" });
        await StepAsync($"{requisition}/signatures", manager, new { tier = "manager" });
        await StepAsync($"{Inventory}/stores/{site}/issues", keeper, new { requisitionId = waiting["requisitionId"]!.GetValue<string>() });

        await Eventually.UntilAsync(async () => (await _api.GetAsync(order, agent)).Body?["materialsUsed"]?.AsArray().Count == 1, Patience,
            $"the issue should show on the work order\n{platform.Logs()}");
        var used = (await _api.GetAsync(order, agent)).Body!["materialsUsed"]![0]!;
        Assert.Equal(("LOCK-E2E", 1m, 80m), (used["itemCode"]!.GetValue<string>(), used["quantity"]!.GetValue<decimal>(), used["unitCost"]!.GetValue<decimal>()));
        var store = await _api.GetAsync($"{Inventory}/stores/{site}", keeper);
        Assert.Equal(2m, store.Body!["stock"]![0]!["quantity"]!.GetValue<decimal>());

        var bad = await _api.PostAsync($"{Inventory}/stores/{site}/receipts", keeper, new { itemCode = "LOCK-E2E", quantity = 0, deliveryNote = "DN-E2E-2", supplier = "Lock Co" });
        Assert.Equal((422, "quantity"), (bad.Status, bad.ProblemField));
        var noToken = await _api.Http.GetAsync($"{Inventory}/stores/{site}");
        Assert.Equal(401, (int)noToken.StatusCode);
    }

    [Fact]
    public async Task F8_lost_fire_equipment_reported_in_fire_safety_becomes_an_immediate_replenishment_request_in_inventory()
    {
        var planner = await TokenAsync("planner-e2e", "materials-planner");
        var keeper = await TokenAsync("keeper-e2e", "store-keeper");
        var officer = await TokenAsync("officer-e2e", "fire-safety-officer");
        var guard = await TokenAsync("guard-e2e", "security-guard");
        var production = await CreateAsync($"{Inventory}/stores", planner, new { code = "F8-PROD", name = "生产库房", tier = "production-store" });
        var department = await CreateAsync($"{Inventory}/stores", planner, new { code = "F8-BD", name = "业务部", tier = "business-department", parentId = production });
        await CreateAsync($"{Inventory}/stores", planner, new { code = "F8-SITE", name = "现场库房", tier = "site", parentId = department, estateId = Estate });
        await CreateAsync($"{Inventory}/items", planner, new { code = "EXT-F8", name = "4 kg extinguisher", category = "fire-equipment", unit = "piece", unitCost = 120m });

        var extinguisher = (await _api.PostAsync("/api/v1/fire-safety/equipment", officer, new
        {
            estateId = Estate, code = "EXT-B2-07", type = "extinguisher", location = "B2 stairwell", custodian = "Zhao", siteStoreCode = "F8-SITE", itemCode = "EXT-F8",
        }, idempotencyKey: Guid.NewGuid().ToString())).Location!;
        var wrongRole = await _api.PostAsync($"{extinguisher}/tests", keeper, new { defect = false });
        Assert.Equal((403, "application/problem+json"), (wrongRole.Status, wrongRole.ContentType));
        var reported = await _api.PostAsync($"{extinguisher}/loss-reports", guard, new { loss = "lost", reportedToLeader = "GM Zhou" }, idempotencyKey: "e2e-loss-1");
        Assert.Equal(200, reported.Status);

        JsonNode? request = null;
        await Eventually.UntilAsync(async () =>
        {
            var pipeline = await _api.GetAsync($"{Inventory}/reports/replenishment-pipeline", keeper);
            request = pipeline.Body?["requests"]?.AsArray().FirstOrDefault(r => r!["itemCode"]?.GetValue<string>() == "EXT-F8");
            return request is not null;
        }, Patience, $"the loss should reach Inventory as a replenishment request\n{platform.Logs()}");
        Assert.Equal(("immediate", "fire-equipment", "requested"),
            (request!["urgency"]!.GetValue<string>(), request["source"]!.GetValue<string>(), request["status"]!.GetValue<string>()));
    }

    private async Task<string> CreateAsync(string path, string token, object body)
    {
        var created = await _api.PostAsync(path, token, body, idempotencyKey: Guid.NewGuid().ToString());
        Assert.True(created.Status == 201, $"{path}: {created}");
        return created.Id;
    }

    private async Task StepAsync(string path, string token, object? body = null)
    {
        var answer = await _api.PostAsync(path, token, body);
        Assert.True(answer.Status is 200 or 201, $"{path}: {answer}");
    }

    private async Task<string> TokenAsync(string subject, string role)
    {
        var response = await _api.Http.PostAsJsonAsync("/dev/tokens", new { subject, name = subject, roles = new[] { role }, estates = new[] { Estate } });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
    }
}
