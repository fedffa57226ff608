using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.TestSupport;
using Xunit;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// F3 and F9 black-box, on the platform as run.sh starts it: through the gateway with tokens, over the real broker,
/// with the billing calendar driven by the test clock (<c>POST /dev/clock</c>).
/// </summary>
public sealed class FeesThroughGatewayTests(PlatformProcess platform) : IClassFixture<PlatformProcess>
{
    private const string Estate = "estate-fees";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private readonly ApiClient _api = new(new HttpClient { BaseAddress = platform.Gateway, Timeout = TimeSpan.FromSeconds(90) });

    [Fact]
    public async Task F3_a_repair_the_owner_signed_for_is_requested_on_the_15th_overdue_on_the_21st_and_collected_at_the_door()
    {
        var finance = await TokenAsync("fin-e2e", "finance-clerk");
        var agent = await TokenAsync("agent-e2e", "call-centre-agent");
        var technician = await TokenAsync("tech-e2e", "technician");
        var collector = await TokenAsync("col-e2e", "collector");
        Assert.Equal(201, (await _api.PostAsync("/api/v1/fees/standards", finance, new
        {
            estateId = Estate, code = "REPAIR-JOB", name = "Paid repair, per job", feeType = "paid-repair", rate = 60m, unit = "per-job",
            validFrom = "2026-01-01", approvalReference = "PB-2026-031",
        })).Status);
        var account = await OpenAccountAsync(finance, "301");

        var order = (await _api.PostAsync("/api/v1/work-orders", agent, new
        {
            channel = "hotline", type = "repair", unit = new { estateId = Estate, building = "5", entrance = "1", room = "301" },
            reporter = new { name = "钱七", phone = "13600136000" }, content = "Replace the kitchen tap",
        })).Location!;
        await StepAsync($"{order}/dispatch", agent, new { technicianId = "tech-e2e", appointmentAt = DateTimeOffset.UtcNow.AddHours(1) });
        await StepAsync($"{order}/arrival", technician);
        await StepAsync($"{order}/quote", technician, new { amount = 120m, feeStandardRef = "REPAIR-JOB" });
        await StepAsync($"{order}/quote/acceptance", technician);
        await StepAsync($"{order}/start", technician);
        await StepAsync($"{order}/completion", technician, new { signedOffBy = "钱七", amount = 120m });

        await Eventually.UntilAsync(async () => (await _api.GetAsync(account, finance)).Body?["charges"]?.AsArray().Count == 1, Patience,
            $"the signed-off repair should become a service charge\n{platform.Logs()}");
        var charge = (await _api.GetAsync(account, finance)).Body!["charges"]![0]!;
        Assert.Equal(("awaiting-payment-request", 120m, "paid-repair"),
            (charge["status"]!.GetValue<string>(), charge["amount"]!.GetValue<decimal>(), charge["feeType"]!.GetValue<string>()));

        var now = DateTimeOffset.Parse((await ClockAsync(HttpMethod.Get))["now"]!.GetValue<string>()).ToOffset(TimeSpan.FromHours(8));
        var fifteenth = new DateTimeOffset(now.Year, now.Month, 15, 0, 10, 0, TimeSpan.FromHours(8));
        if (fifteenth <= now) fifteenth = fifteenth.AddMonths(1);
        await ClockAsync(HttpMethod.Post, new { advanceTo = fifteenth });
        charge = (await _api.GetAsync(account, finance)).Body!["charges"]![0]!;
        Assert.Equal(("issued", $"{fifteenth:yyyy-MM}-20"), (charge["status"]!.GetValue<string>(), charge["dueOn"]!.GetValue<string>()));

        await ClockAsync(HttpMethod.Post, new { advanceTo = fifteenth.AddDays(6) });
        Assert.Equal("overdue", (await _api.GetAsync(account, finance)).Body!["charges"]![0]!["status"]!.GetValue<string>());
        var task = (await _api.GetAsync($"/api/v1/fees/reports/arrears?estateId={Estate}&dunningDue=true", collector)).Body!["accounts"]!.AsArray().Single()!;
        Assert.Equal("door-visit", task["methodsDue"]![0]!.GetValue<string>());

        await StepAsync($"{account}/dunning-actions", collector, new { method = "door-visit", result = "paid" });
        var accountId = account[(account.LastIndexOf('/') + 1)..];
        var paid = await _api.PostAsync("/api/v1/fees/payments", collector, new { accountId, amount = 120m, channel = "door-collection" }, idempotencyKey: "e2e-door-1");
        Assert.Equal(201, paid.Status);
        Assert.StartsWith("ESTATE-FEES/", paid.Field("receiptNumber"));
        await Eventually.UntilAsync(async () => (await _api.GetAsync(account, finance)).Body!["charges"]![0]!["status"]!.GetValue<string>() == "paid", Patience,
            "the door collection should pay the charge");

        var technicianPays = await _api.PostAsync("/api/v1/fees/payments", technician, new { accountId, amount = 10m, channel = "door-collection" });
        Assert.Equal((403, "application/problem+json"), (technicianPays.Status, technicianPays.ContentType));
    }

    [Fact]
    public async Task F9_fees_withheld_over_a_compensation_claim_dispute_the_account_until_the_signed_agreement_settles_it()
    {
        var finance = await TokenAsync("fin-e2e", "finance-clerk");
        var agent = await TokenAsync("agent-e2e", "call-centre-agent");
        var manager = await TokenAsync("dm-e2e", "department-manager");
        Assert.Equal(201, (await _api.PostAsync("/api/v1/fees/standards", finance, new
        {
            estateId = Estate, code = "PF-RES", name = "Residential property fee", feeType = "property-fee", rate = 1.50m, unit = "per-square-metre-month",
            validFrom = "2026-01-01", approvalReference = "PB-2026-017",
        })).Status);
        var account = await OpenAccountAsync(finance, "302");
        var now = DateTimeOffset.Parse((await ClockAsync(HttpMethod.Get))["now"]!.GetValue<string>()).ToOffset(TimeSpan.FromHours(8));
        await StepAsync($"{account}/charges", finance, new { standardCode = "PF-RES", rate = 1.50m, quantity = 90, period = $"{now:yyyy-MM}" }, "e2e-pf-1");

        var complaint = (await _api.PostAsync("/api/v1/complaints", agent, new
        {
            estateId = Estate, unit = new { building = "5", entrance = "1", room = "302" },
            reporter = new { name = "孙八", phone = "13500135000", kind = "owner" }, channel = "hotline",
            content = "Ceiling water damage ruined the furniture", category = "water-electricity",
        })).Location!;
        await StepAsync($"{complaint}/compensation-claim", agent, new { amount = 3000m, basis = "furniture damaged by the leak" });
        await StepAsync($"{complaint}/compensation-claim/fees-withheld", agent);

        await Eventually.UntilAsync(async () => (await _api.GetAsync(account, finance)).Body?["dispute"] is JsonObject, Patience,
            $"withholding over the claim should dispute the account\n{platform.Logs()}");
        var dunning = await _api.PostAsync($"{account}/dunning-actions", agent, new { method = "phone", result = "refused" });
        Assert.Equal(409, dunning.Status);
        Assert.EndsWith("/no-dunning-while-disputed", dunning.ProblemType);

        await StepAsync($"{complaint}/compensation-claim/plan", manager, new { plan = "pay for the furniture" });
        await StepAsync($"{complaint}/compensation-claim/approval", manager, new { approvedAmount = 2500m });
        await StepAsync($"{complaint}/compensation-claim/legal-confirmation", manager, new { counselName = "Counsel Wu" });
        await StepAsync($"{complaint}/compensation-claim/agreement-signature", manager, new { agreementReference = "ARCH-E2E-1" });

        await Eventually.UntilAsync(async () => (await _api.GetAsync(account, finance)).Body?["dispute"] is null, Patience,
            "the signed agreement should settle the claim and resolve the dispute");
        Assert.Equal(135m, (await _api.GetAsync(account, finance)).Body!["owed"]!.GetValue<decimal>());
    }

    private async Task<string> OpenAccountAsync(string finance, string room)
    {
        var opened = await _api.PostAsync("/api/v1/fees/accounts", finance, new
        {
            unit = new { estateId = Estate, building = "5", entrance = "1", room },
            payerKind = "owner", payer = new { name = "钱七", phone = "13600136000" }, floorArea = 90m,
        });
        Assert.True(opened.Status == 201, $"{opened}\n{platform.Logs()}");
        return opened.Location!;
    }

    private async Task StepAsync(string path, string token, object? body = null, string? key = null)
    {
        var answer = await _api.PostAsync(path, token, body, idempotencyKey: key);
        Assert.True(answer.Status is 200 or 201, $"POST {path}: {answer}");
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
        var response = await _api.Http.PostAsJsonAsync("/dev/tokens", new { subject, name = subject, roles = new[] { role }, estates = new[] { Estate } });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
    }
}
