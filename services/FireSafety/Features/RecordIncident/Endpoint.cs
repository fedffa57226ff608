using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.FireSafety.Alarms;
using Platform.FireSafety.Api;
using Platform.FireSafety.Incidents;

using NewDevice = Platform.BuildingBlocks.Http.NewAggregate<Platform.FireSafety.Alarms.IAlarmDeviceCommand>;
using NewIncident = Platform.BuildingBlocks.Http.NewAggregate<Platform.FireSafety.Incidents.IIncidentCommand>;

namespace Platform.FireSafety.Features;

/// <param name="OccurredAt">When it happened; now when omitted.</param>
public sealed record ReportIncidentRequest([Required] string? EstateId, [Required] string? Location, [Required] string? Description, DateTimeOffset? OccurredAt);

/// <param name="Outcome">fire, false-alarm or system-test.</param>
/// <param name="Casualties">People hurt, in a fire; 0 when omitted.</param>
public sealed record ResolveIncidentRequest([Required] IncidentOutcome? Outcome, [Required] string? Note, int? Casualties);

/// <param name="DeviceId">The id the device's signals carry.</param>
/// <param name="EquipmentId">The item of the equipment register it is.</param>
public sealed record RegisterAlarmDeviceRequest([Required] string? DeviceId, [Required] Guid? EquipmentId);

public static class IncidentEndpoints
{
    public static void Map(RouteGroupBuilder fire)
    {
        fire.MapPost("/incidents", (HttpContext http, IncidentCommands incidents, TimeProvider time, CancellationToken ct) =>
                incidents.CreateAsync<ReportIncidentRequest>(http, (b, by, id) =>
                {
                    var estate = Need.Text(b.EstateId, "estateId");
                    return NewIncident.Of(new ReportIncident(id, estate, Need.Text(b.Location, "location"), IncidentSource.Staff, null, null,
                        Need.Text(b.Description, "description"), b.OccurredAt ?? time.GetUtcNow(), by), estate.Trim());
                }, ct))
            .WithName("ReportIncident")
            .RequireRoles(FireRoles.Staff)
            .WithSummary("Record a fire or a fire alarm a person reported; the alarm system's own signals arrive through Dapr. Send an Idempotency-Key.")
            .Accepts<ReportIncidentRequest>("application/json")
            .Produces<IncidentView>(StatusCodes.Status201Created)
            .ProducesCommandProblems();

        fire.MapPost("/incidents/{id:guid}/acknowledgement", (Guid id, HttpContext http, IncidentCommands incidents, CancellationToken ct) =>
                incidents.ExecuteAsync(http, id, "", (by, _) => new AcknowledgeIncident(id, by), ct))
            .WithName("AcknowledgeIncident")
            .RequireRoles(FireRoles.Patrollers)
            .WithSummary("The duty officer or a guard acknowledges the incident and goes to it.")
            .Produces<IncidentView>()
            .ProducesCommandProblems();

        fire.MapPost("/incidents/{id:guid}/resolution", (Guid id, HttpContext http, IncidentCommands incidents, CancellationToken ct) =>
                incidents.ExecuteAsync<ResolveIncidentRequest>(http, id, (b, by, _) =>
                    new ResolveIncident(id, Need.Value(b.Outcome, "outcome"), Need.Text(b.Note, "note"), b.Casualties ?? 0, by), ct))
            .WithName("ResolveIncident")
            .RequireRoles(FireRoles.Officers)
            .WithSummary("Record what an acknowledged incident was: a fire (counted, with casualties, 000:1030), a false alarm or a test.")
            .Accepts<ResolveIncidentRequest>("application/json")
            .Produces<IncidentView>()
            .ProducesCommandProblems();

        fire.MapGet("/incidents/{id:guid}", (Guid id, HttpContext http, IncidentCommands incidents, CancellationToken ct) => incidents.GetAsync(http, id, ct))
            .WithName("GetIncident")
            .WithSummary("One incident: where and when, from the alarm system or a person, acknowledged by whom, and what it was.")
            .Produces<IncidentView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        fire.MapPost("/alarm-devices", async (HttpContext http, AlarmDeviceCommands devices, EquipmentCommands equipment, CancellationToken ct) =>
            {
                var body = await CommandRequest.ReadBodyAsync<RegisterAlarmDeviceRequest>(http.Request, ct);
                if (body.Problem is not null) return body.Problem;
                var b = body.Body!;
                var item = await equipment.FindAsync(b.EquipmentId, ct);
                return await devices.CreateAsync(http, body.RawText, (by, _) =>
                {
                    Need.Value(b.EquipmentId, "equipmentId");
                    var deviceId = Need.Text(b.DeviceId, "deviceId");
                    var key = RegisterAlarmDevice.KeyOf(deviceId);
                    return NewDevice.At(key, new RegisterAlarmDevice(key, deviceId, item, by), item.EstateId);
                }, ct);
            })
            .WithName("RegisterAlarmDevice")
            .RequireRoles(FireRoles.Officers)
            .WithSummary("Register an alarm-system device by the id its signals carry, as an item of the equipment register: its alarms become incidents, its faults repairs.")
            .Accepts<RegisterAlarmDeviceRequest>("application/json")
            .Produces<AlarmDeviceView>(StatusCodes.Status201Created)
            .ProducesCommandProblems();

        fire.MapGet("/alarm-devices/{id:guid}", (Guid id, HttpContext http, AlarmDeviceCommands devices, CancellationToken ct) => devices.GetAsync(http, id, ct))
            .WithName("GetAlarmDevice")
            .WithSummary("One alarm device and the item of the register it is.")
            .Produces<AlarmDeviceView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
