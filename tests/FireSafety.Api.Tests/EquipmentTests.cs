using Platform.Contracts.FireSafety;

namespace Platform.FireSafety.Api.Tests;

/// <summary>The equipment register and its test calendar with the watcher on the fake clock; a loss report reaches the bus for Inventory.</summary>
public abstract class EquipmentTests(StoreUnderTest store) : FireSafetyApiTests(store)
{
    private Task<string> RegisterAsync(string code, string type) =>
        Service.CreateAsync($"{FireSafetyApi.Fire}/equipment", Service.Officer, new
        {
            estateId = FireSafetyApi.Estate, code, type, location = "B2 pump room", custodian = "Zhao", @sealed = true, siteStoreCode = "SITE", itemCode = "EXT-4KG",
        });

    [SkippableFact]
    public async Task S39_a_pump_untested_through_a_whole_month_is_overdue_once_and_a_tested_one_is_not()
    {
        Skip.If(Store.SkipReason is not null, Store.SkipReason);
        var untested = await RegisterAsync("PUMP-1", "fire-pump");
        var tested = await RegisterAsync("PUMP-2", "fire-pump");

        Service.Time.SetUtcNow(new DateTimeOffset(2026, 7, 3, 2, 0, 0, TimeSpan.Zero));
        await Service.StepAsync($"{tested}/tests", Service.Guard, new { defect = false });
        Service.Time.SetUtcNow(new DateTimeOffset(2026, 8, 1, 1, 0, 0, TimeSpan.Zero));
        await Service.RunWatchersAsync();
        await Service.RunWatchersAsync();

        Assert.Equal(["2026-07"], (await Service.Api.GetAsync(untested, Service.Officer)).Body!["overduePeriods"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Empty((await Service.Api.GetAsync(tested, Service.Officer)).Body!["overduePeriods"]!.AsArray());
    }

    [SkippableFact]
    public async Task F8_lost_equipment_asks_inventory_for_its_replacement_once_per_report()
    {
        Skip.If(Store.SkipReason is not null, Store.SkipReason);
        await using var requests = await BusCapture<FireEquipmentReplacementRequestedV1>.StartAsync(Service.VirtualHost);
        var extinguisher = await RegisterAsync("EXT-17", "extinguisher");
        var report = await Service.Api.PostAsync($"{extinguisher}/loss-reports", Service.Guard, new { loss = "damaged", reportedToLeader = "GM Zhou" }, idempotencyKey: "loss-1");
        var again = await Service.Api.PostAsync($"{extinguisher}/loss-reports", Service.Guard, new { loss = "damaged", reportedToLeader = "GM Zhou" }, idempotencyKey: "loss-1");
        Assert.Equal((200, 200), (report.Status, again.Status));

        var request = await requests.OneAsync(_ => true, "the replacement request should be published");
        Assert.Equal(("SITE", "EXT-4KG", "damaged", 1m, "B2 pump room"), (request.SiteStoreCode, request.ItemCode, request.Loss, request.Quantity, request.Location));
        // The item's registration and one loss: the repeated report stored nothing.
        Assert.Equal(2, await Service.StoredEventCountAsync("firesafety.equipment-"));
    }
}

public sealed class EquipmentTestsOnSqlite() : EquipmentTests(StoreUnderTest.Sqlite);

public sealed class EquipmentTestsOnEventStoreDb() : EquipmentTests(StoreUnderTest.EventStoreDb);
