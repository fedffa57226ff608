using Platform.Contracts.Complaints;

namespace Platform.Fees.Api.Tests;

/// <summary>F9 over the broker, dunning held while disputed, and the collection rate with and without disputed accounts.</summary>
public abstract class DisputesAndReportsTests(StoreUnderTest store) : IAsyncLifetime
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

    [SkippableFact]
    public async Task F9_fees_withheld_over_a_claim_dispute_the_account_until_the_claim_is_settled_and_no_one_chases_it_meanwhile()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        await _api.ApproveStandardAsync();
        var account = await _api.OpenAccountAsync(propertyFeeStandard: null);
        await _api.Api.PostAsync($"{account}/charges", _api.Finance, new { standardCode = "PF-RES", rate = 1.50m, quantity = 100, period = "2026-03" }, idempotencyKey: "march");
        var complaintId = Guid.NewGuid();
        var unit = new Contracts.Complaints.UnitAddress(FeesApi.Estate, "3", "2", "501");

        var withheld = new FeesWithheldOverClaimV1(complaintId, 1, unit, "compensation", FeesApi.Start);
        var withheldId = Guid.NewGuid();
        await _api.PublishAsync(withheld, withheldId);
        await _api.PublishAsync(withheld, withheldId);
        await Eventually.UntilAsync(async () => (await _api.Api.GetAsync(account, _api.Finance)).Body!["dispute"] is not null,
            TimeSpan.FromSeconds(60), "the account should be disputed");
        var disputed = (await _api.Api.GetAsync(account, _api.Finance)).Body!;
        Assert.Equal("disputed", disputed["charges"]![0]!["status"]!.GetValue<string>());
        Assert.Equal(complaintId, disputed["dispute"]!["complaintId"]!.GetValue<Guid>());

        _api.Time.SetUtcNow(new DateTimeOffset(2026, 4, 10, 2, 0, 0, TimeSpan.Zero));
        await _api.RunWatchersAsync();
        Assert.Equal("disputed", (await _api.Api.GetAsync(account, _api.Finance)).Body!["charges"]![0]!["status"]!.GetValue<string>());
        var dunning = await _api.Api.PostAsync($"{account}/dunning-actions", _api.Token("agent-1", "call-centre-agent"), new { method = "phone", result = "refused" });
        Assert.Equal(409, dunning.Status);
        Assert.EndsWith("/no-dunning-while-disputed", dunning.ProblemType);

        var rate = (await _api.Api.GetAsync($"{FeesApi.Fees}/reports/collection-rate?estateId={FeesApi.Estate}&from=2026-03&to=2026-03", _api.Finance)).Body!;
        Assert.Equal(1, rate["disputedAccounts"]!.GetValue<int>());
        Assert.Equal(150m, rate["total"]!["includingDisputed"]!["billed"]!.GetValue<decimal>());
        Assert.Equal(0m, rate["total"]!["excludingDisputed"]!["billed"]!.GetValue<decimal>());

        await _api.PublishAsync(new CompensationSettledV1(complaintId, 1, unit, "approved", 800m, FeesApi.Start.AddDays(40)), Guid.NewGuid());
        await Eventually.UntilAsync(async () => (await _api.Api.GetAsync(account, _api.Finance)).Body!["dispute"] is null,
            TimeSpan.FromSeconds(60), "the settlement should resolve the dispute");
        await _api.RunWatchersAsync();
        var resolved = (await _api.Api.GetAsync(account, _api.Finance)).Body!;
        Assert.Equal(("overdue", 150m), (resolved["charges"]![0]!["status"]!.GetValue<string>(), resolved["owed"]!.GetValue<decimal>()));
        Assert.Equal(200, (await _api.Api.PostAsync($"{account}/dunning-actions", _api.Token("agent-1", "call-centre-agent"), new { method = "phone", result = "promised-to-pay" })).Status);
    }

    [SkippableFact]
    public async Task The_collection_rate_is_reported_by_fee_type_with_and_without_disputed_accounts_and_income_by_fee_type()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        await _api.ApproveStandardAsync();
        var paying = await _api.OpenAccountAsync(room: "101");
        var withholding = await _api.OpenAccountAsync(room: "102");
        foreach (var account in new[] { paying, withholding })
            await _api.Api.PostAsync($"{account}/charges", _api.Finance, new { standardCode = "PF-RES", rate = 1.50m, quantity = 100, period = "2026-03" }, idempotencyKey: account);
        Assert.Equal(200, (await _api.Api.PostAsync($"{withholding}/dispute", _api.Token("agent-1", "call-centre-agent"), new { reason = "construction-defects" })).Status);
        var payingId = Guid.Parse(paying[(paying.LastIndexOf('/') + 1)..]);
        var payment = await _api.PayAsync(_api.Finance, payingId, 150m);
        await Eventually.UntilAsync(async () => (await _api.Api.GetAsync(payment.Location!, _api.Finance)).Body?["applied"]?.GetValue<bool>() == true,
            TimeSpan.FromSeconds(30), "the payment should be applied");

        var report = (await _api.Api.GetAsync($"{FeesApi.Fees}/reports/collection-rate?estateId={FeesApi.Estate}&from=2026-03&to=2026-03", _api.Finance)).Body!;
        var property = report["byFeeType"]!.AsArray().Single(r => r!["feeType"]!.GetValue<string>() == "property-fee")!;
        Assert.Equal((300m, 150m, 0.5m), (property["includingDisputed"]!["billed"]!.GetValue<decimal>(), property["includingDisputed"]!["collected"]!.GetValue<decimal>(),
            property["includingDisputed"]!["rate"]!.GetValue<decimal>()));
        Assert.Equal(1m, property["excludingDisputed"]!["rate"]!.GetValue<decimal>());

        var income = (await _api.Api.GetAsync($"{FeesApi.Fees}/reports/income?estateId={FeesApi.Estate}&from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z", _api.Finance)).Body!;
        Assert.Equal(150m, income["total"]!.GetValue<decimal>());
        Assert.Equal("property-fee", income["byFeeType"]![0]!["feeType"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Reports_need_a_visible_estate_and_well_formed_periods()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var other = await _api.Api.GetAsync($"{FeesApi.Fees}/reports/arrears?estateId=estate-9", _api.Finance);
        var badMonth = await _api.Api.GetAsync($"{FeesApi.Fees}/reports/collection-rate?estateId={FeesApi.Estate}&from=2026-13&to=2026-03", _api.Finance);
        Assert.Equal(403, other.Status);
        Assert.Equal((400, "from"), (badMonth.Status, badMonth.ProblemField));
    }
}

public sealed class DisputesAndReportsTestsOnSqlite() : DisputesAndReportsTests(StoreUnderTest.Sqlite);

public sealed class DisputesAndReportsTestsOnEventStoreDb() : DisputesAndReportsTests(StoreUnderTest.EventStoreDb);

/// <summary>A collection drive (清缴) measures the arrears in scope at its start and what payments brought to them, and ends by itself.</summary>
public sealed class CollectionDriveTests : IAsyncLifetime
{
    private FeesApi _api = null!;

    public async Task InitializeAsync() => _api = await FeesApi.StartAsync(StoreUnderTest.Sqlite);

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task A_drive_tracks_its_progress_and_ends_at_its_end_with_its_figures()
    {
        await _api.ApproveStandardAsync();
        var owing = new List<string>();
        for (var room = 1; room <= 3; room++)
        {
            var account = await _api.OpenAccountAsync(room: $"60{room}", propertyFeeStandard: null);
            await _api.Api.PostAsync($"{account}/charges", _api.Finance, new { standardCode = "PF-RES", rate = 1.50m, quantity = 100, period = "2026-02" }, idempotencyKey: account);
            owing.Add(account);
        }
        _api.Time.SetUtcNow(new DateTimeOffset(2026, 3, 10, 1, 0, 0, TimeSpan.Zero));

        var started = await _api.Api.PostAsync($"{FeesApi.Fees}/collection-drives", _api.Finance,
            new { estateId = FeesApi.Estate, name = "February arrears", dueOnOrBefore = "2026-02-28" }, idempotencyKey: "drive-1");
        Assert.Equal(201, started.Status);
        Assert.Equal((3, 450m), (started.Body!["atStart"]!["accountsOwing"]!.GetValue<int>(), started.Body["atStart"]!["owed"]!.GetValue<decimal>()));

        var first = Guid.Parse(owing[0][(owing[0].LastIndexOf('/') + 1)..]);
        var payment = await _api.PayAsync(_api.Finance, first, 150m);
        await Eventually.UntilAsync(async () => (await _api.Api.GetAsync(payment.Location!, _api.Finance)).Body?["applied"]?.GetValue<bool>() == true,
            TimeSpan.FromSeconds(30), "the payment should be applied");
        var progress = (await _api.Api.GetAsync(started.Location!, _api.Finance)).Body!;
        Assert.Equal((2, 150m, 0.3333m), (progress["now"]!["accountsOwing"]!.GetValue<int>(), progress["now"]!["collected"]!.GetValue<decimal>(),
            progress["collectedShare"]!.GetValue<decimal>()));

        _api.Time.SetUtcNow(new DateTimeOffset(2026, 4, 10, 1, 0, 0, TimeSpan.Zero));
        await _api.RunWatchersAsync();
        var ended = (await _api.Api.GetAsync(started.Location!, _api.Finance)).Body!;
        Assert.True(ended["ended"]!.GetValue<bool>());
        Assert.Equal(150m, ended["now"]!["collected"]!.GetValue<decimal>());
    }
}
