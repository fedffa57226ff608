namespace Platform.FireSafety.Api.Tests;

/// <summary>Patrols, inspections and hazards through the HTTP API with the watchers on the fake clock, on a real broker and real store files.</summary>
public abstract class FireSafetyFlowTests(StoreUnderTest store) : FireSafetyApiTests(store)
{
    private string Fire => FireSafetyApi.Fire;

    [SkippableFact]
    public async Task S36_a_key_location_patrolled_at_08_00_misses_its_10_00_patrol_once_and_the_log_counts_the_day()
    {
        Skip.If(Store.SkipReason is not null, Store.SkipReason);
        var location = await Service.CreateAsync($"{Fire}/key-locations", Service.Officer, new
        {
            estateId = FireSafetyApi.Estate, code = "SUB-1", name = "变配电室", kind = "substation-room", responsibleDepartment = "Engineering", responsiblePerson = "Wang",
        });
        await Service.StepAsync($"{location}/patrols", Service.Guard, new { findings = "Door closed, no clutter" });
        Assert.Equal(FireSafetyApi.Start.AddHours(2), DateTimeOffset.Parse((await Service.Api.GetAsync(location, Service.Guard)).Field("nextDueAt")));

        Service.Time.Advance(TimeSpan.FromMinutes(119));
        await Service.RunWatchersAsync();
        Assert.Equal(0, (await Service.Api.GetAsync(location, Service.Guard)).Body!["missed"]!.GetValue<int>());
        Service.Time.Advance(TimeSpan.FromMinutes(1));
        await Service.RunWatchersAsync();
        await Service.RunWatchersAsync();
        var view = (await Service.Api.GetAsync(location, Service.Guard)).Body!;
        Assert.Equal(1, view["missed"]!.GetValue<int>());

        var log = await Service.Api.GetAsync($"{Fire}/reports/patrols?estateId={FireSafetyApi.Estate}&day=2026-06-10", Service.Officer);
        var row = log.Body!["locations"]![0]!;
        Assert.Equal((12, 1, 1), (row["expected"]!.GetValue<int>(), row["recorded"]!.GetValue<int>(), row["withFindings"]!.GetValue<int>()));
    }

    [SkippableFact]
    public async Task S37_an_inspections_hazard_is_ordered_only_once_signed_then_rectified_rechecked_and_closed()
    {
        Skip.If(Store.SkipReason is not null, Store.SkipReason);
        var inspection = await Service.CreateAsync($"{Fire}/inspections", Service.Officer, new
        {
            estateId = FireSafetyApi.Estate, month = "2026-06", department = "Engineering", findings = "Evacuation route B blocked", requiredSigners = new[] { "eng-head" },
        });
        var inspectionId = inspection[(inspection.LastIndexOf('/') + 1)..];
        var hazard = await Service.CreateAsync($"{Fire}/hazards", Service.Officer, new
        {
            estateId = FireSafetyApi.Estate, location = "Stair B", description = "Evacuation route blocked by boxes", source = "inspection", sourceId = inspectionId,
        });
        var before = await Service.StoredEventCountAsync();

        var unsigned = await Service.Api.PostAsync($"{hazard}/rectification-order", Service.Officer, new { responsibleUnit = "Engineering", deadline = FireSafetyApi.Start.AddDays(7) });
        var noDeadline = await Service.Api.PostAsync($"{hazard}/rectification-order", Service.Officer, new { responsibleUnit = "Engineering" });
        var wrongRole = await Service.Api.PostAsync($"{hazard}/rectification-order", Service.Guard, new { responsibleUnit = "Engineering", deadline = FireSafetyApi.Start.AddDays(7) });
        Assert.Equal((409, "application/problem+json"), (unsigned.Status, unsigned.ContentType));
        Assert.EndsWith("/inspection-not-signed", unsigned.ProblemType);
        Assert.Equal((422, "deadline"), (noDeadline.Status, noDeadline.ProblemField));
        Assert.Equal(403, wrongRole.Status);
        Assert.Equal(before, await Service.StoredEventCountAsync());

        await Service.StepAsync($"{inspection}/signatures", Service.Token("eng-head", "department-manager"));
        await Service.StepAsync($"{hazard}/rectification-order", Service.Officer, new { responsibleUnit = "Engineering", deadline = FireSafetyApi.Start.AddDays(7), needsWork = true });
        await Service.StepAsync($"{hazard}/interim-measures", Service.Guard, new { measure = "Route B taped off, route A signposted" });
        await Service.StepAsync($"{hazard}/rectification", Service.Token("eng-head", "department-manager"), new { note = "Boxes removed" });
        await Service.StepAsync($"{hazard}/recheck", Service.Officer, new { passed = true, note = "Route clear" });
        Assert.Equal("closed", (await Service.Api.GetAsync(hazard, Service.Officer)).Field("status"));

        await Service.CatchUpAsync();
        var csv = await Service.Api.GetAsync($"{Fire}/reports/hazards?estateId={FireSafetyApi.Estate}&format=csv", Service.Officer);
        Assert.Equal("text/csv", csv.ContentType?.Split(';')[0]);
        Assert.StartsWith("hazard_id,location,description,major,electrical,source,status,round,responsible_unit,deadline,overdue,found_at,closed_at\n", csv.Text);
        Assert.Contains("\"Stair B\",\"Evacuation route blocked by boxes\",false,false,\"inspection\",\"closed\",1,\"Engineering\"", csv.Text);
    }

    [SkippableFact]
    public async Task A_rectification_past_its_deadline_is_flagged_overdue_once_and_next_months_inspection_rechecks_it()
    {
        Skip.If(Store.SkipReason is not null, Store.SkipReason);
        var hazard = await Service.CreateAsync($"{Fire}/hazards", Service.Token("tech-1", "technician"), new
        {
            estateId = FireSafetyApi.Estate, location = "Lobby", description = "Scorched socket", electrical = true, source = "staff-report",
        });
        Assert.True((await Service.Api.GetAsync(hazard, Service.Officer)).Body!["stopUse"]!.GetValue<bool>());
        await Service.StepAsync($"{hazard}/rectification-order", Service.Officer, new { responsibleUnit = "Engineering", deadline = FireSafetyApi.Start.AddDays(3) });

        Service.Time.Advance(TimeSpan.FromDays(4));
        await Service.RunWatchersAsync();
        await Service.RunWatchersAsync();
        Assert.True((await Service.Api.GetAsync(hazard, Service.Officer)).Body!["overdue"]!.GetValue<bool>());
        Assert.Equal(1, await CountAsync("HazardOverdue.v1"));

        var next = await Service.Api.PostAsync($"{Fire}/inspections", Service.Officer, new
        {
            estateId = FireSafetyApi.Estate, month = "2026-06", department = "Engineering", findings = "Socket still scorched", requiredSigners = new[] { "eng-head" },
        }, idempotencyKey: "next-month");
        Assert.Equal(201, next.Status);
        Assert.Equal(hazard[(hazard.LastIndexOf('/') + 1)..], next.Body!["recheckedHazards"]![0]!.GetValue<string>());
    }

    private async Task<int> CountAsync(string eventType)
    {
        var count = 0;
        await foreach (var e in Service.Store.ReadAllAsync(null, "firesafety.", int.MaxValue))
            if (e.EventType == eventType) count++;
        return count;
    }
}

public sealed class FireSafetyFlowTestsOnSqlite() : FireSafetyFlowTests(StoreUnderTest.Sqlite);

public sealed class FireSafetyFlowTestsOnEventStoreDb() : FireSafetyFlowTests(StoreUnderTest.EventStoreDb);
