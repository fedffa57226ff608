namespace Platform.FireSafety.Api.Tests;

/// <summary>Patrols, inspections and hazards through the HTTP API with the watchers on the fake clock, on a real broker and real store files.</summary>
public abstract class FireSafetyFlowTests(StoreUnderTest store) : IAsyncLifetime
{
    private FireSafetyApi _api = null!;
    private string Fire => FireSafetyApi.Fire;

    public async Task InitializeAsync()
    {
        if (store.SkipReason is not null) return;
        _api = await FireSafetyApi.StartAsync(store);
    }

    public async Task DisposeAsync()
    {
        if (_api is not null) await _api.DisposeAsync();
    }

    [SkippableFact]
    public async Task S36_a_key_location_patrolled_at_08_00_misses_its_10_00_patrol_once_and_the_log_counts_the_day()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var location = await _api.CreateAsync($"{Fire}/key-locations", _api.Officer, new
        {
            estateId = FireSafetyApi.Estate, code = "SUB-1", name = "变配电室", kind = "substation-room", responsibleDepartment = "Engineering", responsiblePerson = "Wang",
        });
        await _api.StepAsync($"{location}/patrols", _api.Guard, new { findings = "Door closed, no clutter" });
        Assert.Equal(FireSafetyApi.Start.AddHours(2), DateTimeOffset.Parse((await _api.Api.GetAsync(location, _api.Guard)).Field("nextDueAt")));

        _api.Time.Advance(TimeSpan.FromMinutes(119));
        await _api.RunWatchersAsync();
        Assert.Equal(0, (await _api.Api.GetAsync(location, _api.Guard)).Body!["missed"]!.GetValue<int>());
        _api.Time.Advance(TimeSpan.FromMinutes(1));
        await _api.RunWatchersAsync();
        await _api.RunWatchersAsync();
        var view = (await _api.Api.GetAsync(location, _api.Guard)).Body!;
        Assert.Equal(1, view["missed"]!.GetValue<int>());

        var log = await _api.Api.GetAsync($"{Fire}/reports/patrols?estateId={FireSafetyApi.Estate}&day=2026-06-10", _api.Officer);
        var row = log.Body!["locations"]![0]!;
        Assert.Equal((12, 1, 1), (row["expected"]!.GetValue<int>(), row["recorded"]!.GetValue<int>(), row["withFindings"]!.GetValue<int>()));
    }

    [SkippableFact]
    public async Task S37_an_inspections_hazard_is_ordered_only_once_signed_then_rectified_rechecked_and_closed()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var inspection = await _api.CreateAsync($"{Fire}/inspections", _api.Officer, new
        {
            estateId = FireSafetyApi.Estate, month = "2026-06", department = "Engineering", findings = "Evacuation route B blocked", requiredSigners = new[] { "eng-head" },
        });
        var inspectionId = inspection[(inspection.LastIndexOf('/') + 1)..];
        var hazard = await _api.CreateAsync($"{Fire}/hazards", _api.Officer, new
        {
            estateId = FireSafetyApi.Estate, location = "Stair B", description = "Evacuation route blocked by boxes", source = "inspection", sourceId = inspectionId,
        });
        var before = await _api.StoredEventCountAsync();

        var unsigned = await _api.Api.PostAsync($"{hazard}/rectification-order", _api.Officer, new { responsibleUnit = "Engineering", deadline = FireSafetyApi.Start.AddDays(7) });
        var noDeadline = await _api.Api.PostAsync($"{hazard}/rectification-order", _api.Officer, new { responsibleUnit = "Engineering" });
        var wrongRole = await _api.Api.PostAsync($"{hazard}/rectification-order", _api.Guard, new { responsibleUnit = "Engineering", deadline = FireSafetyApi.Start.AddDays(7) });
        Assert.Equal((409, "application/problem+json"), (unsigned.Status, unsigned.ContentType));
        Assert.EndsWith("/inspection-not-signed", unsigned.ProblemType);
        Assert.Equal((422, "deadline"), (noDeadline.Status, noDeadline.ProblemField));
        Assert.Equal(403, wrongRole.Status);
        Assert.Equal(before, await _api.StoredEventCountAsync());

        await _api.StepAsync($"{inspection}/signatures", _api.Token("eng-head", "department-manager"));
        await _api.StepAsync($"{hazard}/rectification-order", _api.Officer, new { responsibleUnit = "Engineering", deadline = FireSafetyApi.Start.AddDays(7), needsWork = true });
        await _api.StepAsync($"{hazard}/interim-measures", _api.Guard, new { measure = "Route B taped off, route A signposted" });
        await _api.StepAsync($"{hazard}/rectification", _api.Token("eng-head", "department-manager"), new { note = "Boxes removed" });
        await _api.StepAsync($"{hazard}/recheck", _api.Officer, new { passed = true, note = "Route clear" });
        Assert.Equal("closed", (await _api.Api.GetAsync(hazard, _api.Officer)).Field("status"));

        await _api.CatchUpAsync();
        var csv = await _api.Api.GetAsync($"{Fire}/reports/hazards?estateId={FireSafetyApi.Estate}&format=csv", _api.Officer);
        Assert.Equal("text/csv", csv.ContentType?.Split(';')[0]);
        Assert.StartsWith("hazard_id,location,description,major,electrical,source,status,round,responsible_unit,deadline,overdue,found_at,closed_at\n", csv.Text);
        Assert.Contains("\"Stair B\",\"Evacuation route blocked by boxes\",false,false,\"inspection\",\"closed\",1,\"Engineering\"", csv.Text);
    }

    [SkippableFact]
    public async Task A_rectification_past_its_deadline_is_flagged_overdue_once_and_next_months_inspection_rechecks_it()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var hazard = await _api.CreateAsync($"{Fire}/hazards", _api.Token("tech-1", "technician"), new
        {
            estateId = FireSafetyApi.Estate, location = "Lobby", description = "Scorched socket", electrical = true, source = "staff-report",
        });
        Assert.True((await _api.Api.GetAsync(hazard, _api.Officer)).Body!["stopUse"]!.GetValue<bool>());
        await _api.StepAsync($"{hazard}/rectification-order", _api.Officer, new { responsibleUnit = "Engineering", deadline = FireSafetyApi.Start.AddDays(3) });

        _api.Time.Advance(TimeSpan.FromDays(4));
        await _api.RunWatchersAsync();
        await _api.RunWatchersAsync();
        Assert.True((await _api.Api.GetAsync(hazard, _api.Officer)).Body!["overdue"]!.GetValue<bool>());
        Assert.Equal(1, await CountAsync("HazardOverdue.v1"));

        var next = await _api.Api.PostAsync($"{Fire}/inspections", _api.Officer, new
        {
            estateId = FireSafetyApi.Estate, month = "2026-06", department = "Engineering", findings = "Socket still scorched", requiredSigners = new[] { "eng-head" },
        }, idempotencyKey: "next-month");
        Assert.Equal(201, next.Status);
        Assert.Equal(hazard[(hazard.LastIndexOf('/') + 1)..], next.Body!["recheckedHazards"]![0]!.GetValue<string>());
    }

    private async Task<int> CountAsync(string eventType)
    {
        var count = 0;
        await foreach (var e in _api.Store.ReadAllAsync(null, "firesafety.", int.MaxValue))
            if (e.EventType == eventType) count++;
        return count;
    }
}

public sealed class FireSafetyFlowTestsOnSqlite() : FireSafetyFlowTests(StoreUnderTest.Sqlite);

public sealed class FireSafetyFlowTestsOnEventStoreDb() : FireSafetyFlowTests(StoreUnderTest.EventStoreDb);
