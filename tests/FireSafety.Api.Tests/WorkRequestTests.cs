using Platform.Contracts.FireSafety;
using Platform.Contracts.WorkOrders;
using static Platform.FireSafety.Api.Tests.FireSafetyApi;

namespace Platform.FireSafety.Api.Tests;

/// <summary>
/// F7 and F8 on Fire safety's side of the bus: rectification that needs work and a defect ask Work orders for an order,
/// and Work orders' answer rectifies the hazard or repairs the item. Work orders itself is played by the test.
/// </summary>
public abstract class WorkRequestTests(StoreUnderTest store) : FireSafetyApiTests(store)
{
    private static Guid IdOf(string location) => Guid.Parse(location[(location.LastIndexOf('/') + 1)..]);

    [SkippableFact]
    public async Task F7_rectification_that_needs_work_asks_for_an_order_due_at_the_deadline_and_its_completion_rectifies_the_hazard()
    {
        Skip.If(Store.SkipReason is not null, Store.SkipReason);
        await using var requests = await BusCapture<FireSafetyWorkRequestedV1>.StartAsync(Service.VirtualHost);
        var hazard = await Service.CreateAsync($"{Fire}/hazards", Service.Token("tech-1", "technician"), new
        {
            estateId = Estate, location = "Stair B", description = "Fire door closer broken", source = "staff-report",
        });
        var deadline = Start.AddDays(7);
        await Service.StepAsync($"{hazard}/rectification-order", Service.Officer, new { responsibleUnit = "Engineering", deadline, needsWork = true });

        var request = await requests.OneAsync(r => r.HazardId == IdOf(hazard), "the rectification should ask Work orders for an order");
        Assert.Equal(("hazard-rectification", Estate, "Stair B", deadline), (request.Kind, request.EstateId, request.Location, request.DueAt!.Value));

        var completed = new FireSafetyWorkCompletedV1(Guid.NewGuid(), request.RequestId, request.Kind, request.HazardId, null, Estate, Start.AddDays(2));
        await Service.PublishAsync(completed, Guid.NewGuid());
        await Service.PublishAsync(completed, Guid.NewGuid());
        await Eventually.UntilAsync(async () => (await Service.Api.GetAsync(hazard, Service.Officer)).Body!["status"]!.GetValue<string>() == "rectified",
            TimeSpan.FromSeconds(60), "the work order's completion should mark the hazard rectified");
        var view = (await Service.Api.GetAsync(hazard, Service.Officer)).Body!;
        Assert.Equal(new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.FromHours(8)), view["recheckDueBy"]!.GetValue<DateTimeOffset>());
    }

    [SkippableFact]
    public async Task A_rectification_the_unit_does_itself_asks_for_no_work_order()
    {
        Skip.If(Store.SkipReason is not null, Store.SkipReason);
        await using var requests = await BusCapture<FireSafetyWorkRequestedV1>.StartAsync(Service.VirtualHost);
        var own = await Service.CreateAsync($"{Fire}/hazards", Service.Officer, new { estateId = Estate, location = "Lobby", description = "Cartons in the corridor", source = "patrol" });
        await Service.StepAsync($"{own}/rectification-order", Service.Officer, new { responsibleUnit = "Cleaning", deadline = Start.AddDays(1) });
        var worked = await Service.CreateAsync($"{Fire}/hazards", Service.Officer, new { estateId = Estate, location = "B1", description = "Exit sign dark", source = "patrol" });
        await Service.StepAsync($"{worked}/rectification-order", Service.Officer, new { responsibleUnit = "Engineering", deadline = Start.AddDays(1), needsWork = true });

        // The second request arrives after the first would have: the outbox publishes in the store's order.
        await requests.OneAsync(r => r.HazardId == IdOf(worked), "the second rectification should ask for an order");
        Assert.DoesNotContain(requests.Messages, r => r.HazardId == IdOf(own));
    }

    [SkippableFact]
    public async Task F8_a_test_that_finds_a_defect_asks_for_a_repair_order_and_its_completion_repairs_the_item()
    {
        Skip.If(Store.SkipReason is not null, Store.SkipReason);
        await using var requests = await BusCapture<FireSafetyWorkRequestedV1>.StartAsync(Service.VirtualHost);
        var pump = await Service.CreateAsync($"{Fire}/equipment", Service.Officer, new
        {
            estateId = Estate, code = "PUMP-1", type = "fire-pump", location = "B2 pump room", custodian = "Zhao", @sealed = true, siteStoreCode = "SITE", itemCode = "PUMP",
        });
        await Service.StepAsync($"{pump}/tests", Service.Guard, new { defect = true, note = "No pressure at the outlet" });

        var request = await requests.OneAsync(r => r.EquipmentId == IdOf(pump), "the defect should ask Work orders for a repair");
        Assert.Equal(("equipment-repair", "B2 pump room", (DateTimeOffset?)null), (request.Kind, request.Location, request.DueAt));
        Assert.Contains("No pressure at the outlet", request.Description);
        Assert.True((await Service.Api.GetAsync(pump, Service.Officer)).Body!["defective"]!.GetValue<bool>());

        await Service.PublishAsync(new FireSafetyWorkCompletedV1(Guid.NewGuid(), request.RequestId, request.Kind, null, request.EquipmentId, Estate, Start.AddDays(1)), Guid.NewGuid());
        await Eventually.UntilAsync(async () => !(await Service.Api.GetAsync(pump, Service.Officer)).Body!["defective"]!.GetValue<bool>(),
            TimeSpan.FromSeconds(60), "the repair's completion should mark the pump repaired");
    }
}

public sealed class WorkRequestTestsOnSqlite() : WorkRequestTests(StoreUnderTest.Sqlite);

public sealed class WorkRequestTestsOnEventStoreDb() : WorkRequestTests(StoreUnderTest.EventStoreDb);
