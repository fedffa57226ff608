using Microsoft.Extensions.Time.Testing;

namespace Platform.Inventory.Api.Tests;

/// <summary>
/// Two instances of Inventory on one EventStoreDB: store keepers issuing one hot item through both never take the book
/// below zero and lose no issue, and the reactions (a requisition's issue, the draft a reorder point raises) act once.
/// </summary>
public sealed class TwoReplicasTests : IAsyncLifetime
{
    private static readonly StoreUnderTest Store = StoreUnderTest.EventStoreDb;
    private InventoryApi _first = null!;
    private InventoryApi _second = null!;

    public async Task InitializeAsync()
    {
        if (Store.SkipReason is not null) return;
        var storeNamespace = StoreUnderTest.NewNamespace();
        var time = new FakeTimeProvider(InventoryApi.Start);
        _first = await InventoryApi.StartAsync(Store, storeNamespace: storeNamespace, time: time);
        _second = await InventoryApi.StartAsync(Store, _first.VirtualHost, storeNamespace, time);
    }

    public async Task DisposeAsync()
    {
        if (_second is not null) await _second.DisposeAsync();
        if (_first is not null) await _first.DisposeAsync();
    }

    [SkippableFact]
    public async Task Sixteen_keepers_issuing_one_hot_item_through_both_replicas_issue_exactly_the_stock_and_each_requisition_once()
    {
        Skip.If(Store.SkipReason is not null, Store.SkipReason);
        var (_, _, site) = await _first.OpenTiersAsync();
        await _first.RegisterItemAsync();
        await _first.ReceiveAsync(site, "MOP", 40);
        Assert.Equal(200, (await _first.Api.PostAsync($"{InventoryApi.Inventory}/stores/{site}/reorder-points", _first.Keeper, new { itemCode = "MOP", minimum = 10 })).Status);
        var requisitions = new List<string>();
        for (var i = 0; i < 30; i++) requisitions.Add(await (i % 2 == 0 ? _first : _second).SignedRequisitionAsync(site, "MOP", 2));

        using var keepers = new SemaphoreSlim(16);
        var answers = await Task.WhenAll(requisitions.Select(async (requisition, i) =>
        {
            await keepers.WaitAsync();
            try
            {
                var api = i % 2 == 0 ? _first : _second;
                return await api.Api.PostAsync($"{InventoryApi.Inventory}/stores/{site}/issues", api.Token($"keeper-{i % 16}", "store-keeper"),
                    new { requisitionId = requisition }, idempotencyKey: $"issue-{requisition}");
            }
            finally
            {
                keepers.Release();
            }
        }));

        Assert.All(answers, a => Assert.True(a.Status == 200 || a.ProblemType?.EndsWith("/insufficient-stock") == true, a.ToString()));
        Assert.Equal(20, answers.Count(a => a.Status == 200));
        Assert.Equal(0, await _second.StockAsync(site, "MOP"));

        var issued = new List<string>();
        await Eventually.UntilAsync(async () =>
        {
            issued.Clear();
            foreach (var requisition in requisitions)
                if ((await _second.Api.GetAsync($"{InventoryApi.Inventory}/requisitions/{requisition}", _second.Keeper)).Field("status") == "issued") issued.Add(requisition);
            return issued.Count == 20;
        }, TimeSpan.FromSeconds(60), "every issue should reach its requisition");
        foreach (var requisition in issued)
        {
            var lines = (await _first.Api.GetAsync($"{InventoryApi.Inventory}/requisitions/{requisition}", _first.Keeper)).Body!["lines"]!.AsArray();
            Assert.Equal(2m, lines.Single()!["issued"]!.GetValue<decimal>());
        }

        await Eventually.UntilAsync(async () =>
        {
            await _first.CatchUpAsync();
            return (await _first.Api.GetAsync($"{InventoryApi.Inventory}/reports/replenishment-pipeline", _first.Keeper)).Body!["requests"]!.AsArray().Count > 0;
        }, TimeSpan.FromSeconds(60), "the fall below 10 should draft a request");
        await _second.CatchUpAsync();
        Assert.Single((await _second.Api.GetAsync($"{InventoryApi.Inventory}/reports/replenishment-pipeline", _second.Keeper)).Body!["requests"]!.AsArray());
        var movements = await _second.Api.GetAsync($"{InventoryApi.Inventory}/reports/movements?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z", _second.Keeper);
        Assert.Equal(20, movements.Body!["movements"]!.AsArray().Single(m => m!["kind"]!.GetValue<string>() == "issue")!["entries"]!.GetValue<int>());
    }
}
