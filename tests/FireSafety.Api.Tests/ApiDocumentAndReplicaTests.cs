using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace Platform.FireSafety.Api.Tests;

/// <summary>The OpenAPI document tested against the service: what it calls required, optional and allowed is what the API does.</summary>
public sealed class ApiDocumentTests : IAsyncLifetime
{
    private FireSafetyApi _api = null!;
    private ApiDocument _document = null!;

    public async Task InitializeAsync()
    {
        _api = await FireSafetyApi.StartAsync(StoreUnderTest.Sqlite);
        _document = await ApiDocument.LoadAsync(_api.Api.Http);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task A_hazard_report_without_a_required_field_is_refused_naming_it_and_without_an_optional_one_is_accepted()
    {
        var valid = JsonNode.Parse("""
            {"estateId":"estate-1","location":"Lobby","description":"Socket","major":false,"electrical":true,"source":"staff-report","foundAt":"2026-06-10T07:00:00+08:00"}
            """)!.AsObject();
        await ApiDocumentContract.OmittedFieldsAnswerAsDocumentedAsync(_document, "ReportHazard", valid,
            body => _api.Api.SendAsync(HttpMethod.Post, $"{FireSafetyApi.Fire}/hazards", _api.Officer, rawJson: body, idempotencyKey: Guid.NewGuid().ToString()),
            () => _api.StoredEventCountAsync());
    }

    [Fact]
    public async Task Every_field_a_hazard_command_refuses_as_missing_is_one_the_document_requires()
    {
        var hazard = await _api.CreateAsync($"{FireSafetyApi.Fire}/hazards", _api.Officer,
            new { estateId = "estate-1", location = "Lobby", description = "Socket", source = "staff-report" });
        await ApiDocumentContract.MissingFieldsAreDocumentedAsync(_document, hazard[(hazard.LastIndexOf('/') + 1)..],
            (operation, path) => _api.Api.SendAsync(HttpMethod.Post, path, _api.Officer, rawJson: "{}"));
    }

    [Fact]
    public async Task Every_operation_lets_in_exactly_the_roles_it_documents() =>
        await ApiDocumentContract.RolesAnswerAsDocumentedAsync(_document, _api.Api, role => _api.Token("role-" + role, role));
}

/// <summary>Two instances on one EventStoreDB, both running their watchers on one clock: each missed patrol and each overdue hazard is recorded once.</summary>
public sealed class TwoReplicasTests : IAsyncLifetime
{
    private static readonly StoreUnderTest Store = StoreUnderTest.EventStoreDb;
    private FireSafetyApi _first = null!;
    private FireSafetyApi _second = null!;

    public async Task InitializeAsync()
    {
        if (Store.SkipReason is not null) return;
        var storeNamespace = StoreUnderTest.NewNamespace();
        var time = new FakeTimeProvider(FireSafetyApi.Start);
        _first = await FireSafetyApi.StartAsync(Store, storeNamespace: storeNamespace, time: time);
        _second = await FireSafetyApi.StartAsync(Store, _first.VirtualHost, storeNamespace, time);
    }

    public async Task DisposeAsync()
    {
        if (_second is not null) await _second.DisposeAsync();
        if (_first is not null) await _first.DisposeAsync();
    }

    [SkippableFact]
    public async Task Missed_patrols_and_overdue_hazards_are_recorded_once_however_both_replicas_are_driven()
    {
        Skip.If(Store.SkipReason is not null, Store.SkipReason);
        var locations = new List<string>();
        for (var i = 1; i <= 6; i++)
            locations.Add(await _first.CreateAsync($"{FireSafetyApi.Fire}/key-locations", _first.Officer, new
            {
                estateId = FireSafetyApi.Estate, code = $"LIFT-{i}", name = $"Lift machine room {i}", kind = "lift-machine-room", responsibleDepartment = "Engineering",
                responsiblePerson = "Li",
            }));
        var hazard = await _second.CreateAsync($"{FireSafetyApi.Fire}/hazards", _second.Officer,
            new { estateId = FireSafetyApi.Estate, location = "Lift 1", description = "Oil rags", source = "patrol" });
        await _second.StepAsync($"{hazard}/rectification-order", _second.Officer, new { responsibleUnit = "Engineering", deadline = FireSafetyApi.Start.AddHours(1) });

        await Eventually.UntilAsync(() => _first.Lease.IsLead || _second.Lease.IsLead, TimeSpan.FromSeconds(60), "one replica should lead");
        _first.Time.Advance(TimeSpan.FromHours(2));
        await Task.WhenAll(_first.RunWatchersOnThisInstanceAsync(), _second.RunWatchersOnThisInstanceAsync(), _first.RunWatchersOnThisInstanceAsync());

        var missed = 0;
        var overdue = 0;
        await foreach (var e in _first.Store.ReadAllAsync(null, "firesafety.", int.MaxValue))
        {
            if (e.EventType == "PatrolMissed.v1") missed++;
            if (e.EventType == "HazardOverdue.v1") overdue++;
        }
        Assert.Equal((6, 1), (missed, overdue));
    }

    [SkippableFact]
    public async Task Alarms_delivered_to_both_replicas_as_MQTT_does_and_Work_orders_answers_consumed_by_either_are_each_stored_once()
    {
        Skip.If(Store.SkipReason is not null, Store.SkipReason);
        var detector = await _first.CreateAsync($"{FireSafetyApi.Fire}/equipment", _first.Officer, new
        {
            estateId = FireSafetyApi.Estate, code = "SD-R", type = "smoke-detector", location = "B3", custodian = "Zhao", siteStoreCode = "SITE", itemCode = "SD",
        });
        await _first.CreateAsync($"{FireSafetyApi.Fire}/alarm-devices", _first.Officer, new { deviceId = "SD-R-1", equipmentId = detector[(detector.LastIndexOf('/') + 1)..] });
        var signals = Enumerable.Range(1, 5).Select(i => ($"alarm-{i}", (object)new { deviceId = "SD-R-1", signal = "alarm", occurredAt = FireSafetyApi.Start }))
            .Append(("fault-1", new { deviceId = "SD-R-1", signal = "fault", occurredAt = FireSafetyApi.Start, detail = "Loop open" })).ToList();
        var answers = await Task.WhenAll(signals.SelectMany(s => new[] { _first.Sidecar.DeliverAsync(s.Item1, s.Item2), _second.Sidecar.DeliverAsync(s.Item1, s.Item2) }));
        Assert.All(answers, a => Assert.Equal((200, "SUCCESS"), a));

        var hazard = await _first.CreateAsync($"{FireSafetyApi.Fire}/hazards", _first.Officer,
            new { estateId = FireSafetyApi.Estate, location = "B3", description = "Door wedged open", source = "patrol" });
        await _first.StepAsync($"{hazard}/rectification-order", _first.Officer, new { responsibleUnit = "Engineering", deadline = FireSafetyApi.Start.AddDays(2), needsWork = true });
        var hazardId = Guid.Parse(hazard[(hazard.LastIndexOf('/') + 1)..]);
        var completed = new Contracts.WorkOrders.FireSafetyWorkCompletedV1(Guid.NewGuid(), Features.RecordRectificationWork.RequestIdFor(hazardId, 1),
            "hazard-rectification", hazardId, null, FireSafetyApi.Estate, FireSafetyApi.Start);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _first.PublishAsync(completed, Guid.NewGuid())));
        await Eventually.UntilAsync(async () => (await _second.Api.GetAsync(hazard, _second.Officer)).Body!["status"]!.GetValue<string>() == "rectified",
            TimeSpan.FromSeconds(60), "either replica should record the completion");

        var counts = new Dictionary<string, int>();
        await foreach (var e in _first.Store.ReadAllAsync(null, "firesafety.", int.MaxValue))
            counts[e.EventType] = counts.GetValueOrDefault(e.EventType) + 1;
        Assert.Equal((5, 1, 1), (counts["IncidentReported.v1"], counts["EquipmentFaultSignalled.v1"], counts["EquipmentRepairRequested.v1"]));
        await Eventually.UntilAsync(async () =>
        {
            var rectified = 0;
            await foreach (var e in _first.Store.ReadAllAsync(null, "firesafety.", int.MaxValue))
                if (e.EventType == "HazardRectified.v1") rectified++;
            return rectified == 1;
        }, TimeSpan.FromSeconds(30), "the completion should be recorded once");
    }

    [SkippableFact]
    public async Task An_overdue_drill_is_flagged_once_however_both_replicas_watchers_run()
    {
        Skip.If(Store.SkipReason is not null, Store.SkipReason);
        var drill = await _first.CreateAsync($"{FireSafetyApi.Fire}/drills", _first.Officer, new { estateId = FireSafetyApi.Estate, kind = "evacuation", plannedFor = "2026-06-10", plan = "P" });
        foreach (var (step, body) in new (string, object?)[] { ("briefing", new { text = "W" }), ("conduct", new { participants = 9 }),
                     ("debrief", new { text = "OK", planRevision = "R2" }), ("close", null) })
            await _first.StepAsync($"{drill}/{step}", _first.Officer, body);
        await Task.WhenAll(_first.CatchUpAsync(), _second.CatchUpAsync());

        _first.Time.SetUtcNow(new DateTimeOffset(2026, 12, 11, 1, 0, 0, TimeSpan.Zero));
        await Task.WhenAll(_first.RunWatchersOnThisInstanceAsync(), _second.RunWatchersOnThisInstanceAsync(), _second.RunWatchersOnThisInstanceAsync());

        var overdue = 0;
        await foreach (var e in _first.Store.ReadAllAsync(null, "firesafety.", int.MaxValue))
            if (e.EventType == "NextDrillOverdue.v1") overdue++;
        Assert.Equal(1, overdue);
    }
}
