using Microsoft.Extensions.Time.Testing;

namespace Platform.Fees.Api.Tests;

/// <summary>
/// Two instances of Fees on one EventStoreDB: the receipt book stays gap-free when both take payments at once, and the
/// billing run, the arrears watcher and the reaction that applies payments each act once, however both are driven.
/// </summary>
public sealed class TwoReplicasTests : IAsyncLifetime
{
    private static readonly StoreUnderTest Store = StoreUnderTest.EventStoreDb;
    private FeesApi _first = null!;
    private FeesApi _second = null!;

    public async Task InitializeAsync()
    {
        if (Store.SkipReason is not null) return;
        var storeNamespace = StoreUnderTest.NewNamespace();
        var time = new FakeTimeProvider(FeesApi.Start);
        _first = await FeesApi.StartAsync(Store, storeNamespace: storeNamespace, time: time);
        _second = await FeesApi.StartAsync(Store, _first.VirtualHost, storeNamespace, time);
    }

    public async Task DisposeAsync()
    {
        if (_second is not null) await _second.DisposeAsync();
        if (_first is not null) await _first.DisposeAsync();
    }

    [SkippableFact]
    public async Task Payments_taken_on_both_replicas_at_once_get_every_receipt_number_once_and_are_each_applied_once()
    {
        Skip.If(Store.SkipReason is not null, Store.SkipReason);
        var account = await _first.OpenAccountAsync(propertyFeeStandard: null);
        var accountId = Guid.Parse(account[(account.LastIndexOf('/') + 1)..]);

        var payments = await Task.WhenAll(Enumerable.Range(1, 20).Select(i =>
            (i % 2 == 0 ? _first : _second).PayAsync(_first.Finance, accountId, 10m, key: $"pay-{i}")));

        Assert.All(payments, p => Assert.Equal(201, p.Status));
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"ESTATE-1/2026/{i:D6}"), payments.Select(p => p.Field("receiptNumber")).Order(StringComparer.Ordinal));
        await Eventually.UntilAsync(async () => (await _second.Api.GetAsync(account, _second.Finance)).Body!["credit"]!.GetValue<decimal>() == 200m,
            TimeSpan.FromSeconds(60), "every payment should reach the account");
        var view = (await _first.Api.GetAsync(account, _first.Finance)).Body!;
        Assert.Equal(20, view["payments"]!.AsArray().Count);
        Assert.Equal(20, view["ledger"]!.AsArray().Count);
    }

    [SkippableFact]
    public async Task The_monthly_run_and_the_arrears_watcher_driven_on_both_replicas_issue_and_mark_each_charge_once()
    {
        Skip.If(Store.SkipReason is not null, Store.SkipReason);
        await _first.ApproveStandardAsync();
        var accounts = new List<string>();
        for (var room = 1; room <= 12; room++) accounts.Add(await _first.OpenAccountAsync(room: $"2{room:D2}"));

        await Eventually.UntilAsync(() => _first.Lease.IsLead || _second.Lease.IsLead, TimeSpan.FromSeconds(60), "one replica should lead");
        _first.Time.SetUtcNow(new DateTimeOffset(2026, 3, 31, 16, 1, 0, TimeSpan.Zero)); // 1 April in Shanghai; one clock for both
        await Task.WhenAll(_first.RunWatchersOnThisInstanceAsync(), _second.RunWatchersOnThisInstanceAsync());
        _first.Time.SetUtcNow(new DateTimeOffset(2026, 4, 30, 16, 1, 0, TimeSpan.Zero)); // 1 May: April is overdue, May is billed
        await Task.WhenAll(_first.RunWatchersOnThisInstanceAsync(), _second.RunWatchersOnThisInstanceAsync());
        await Task.WhenAll(_first.RunWatchersOnThisInstanceAsync(), _second.RunWatchersOnThisInstanceAsync());

        await _second.CatchUpAsync();
        foreach (var account in accounts)
        {
            var charges = (await _second.Api.GetAsync(account, _second.Finance)).Body!["charges"]!.AsArray();
            Assert.Equal(["2026-04 overdue", "2026-05 issued"], charges.Select(c => $"{c!["period"]!.GetValue<string>()} {c["status"]!.GetValue<string>()}"));
        }
        var events = new List<string>();
        await foreach (var e in _first.Store.ReadAllAsync(null, "fees.", int.MaxValue)) events.Add(e.EventType);
        Assert.Equal(24, events.Count(t => t == "ChargeIssued.v1"));
        Assert.Equal(12, events.Count(t => t == "ChargeOverdue.v1"));
    }
}
