using MassTransit;
using Platform.Contracts.FireSafety;

namespace Platform.FireSafety.Api.Tests;

/// <summary>The equipment register and its test calendar with the watcher on the fake clock; a loss report reaches the bus for Inventory.</summary>
public abstract class EquipmentTests(StoreUnderTest store) : IAsyncLifetime
{
    private FireSafetyApi _api = null!;

    public async Task InitializeAsync()
    {
        if (store.SkipReason is not null) return;
        _api = await FireSafetyApi.StartAsync(store);
    }

    public async Task DisposeAsync()
    {
        if (_api is not null) await _api.DisposeAsync();
    }

    private Task<string> RegisterAsync(string code, string type) =>
        _api.CreateAsync($"{FireSafetyApi.Fire}/equipment", _api.Officer, new
        {
            estateId = FireSafetyApi.Estate, code, type, location = "B2 pump room", custodian = "Zhao", @sealed = true, siteStoreCode = "SITE", itemCode = "EXT-4KG",
        });

    [SkippableFact]
    public async Task S39_a_pump_untested_through_a_whole_month_is_overdue_once_and_a_tested_one_is_not()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var untested = await RegisterAsync("PUMP-1", "fire-pump");
        var tested = await RegisterAsync("PUMP-2", "fire-pump");

        _api.Time.SetUtcNow(new DateTimeOffset(2026, 7, 3, 2, 0, 0, TimeSpan.Zero));
        await _api.StepAsync($"{tested}/tests", _api.Guard, new { defect = false });
        _api.Time.SetUtcNow(new DateTimeOffset(2026, 8, 1, 1, 0, 0, TimeSpan.Zero));
        await _api.RunWatchersAsync();
        await _api.RunWatchersAsync();

        Assert.Equal(["2026-07"], (await _api.Api.GetAsync(untested, _api.Officer)).Body!["overduePeriods"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Empty((await _api.Api.GetAsync(tested, _api.Officer)).Body!["overduePeriods"]!.AsArray());
    }

    [SkippableFact]
    public async Task F8_lost_equipment_asks_inventory_for_its_replacement_once_per_report()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var received = new List<FireEquipmentReplacementRequestedV1>();
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(_api.VirtualHost.Host, (ushort)_api.VirtualHost.Port, Uri.UnescapeDataString(_api.VirtualHost.AbsolutePath.TrimStart('/')), host =>
            {
                host.Username("guest");
                host.Password("guest");
            });
            rabbit.ReceiveEndpoint($"test-inventory-{Guid.NewGuid():N}", endpoint => endpoint.Handler<FireEquipmentReplacementRequestedV1>(context =>
            {
                lock (received) received.Add(context.Message);
                return Task.CompletedTask;
            }));
        });
        await bus.StartAsync();
        try
        {
            var extinguisher = await RegisterAsync("EXT-17", "extinguisher");
            var report = await _api.Api.PostAsync($"{extinguisher}/loss-reports", _api.Guard, new { loss = "damaged", reportedToLeader = "GM Zhou" }, idempotencyKey: "loss-1");
            var again = await _api.Api.PostAsync($"{extinguisher}/loss-reports", _api.Guard, new { loss = "damaged", reportedToLeader = "GM Zhou" }, idempotencyKey: "loss-1");
            Assert.Equal((200, 200), (report.Status, again.Status));

            await Eventually.UntilAsync(() => { lock (received) return received.Count > 0; }, TimeSpan.FromSeconds(60), "the replacement request should be published");
            var request = Assert.Single(received);
            Assert.Equal(("SITE", "EXT-4KG", "damaged", 1m, "B2 pump room"), (request.SiteStoreCode, request.ItemCode, request.Loss, request.Quantity, request.Location));
        }
        finally
        {
            await bus.StopAsync();
        }
    }
}

public sealed class EquipmentTestsOnSqlite() : EquipmentTests(StoreUnderTest.Sqlite);

public sealed class EquipmentTestsOnEventStoreDb() : EquipmentTests(StoreUnderTest.EventStoreDb);
