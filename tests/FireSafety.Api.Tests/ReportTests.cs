using static Platform.FireSafety.Api.Tests.FireSafetyApi;

namespace Platform.FireSafety.Api.Tests;

/// <summary>The reports of brief 7.6 beyond the hazard register and patrol log, each from what the API recorded, with the watchers on the fake clock.</summary>
public abstract class ReportTests(StoreUnderTest store) : FireSafetyApiTests(store)
{
    [SkippableFact]
    public async Task The_inspection_records_show_who_signed_the_notice_and_the_hazards_each_found()
    {
        Skip.If(Store.SkipReason is not null, Store.SkipReason);
        var inspection = await Service.CreateAsync($"{Fire}/inspections", Service.Officer, new
        {
            estateId = Estate, month = "2026-06", department = "Engineering", findings = "Exit sign dark", requiredSigners = new[] { "eng-head" },
        });
        await Service.CreateAsync($"{Fire}/hazards", Service.Officer, new
        {
            estateId = Estate, location = "B1", description = "Exit sign dark", source = "inspection", sourceId = inspection[(inspection.LastIndexOf('/') + 1)..],
        });
        await Service.StepAsync($"{inspection}/signatures", Service.Token("eng-head", "department-manager"));

        await Service.CatchUpAsync();
        var row = (await Service.Api.GetAsync($"{Fire}/reports/inspections?estateId={Estate}&month=2026-06", Service.Officer)).Body!["inspections"]!.AsArray().Single()!;
        Assert.Equal(("Engineering", true, 1), (row["department"]!.GetValue<string>(), row["fullySigned"]!.GetValue<bool>(), row["hazardsFound"]!.GetValue<int>()));
        var badMonth = await Service.Api.GetAsync($"{Fire}/reports/inspections?estateId={Estate}&month=June", Service.Officer);
        Assert.Equal((400, "month"), (badMonth.Status, badMonth.ProblemField));
    }

    [SkippableFact]
    public async Task Equipment_compliance_counts_the_periods_tested_against_those_overdue()
    {
        Skip.If(Store.SkipReason is not null, Store.SkipReason);
        object Pump(string code) => new { estateId = Estate, code, type = "fire-pump", location = "B2", custodian = "Zhao", siteStoreCode = "SITE", itemCode = "PUMP" };
        var tested = await Service.CreateAsync($"{Fire}/equipment", Service.Officer, Pump("P-1"));
        await Service.CreateAsync($"{Fire}/equipment", Service.Officer, Pump("P-2"));
        Service.Time.SetUtcNow(new DateTimeOffset(2026, 7, 3, 2, 0, 0, TimeSpan.Zero));
        await Service.StepAsync($"{tested}/tests", Service.Guard, new { defect = true, note = "Slow to start" });
        Service.Time.SetUtcNow(new DateTimeOffset(2026, 8, 1, 1, 0, 0, TimeSpan.Zero));
        await Service.RunWatchersAsync();

        await Service.CatchUpAsync();
        var report = (await Service.Api.GetAsync($"{Fire}/reports/equipment-tests?estateId={Estate}", Service.Officer)).Body!;
        Assert.Equal((1, 1, 0.5m), (report["tested"]!.GetValue<int>(), report["overdue"]!.GetValue<int>(), report["complianceRate"]!.GetValue<decimal>()));
        var csv = await Service.Api.GetAsync($"{Fire}/reports/equipment-tests?estateId={Estate}&format=csv", Service.Officer);
        Assert.Contains("\"P-1\",\"fire-pump\",\"B2\",\"2026-07\",1,1,false", csv.Text);
        Assert.Contains("\"P-2\",\"fire-pump\",\"B2\",\"2026-07\",0,0,true", csv.Text);
    }

    [SkippableFact]
    public async Task Drills_and_training_say_whether_staff_were_trained_twice_the_brigade_each_quarter_and_flag_the_next_drill_once_overdue()
    {
        Skip.If(Store.SkipReason is not null, Store.SkipReason);
        var drill = await Service.CreateAsync($"{Fire}/drills", Service.Officer, new { estateId = Estate, kind = "evacuation", plannedFor = "2026-06-10", plan = "Plan v3" });
        await Service.StepAsync($"{drill}/briefing", Service.Officer, new { text = "Wardens per floor" });
        await Service.StepAsync($"{drill}/conduct", Service.Officer, new { participants = 40 });
        await Service.StepAsync($"{drill}/debrief", Service.Officer, new { text = "Exit C slow", planRevision = "Exit C added" });
        await Service.StepAsync($"{drill}/close", Service.Officer);
        await Service.CreateAsync($"{Fire}/training", Service.Officer, new
        {
            estateId = Estate, audience = "all-staff", topic = "Extinguishers", heldOn = "2026-03-02", trainer = "Liu", attendees = new[] { "a", "b" },
        });
        await Service.CreateAsync($"{Fire}/training", Service.Officer, new
        {
            estateId = Estate, audience = "brigade", topic = "Hoses", heldOn = "2026-05-02", trainer = "Liu", attendees = new[] { "c" },
        });
        await Service.CreateAsync($"{Fire}/training", Service.Officer, new
        {
            estateId = Estate, audience = "new-staff", topic = "Pre-job", heldOn = "2026-06-01", trainer = "Liu", attendees = new[] { "n1", "n2" },
            examResults = new[] { new { staffId = "n1", passed = true }, new { staffId = "n2", passed = false } },
        });

        await Service.CatchUpAsync();
        var report = (await Service.Api.GetAsync($"{Fire}/reports/drills-and-training?estateId={Estate}&year=2026", Service.Officer)).Body!;
        Assert.Equal((1, false, "2026-12-10", false), (report["allStaffSessions"]!.GetValue<int>(), report["allStaffTwice"]!.GetValue<bool>(),
            report["nextDrillDueBy"]!.GetValue<string>(), report["nextDrillOverdue"]!.GetValue<bool>()));
        Assert.Equal([1, 3, 4], report["brigadeQuartersMissed"]!.AsArray().Select(q => q!.GetValue<int>()));
        Assert.True((await Service.Api.GetAsync($"{Fire}/training/clearance?estateId={Estate}&staffId=n1", Service.Officer)).Body!["cleared"]!.GetValue<bool>());
        var failed = (await Service.Api.GetAsync($"{Fire}/training/clearance?estateId={Estate}&staffId=n2", Service.Officer)).Body!;
        Assert.Equal((false, 1), (failed["cleared"]!.GetValue<bool>(), failed["failedAttempts"]!.GetValue<int>()));

        Service.Time.SetUtcNow(new DateTimeOffset(2026, 12, 11, 1, 0, 0, TimeSpan.Zero));
        await Service.RunWatchersAsync();
        await Service.RunWatchersAsync();
        await Service.CatchUpAsync();
        Assert.True((await Service.Api.GetAsync($"{Fire}/reports/drills-and-training?estateId={Estate}&year=2026", Service.Officer)).Body!["nextDrillOverdue"]!.GetValue<bool>());
        Assert.Equal(1, await CountAsync("NextDrillOverdue.v1"));
    }

    [SkippableFact]
    public async Task The_patrol_log_shows_the_days_whole_site_patrol_and_service_hall_check_each_recorded_once()
    {
        Skip.If(Store.SkipReason is not null, Store.SkipReason);
        var patrol = await Service.Api.PostAsync($"{Fire}/daily-checks", Service.Guard, new { estateId = Estate, kind = "whole-site-patrol" }, idempotencyKey: "d-1");
        var again = await Service.Api.PostAsync($"{Fire}/daily-checks", Service.Guard, new { estateId = Estate, kind = "whole-site-patrol", findings = "Exit C blocked" },
            idempotencyKey: "d-2");
        Assert.Equal((201, 409), (patrol.Status, again.Status));
        Assert.Equal(("whole-site-patrol", "2026-06-10"), (patrol.Field("kind"), patrol.Field("day")));
        var log = (await Service.Api.GetAsync($"{Fire}/reports/patrols?estateId={Estate}&day=2026-06-10", Service.Officer)).Body!;
        Assert.Equal((true, false), (log["wholeSitePatrol"]!.GetValue<bool>(), log["serviceHallClosing"]!.GetValue<bool>()));
    }

    [SkippableFact]
    public async Task Bad_input_to_the_new_endpoints_is_a_problem_naming_the_field_and_stores_nothing()
    {
        Skip.If(Store.SkipReason is not null, Store.SkipReason);
        var before = await Service.StoredEventCountAsync();
        (string Path, string Token, object Body, string Field)[] cases =
        [
            ($"{Fire}/incidents", Service.Guard, new { estateId = Estate, location = "Lobby" }, "description"),
            ($"{Fire}/incidents", Service.Guard, new { estateId = Estate, location = "Lobby", description = "Smoke", occurredAt = Start.AddDays(1) }, "occurredAt"),
            ($"{Fire}/alarm-devices", Service.Officer, new { deviceId = "SD-1" }, "equipmentId"),
            ($"{Fire}/alarm-devices", Service.Officer, new { deviceId = "SD-1", equipmentId = Guid.NewGuid() }, "equipmentId"),
            ($"{Fire}/daily-checks", Service.Guard, new { estateId = Estate, kind = "lunch-break" }, "kind"),
            ($"{Fire}/daily-checks", Service.Guard, new { estateId = Estate, kind = "service-hall-closing", day = "2026-05-01" }, "day"),
        ];
        foreach (var (path, token, body, field) in cases)
        {
            var answer = await Service.Api.PostAsync(path, token, body, idempotencyKey: Guid.NewGuid().ToString());
            Assert.True(answer.Status is 400 or 422 && answer.ContentType == "application/problem+json" && answer.ProblemField == field, $"{path} {field}: {answer}");
        }
        var wrongRole = await Service.Api.PostAsync($"{Fire}/daily-checks", Service.Token("tech-1", "technician"), new { estateId = Estate, kind = "whole-site-patrol" });
        Assert.Equal(403, wrongRole.Status);
        Assert.Equal(before, await Service.StoredEventCountAsync());
    }

    private async Task<int> CountAsync(string eventType)
    {
        var count = 0;
        await foreach (var e in Service.Store.ReadAllAsync(null, "firesafety.", int.MaxValue))
            if (e.EventType == eventType) count++;
        return count;
    }
}

public sealed class ReportTestsOnSqlite() : ReportTests(StoreUnderTest.Sqlite);

public sealed class ReportTestsOnEventStoreDb() : ReportTests(StoreUnderTest.EventStoreDb);
