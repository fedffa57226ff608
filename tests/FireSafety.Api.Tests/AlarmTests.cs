using Platform.Contracts.FireSafety;
using static Platform.FireSafety.Api.Tests.FireSafetyApi;

namespace Platform.FireSafety.Api.Tests;

/// <summary>
/// The fire-alarm system's signals through Dapr, with the test playing the sidecar: an alarm becomes an incident to
/// acknowledge, a fault a repair; the same CloudEvent twice changes nothing; what cannot be handled is dropped to the
/// dead-letter topic and nothing is stored.
/// </summary>
public abstract class AlarmTests(StoreUnderTest store) : FireSafetyApiTests(store)
{
    private async Task<string> DetectorWithDeviceAsync(string deviceId)
    {
        var detector = await Service.CreateAsync($"{Fire}/equipment", Service.Officer, new
        {
            estateId = Estate, code = $"SD-{deviceId}", type = "smoke-detector", location = "B2 corridor", custodian = "Zhao", siteStoreCode = "SITE", itemCode = "SD",
        });
        await Service.CreateAsync($"{Fire}/alarm-devices", Service.Officer, new { deviceId, equipmentId = detector[(detector.LastIndexOf('/') + 1)..] });
        return detector;
    }

    private static object Signal(string deviceId, string signal, string? detail = null) => new { deviceId, signal, occurredAt = Start, detail };

    [SkippableFact]
    public async Task The_subscription_names_the_alarm_topic_its_route_and_its_dead_letter_topic()
    {
        Skip.If(Store.SkipReason is not null, Store.SkipReason);
        var subscription = Assert.Single(await Service.Sidecar.SubscriptionsAsync())!;
        Assert.Equal(("fire-safety-pubsub", "fire-alarms", "fire-alarms-dead-letter", "dapr/fire-alarms"), (subscription["pubsubName"]!.GetValue<string>(),
            subscription["topic"]!.GetValue<string>(), subscription["deadLetterTopic"]!.GetValue<string>(), subscription["route"]!.GetValue<string>()));
    }

    [SkippableFact]
    public async Task An_alarm_becomes_one_incident_per_CloudEvent_that_waits_to_be_acknowledged_and_is_resolved_after()
    {
        Skip.If(Store.SkipReason is not null, Store.SkipReason);
        await DetectorWithDeviceAsync("SD-B2-01");
        Assert.Equal((200, "SUCCESS"), await Service.Sidecar.DeliverAsync("alarm-1", Signal("SD-B2-01", "alarm", "Smoke in B2 corridor")));
        var stored = await Service.StoredEventCountAsync();
        Assert.Equal((200, "SUCCESS"), await Service.Sidecar.DeliverAsync("alarm-1", Signal("SD-B2-01", "alarm", "Smoke in B2 corridor")));
        Assert.Equal(stored, await Service.StoredEventCountAsync());

        var incident = $"{Fire}/incidents/{Features.FireAlarms.IncidentIdOf("alarm-1")}";
        var reported = (await Service.Api.GetAsync(incident, Service.Officer)).Body!;
        Assert.Equal(("alarm", "reported", "B2 corridor", "SD-B2-01"), (reported["source"]!.GetValue<string>(), reported["status"]!.GetValue<string>(),
            reported["location"]!.GetValue<string>(), reported["deviceId"]!.GetValue<string>()));

        var early = await Service.Api.PostAsync($"{incident}/resolution", Service.Officer, new { outcome = "false-alarm", note = "Steam" });
        Assert.Equal((409, "application/problem+json"), (early.Status, early.ContentType));
        Assert.EndsWith("not-acknowledged", early.ProblemType);
        await Service.StepAsync($"{incident}/acknowledgement", Service.Guard);
        var resolved = await Service.Api.PostAsync($"{incident}/resolution", Service.Officer, new { outcome = "fire", note = "Bin fire put out", casualties = 1 });
        Assert.Equal("resolved", resolved.Field("status"));

        await Service.CatchUpAsync();
        var log = (await Service.Api.GetAsync($"{Fire}/reports/incidents?estateId={Estate}&year=2026", Service.Officer)).Body!;
        Assert.Equal((1, 1, 0), (log["fires"]!.GetValue<int>(), log["casualties"]!.GetValue<int>(), log["unresolved"]!.GetValue<int>()));
        var csv = await Service.Api.GetAsync($"{Fire}/reports/incidents?estateId={Estate}&year=2026&format=csv", Service.Officer);
        Assert.StartsWith("incident_id,location,source,occurred_at,status,acknowledged_at,outcome,casualties\n", csv.Text);
    }

    [SkippableFact]
    public async Task F8_a_fault_signal_is_a_defect_of_the_item_and_asks_for_its_repair_once()
    {
        Skip.If(Store.SkipReason is not null, Store.SkipReason);
        await using var requests = await BusCapture<FireSafetyWorkRequestedV1>.StartAsync(Service.VirtualHost);
        var detector = await DetectorWithDeviceAsync("SD-B2-02");
        Assert.Equal((200, "SUCCESS"), await Service.Sidecar.DeliverAsync("fault-1", Signal("SD-B2-02", "fault", "Detector loop open")));
        Assert.Equal((200, "SUCCESS"), await Service.Sidecar.DeliverAsync("fault-2", Signal("SD-B2-02", "fault", "Detector loop open")));

        var item = (await Service.Api.GetAsync(detector, Service.Officer)).Body!;
        Assert.True(item["defective"]!.GetValue<bool>() && item["repairRequested"]!.GetValue<bool>());
        var request = await requests.OneAsync(r => r.EquipmentId == Guid.Parse(detector[(detector.LastIndexOf('/') + 1)..]), "the fault should ask for a repair");
        Assert.Contains("Detector loop open", request.Description);
    }

    [SkippableFact]
    public async Task An_unknown_device_an_unknown_signal_bad_data_or_no_CloudEvent_id_is_dropped_to_the_dead_letter_topic_and_stores_nothing()
    {
        Skip.If(Store.SkipReason is not null, Store.SkipReason);
        await DetectorWithDeviceAsync("SD-B2-03");
        var before = await Service.StoredEventCountAsync();

        Assert.Equal((200, "DROP"), await Service.Sidecar.DeliverAsync("bad-1", Signal("SD-NOWHERE", "alarm")));
        Assert.Equal((200, "DROP"), await Service.Sidecar.DeliverAsync("bad-2", Signal("SD-B2-03", "smoke")));
        Assert.Equal((200, "DROP"), await Service.Sidecar.DeliverAsync("bad-3", new { deviceId = "SD-B2-03", signal = "alarm" }));
        Assert.Equal((200, "DROP"), await Service.Sidecar.DeliverAsync("bad-4", new { deviceId = 42, signal = "alarm", occurredAt = "yesterday" }));
        Assert.Equal((200, "DROP"), await Service.Sidecar.DeliverAsync("bad-5", Signal(new string('x', 101), "alarm")));
        Assert.Equal((200, "DROP"), await Service.Sidecar.DeliverAsync("", Signal("SD-B2-03", "alarm")));
        Assert.Equal(before, await Service.StoredEventCountAsync());
    }

    [SkippableFact]
    public async Task A_caller_without_the_sidecars_token_is_refused()
    {
        Skip.If(Store.SkipReason is not null, Store.SkipReason);
        Assert.Equal(401, (await Service.Sidecar.DeliverAsync("evt-x", Signal("SD-B2-01", "alarm"), token: "guess")).Status);
    }
}

public sealed class AlarmTestsOnSqlite() : AlarmTests(StoreUnderTest.Sqlite);

public sealed class AlarmTestsOnEventStoreDb() : AlarmTests(StoreUnderTest.EventStoreDb);
