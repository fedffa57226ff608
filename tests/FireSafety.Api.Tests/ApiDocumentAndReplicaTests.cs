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
}
