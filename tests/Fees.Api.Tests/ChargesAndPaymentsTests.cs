using System.Text.Json.Nodes;
using Platform.Contracts.WorkOrders;

namespace Platform.Fees.Api.Tests;

/// <summary>Standards, charges, payments and billing through the HTTP API, on a real broker and real store files.</summary>
public abstract class ChargesAndPaymentsTests(StoreUnderTest store) : IAsyncLifetime
{
    private FeesApi _api = null!;

    public async Task InitializeAsync()
    {
        if (store.SkipReason is not null) return;
        _api = await FeesApi.StartAsync(store);
    }

    public async Task DisposeAsync()
    {
        if (_api is not null) await _api.DisposeAsync();
    }

    private string Fees => FeesApi.Fees;

    [SkippableFact]
    public async Task S24_a_charge_at_another_rate_than_the_standard_is_a_422_naming_the_rate_and_stores_nothing()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        await _api.ApproveStandardAsync();
        var account = await _api.OpenAccountAsync();
        var before = await _api.StoredEventCountAsync();

        var wrongRate = await _api.Api.PostAsync($"{account}/charges", _api.Finance, new { standardCode = "PF-RES", rate = 1.60m, quantity = 100, period = "2026-03" });
        var noStandard = await _api.Api.PostAsync($"{account}/charges", _api.Finance, new { standardCode = "PF-NONE", rate = 1.50m, quantity = 100, period = "2026-03" });
        var missing = await _api.Api.PostAsync($"{account}/charges", _api.Finance, new { rate = 1.50m, period = "2026-03" });

        Assert.Equal((422, "application/problem+json"), (wrongRate.Status, wrongRate.ContentType));
        Assert.EndsWith("/rate-differs-from-standard", wrongRate.ProblemType);
        Assert.Equal("rate", wrongRate.ProblemField);
        Assert.EndsWith("/fee-standard-not-found", noStandard.ProblemType);
        Assert.Equal(422, missing.Status);
        Assert.Equal("standardCode", missing.ProblemField);
        Assert.Equal(before, await _api.StoredEventCountAsync());

        var charged = await _api.Api.PostAsync($"{account}/charges", _api.Finance, new { standardCode = "PF-RES", rate = 1.50m, quantity = 100, period = "2026-03" }, idempotencyKey: "c-1");
        Assert.Equal(200, charged.Status);
        Assert.Equal(150m, charged.Body!["owed"]!.GetValue<decimal>());
    }

    [SkippableFact]
    public async Task Payments_get_gap_free_receipt_numbers_and_pay_the_oldest_charges_first_with_the_rest_as_credit()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        await _api.ApproveStandardAsync();
        var account = await _api.OpenAccountAsync();
        var accountId = Guid.Parse(account[(account.LastIndexOf('/') + 1)..]);
        foreach (var period in new[] { "2026-02", "2026-03" })
            Assert.Equal(200, (await _api.Api.PostAsync($"{account}/charges", _api.Finance,
                new { standardCode = "PF-RES", rate = 1.50m, quantity = 100, period }, idempotencyKey: period)).Status);

        var first = await _api.PayAsync(_api.Finance, accountId, 200m, key: "pay-1");
        var again = await _api.PayAsync(_api.Finance, accountId, 200m, key: "pay-1");
        var second = await _api.PayAsync(_api.Finance, accountId, 150m, key: "pay-2");

        Assert.Equal(201, first.Status);
        Assert.Equal("ESTATE-1/2026/000001", first.Field("receiptNumber"));
        Assert.Equal((201, "ESTATE-1/2026/000001"), (again.Status, again.Field("receiptNumber")));
        Assert.Equal("ESTATE-1/2026/000002", second.Field("receiptNumber"));

        await Eventually.UntilAsync(async () => (await _api.Api.GetAsync(second.Location!, _api.Finance)).Body?["applied"]?.GetValue<bool>() == true,
            TimeSpan.FromSeconds(30), "the receipted payment should be applied to the account");
        var view = (await _api.Api.GetAsync(account, _api.Finance)).Body!;
        Assert.Equal(["paid", "paid"], view["charges"]!.AsArray().Select(c => c!["status"]!.GetValue<string>()));
        Assert.Equal(50m, view["credit"]!.GetValue<decimal>());
        Assert.Equal(-50m, view["balance"]!.GetValue<decimal>());
        var firstPayment = (await _api.Api.GetAsync(first.Location!, _api.Finance)).Body!;
        Assert.Equal([150m, 50m], firstPayment["allocations"]!.AsArray().Select(a => a!["amount"]!.GetValue<decimal>()));
    }

    [SkippableFact]
    public async Task A_technician_cannot_reach_fees_and_a_payment_for_an_unknown_account_stores_nothing()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var account = await _api.OpenAccountAsync(propertyFeeStandard: null);
        var accountId = Guid.Parse(account[(account.LastIndexOf('/') + 1)..]);
        var before = await _api.StoredEventCountAsync();

        var technician = await _api.PayAsync(_api.Token("tech-1", "technician"), accountId, 50m, "door-collection");
        var unknown = await _api.PayAsync(_api.Finance, Guid.NewGuid(), 50m);
        var otherEstate = await _api.PayAsync(_api.Token("fin-2", "finance-clerk", "estate-2"), accountId, 50m);
        var usd = await _api.Api.PostAsync($"{Fees}/payments", _api.Finance, new { accountId, amount = 50m, currency = "USD", channel = "window" });
        var agentAtWindow = await _api.PayAsync(_api.Token("agent-1", "call-centre-agent"), accountId, 50m, "window");
        var unknownField = await _api.Api.SendAsync(HttpMethod.Post, $"{Fees}/payments", _api.Finance,
            rawJson: $$"""{"accountId":"{{accountId}}","amount":50,"channel":"window","tip":1}""");
        var huge = await _api.Api.PostAsync($"{Fees}/payments", _api.Finance, new { accountId, amount = 1e12m, channel = "window" });
        var amountAsText = await _api.Api.SendAsync(HttpMethod.Post, $"{Fees}/payments", _api.Finance,
            rawJson: $$"""{"accountId":"{{accountId}}","amount":"50","channel":"window"}""");
        var badDate = await _api.Api.PostAsync($"{Fees}/standards", _api.Finance, new
        {
            estateId = FeesApi.Estate, code = "X", name = "x", feeType = "parking", rate = 1m, unit = "per-job", validFrom = "01/03/2026", approvalReference = "r",
        });

        Assert.Equal(403, technician.Status);
        Assert.Equal((422, "accountId"), (unknown.Status, unknown.ProblemField));
        Assert.Equal(422, otherEstate.Status);
        Assert.Equal((422, "currency"), (usd.Status, usd.ProblemField));
        Assert.EndsWith("/channel-not-yours", agentAtWindow.ProblemType);
        Assert.Equal((400, "tip"), (unknownField.Status, unknownField.ProblemField));
        Assert.Equal(422, huge.Status);
        Assert.Equal((400, "amount"), (amountAsText.Status, amountAsText.ProblemField));
        Assert.Equal((400, "validFrom"), (badDate.Status, badDate.ProblemField));
        Assert.Contains("YYYY-MM-DD", badDate.Text);
        Assert.All(new[] { technician, unknown, otherEstate, usd, agentAtWindow, unknownField, huge, amountAsText, badDate },
            a => Assert.Equal("application/problem+json", a.ContentType));
        Assert.Equal(before, await _api.StoredEventCountAsync());
    }

    [SkippableFact]
    public async Task The_monthly_run_bills_every_account_once_however_often_it_runs()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        await _api.ApproveStandardAsync();
        var accounts = new List<string>();
        for (var room = 1; room <= 3; room++) accounts.Add(await _api.OpenAccountAsync(room: $"10{room}", floorArea: 80m + room));
        await _api.OpenAccountAsync(room: "900", propertyFeeStandard: "PF-GONE");

        _api.Time.SetUtcNow(new DateTimeOffset(2026, 3, 31, 16, 1, 0, TimeSpan.Zero)); // 1 April, 00:01 in Shanghai
        await _api.RunWatchersAsync();
        var stored = await _api.StoredEventCountAsync();
        await _api.RunWatchersAsync();
        Assert.Equal(stored, await _api.StoredEventCountAsync());

        foreach (var (account, i) in accounts.Select((a, i) => (a, i + 1)))
        {
            var charges = (await _api.Api.GetAsync(account, _api.Finance)).Body!["charges"]!.AsArray();
            var charge = Assert.Single(charges)!;
            Assert.Equal(("2026-04", Math.Round(1.50m * (80m + i), 2), "2026-04-30"),
                (charge["period"]!.GetValue<string>(), charge["amount"]!.GetValue<decimal>(), charge["dueOn"]!.GetValue<string>()));
        }
        var list = JsonNode.Parse((await _api.Api.GetAsync($"{Fees}/billing-runs?estateId={FeesApi.Estate}", _api.Finance)).Text)!.AsArray();
        var april = list.Single(r => r!["kind"]!.GetValue<string>() == "monthly-fees" && r["period"]!.GetValue<string>() == "2026-04")!;
        Assert.Equal((4, 3, 1), (april["accounts"]!.GetValue<int>(), april["chargesIssued"]!.GetValue<int>(), april["skipped"]!.GetValue<int>()));
    }

    [SkippableFact]
    public async Task S23_a_signed_off_repair_is_requested_on_the_15th_due_on_the_20th_and_overdue_with_a_door_visit_due_on_the_21st()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        await _api.ApproveStandardAsync("REPAIR-JOB", "paid-repair", 60m, "per-job");
        var account = await _api.OpenAccountAsync(propertyFeeStandard: null);
        var workOrderId = Guid.NewGuid();
        var handOver = new WorkOrderBillingHandedOverV1(workOrderId, FeesApi.Estate, new WorkOrderUnit(FeesApi.Estate, "3", "2", "501"), 120m, "CNY", "REPAIR-JOB",
            new DateTimeOffset(2026, 3, 3, 8, 0, 0, TimeSpan.Zero));
        var messageId = Guid.NewGuid();
        await _api.PublishAsync(handOver, messageId);
        await _api.PublishAsync(handOver, messageId);
        await _api.PublishAsync(handOver, Guid.NewGuid());

        await Eventually.UntilAsync(async () => (await _api.Api.GetAsync(account, _api.Finance)).Body!["charges"]!.AsArray().Count == 1,
            TimeSpan.FromSeconds(60), "the hand-over should become a charge");
        var waiting = (await _api.Api.GetAsync(account, _api.Finance)).Body!["charges"]![0]!;
        Assert.Equal(("awaiting-payment-request", 120m), (waiting["status"]!.GetValue<string>(), waiting["owed"]!.GetValue<decimal>()));

        _api.Time.SetUtcNow(new DateTimeOffset(2026, 3, 14, 16, 0, 0, TimeSpan.Zero)); // 15 March, 00:00 in Shanghai
        await _api.RunWatchersAsync();
        var requested = (await _api.Api.GetAsync(account, _api.Finance)).Body!["charges"]!.AsArray();
        Assert.Equal(("2026-03-20", "issued"), (Assert.Single(requested)!["dueOn"]!.GetValue<string>(), requested[0]!["status"]!.GetValue<string>()));

        _api.Time.SetUtcNow(new DateTimeOffset(2026, 3, 20, 15, 59, 0, TimeSpan.Zero)); // 20 March, 23:59: not yet
        await _api.RunWatchersAsync();
        Assert.Equal("issued", (await _api.Api.GetAsync(account, _api.Finance)).Body!["charges"]![0]!["status"]!.GetValue<string>());

        _api.Time.SetUtcNow(new DateTimeOffset(2026, 3, 20, 16, 1, 0, TimeSpan.Zero)); // 21 March
        await _api.RunWatchersAsync();
        Assert.Equal("overdue", (await _api.Api.GetAsync(account, _api.Finance)).Body!["charges"]![0]!["status"]!.GetValue<string>());
        var tasks = (await _api.Api.GetAsync($"{Fees}/reports/arrears?estateId={FeesApi.Estate}&dunningDue=true", _api.Finance)).Body!["accounts"]!.AsArray();
        var task = Assert.Single(tasks)!;
        Assert.Equal((1, "door-visit"), (task["dunningLevelDue"]!.GetValue<int>(), task["methodsDue"]![0]!.GetValue<string>()));

        var collector = _api.Token("col-1", "collector");
        var visit = await _api.Api.PostAsync($"{account}/dunning-actions", collector, new { method = "door-visit", result = "promised-to-pay" });
        Assert.Equal(200, visit.Status);
        await _api.CatchUpAsync();
        Assert.Empty((await _api.Api.GetAsync($"{Fees}/reports/arrears?estateId={FeesApi.Estate}&dunningDue=true", _api.Finance)).Body!["accounts"]!.AsArray());
    }

    [SkippableFact]
    public async Task S26_a_front_desk_payment_at_lunch_is_on_the_days_hand_over_list_until_handed_over()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var account = await _api.OpenAccountAsync(propertyFeeStandard: null);
        var accountId = Guid.Parse(account[(account.LastIndexOf('/') + 1)..]);
        _api.Time.SetUtcNow(new DateTimeOffset(2026, 3, 2, 4, 30, 0, TimeSpan.Zero)); // 12:30 in Shanghai
        var agent = _api.Token("agent-1", "call-centre-agent");

        var paid = await _api.PayAsync(agent, accountId, 300m, "front-desk");
        Assert.Equal(201, paid.Status);
        Assert.Equal("front-desk", paid.Field("channel"));
        await _api.CatchUpAsync();

        var list = (await _api.Api.GetAsync($"{Fees}/reports/hand-over?estateId={FeesApi.Estate}&day=2026-03-02", agent)).Body!;
        Assert.Equal((300m, 300m), (list["total"]!.GetValue<decimal>(), list["notHandedOver"]!.GetValue<decimal>()));
        Assert.Equal("agent-1", list["payments"]![0]!["receivedBy"]!.GetValue<string>());

        var handedOver = await _api.Api.PostAsync($"{Fees}/hand-overs", agent, new { estateId = FeesApi.Estate, year = 2026, paymentIds = new[] { paid.Id }, handedOverTo = "cs-supervisor-1" });
        Assert.Equal(200, handedOver.Status);
        await _api.CatchUpAsync();
        list = (await _api.Api.GetAsync($"{Fees}/reports/hand-over?estateId={FeesApi.Estate}&day=2026-03-02", agent)).Body!;
        Assert.Equal(0m, list["notHandedOver"]!.GetValue<decimal>());
    }
}

public sealed class ChargesAndPaymentsTestsOnSqlite() : ChargesAndPaymentsTests(StoreUnderTest.Sqlite);

public sealed class ChargesAndPaymentsTestsOnEventStoreDb() : ChargesAndPaymentsTests(StoreUnderTest.EventStoreDb);
