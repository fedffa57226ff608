using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.Http;
using Platform.FireSafety.Alarms;
using Platform.FireSafety.Api;
using Platform.FireSafety.Equipment;
using Platform.FireSafety.Incidents;

namespace Platform.FireSafety.Features;

/// <summary>A signal of the fire-alarm system, as the data of a CloudEvent. <see cref="Signal"/>: "alarm" or "fault".</summary>
public sealed record AlarmSignal([Required] string? DeviceId, [Required] string? Signal, [Required] DateTimeOffset? OccurredAt, string? Detail);

/// <summary>
/// Signals of the fire-alarm system (消防报警主机, 智慧消防) from a Dapr pub/sub topic, which operators feed from their panel's
/// MQTT gateway (architecture: external event sources). An alarm becomes an incident that waits to be acknowledged; a fault
/// is a defect of the item the device is, which asks for its repair (F8). Idempotent by CloudEvent id, from which the
/// incident's and the signal's ids are derived. A device not registered, an unknown signal or unreadable data is answered
/// DROP (to the dead-letter topic) and nothing is stored; a store outage answers RETRY.
/// </summary>
public static class FireAlarms
{
    public const string PubSub = "fire-safety-pubsub";
    public const string Topic = "fire-alarms";
    public const string DeadLetterTopic = "fire-alarms-dead-letter";
    public const string Route = "/dapr/fire-alarms";
    private const string What = "Fire-alarm signal";

    public static void Map(WebApplication app) => DaprInput.MapTopic(app, PubSub, Topic, DeadLetterTopic, Route, ReceiveAsync);

    private static async Task<IResult> ReceiveAsync(
        HttpContext http, AlarmDeviceCommands devices, IncidentCommands incidents, EquipmentCommands equipment, IConfiguration configuration,
        ILogger<AlarmSignal> logger, CancellationToken ct)
    {
        if (!DaprInput.IsFromSidecar(http, configuration["FireSafety:Dapr:AppApiToken"])) return Results.Unauthorized();
        if (DaprInput.CloudEventId(http) is not { } cloudEventId) return DaprInput.Drop(logger, What, null, "the CloudEvent has no usable id", DeadLetterTopic);

        var body = await CommandRequest.ReadBodyAsync<AlarmSignal>(http.Request, ct);
        if (body.Problem is not null) return DaprInput.Drop(logger, What, cloudEventId, "its data is not a readable alarm signal", DeadLetterTopic);
        var data = body.Body!;
        if (string.IsNullOrWhiteSpace(data.DeviceId) || data.DeviceId.Length > RegisterAlarmDevice.MaxDeviceIdLength || data.OccurredAt is not { } occurredAt
            || data.Signal is not ("alarm" or "fault") || data.Detail is { Length: > 2000 })
            return DaprInput.Drop(logger, What, cloudEventId, "deviceId, signal (alarm or fault) and occurredAt are required", DeadLetterTopic);

        try
        {
            var device = await devices.FindAsync(RegisterAlarmDevice.KeyOf(data.DeviceId), ct);
            if (!device.Exists) return DaprInput.Drop(logger, What, cloudEventId, $"device {data.DeviceId} is not registered", DeadLetterTopic);

            var envelope = DaprInput.Envelope(cloudEventId);
            var refused = data.Signal == "alarm"
                ? Refusal(await incidents.Handler.HandleAsync(FireStreams.Incidents.For(IncidentIdOf(cloudEventId)), new ReportIncident(
                    IncidentIdOf(cloudEventId), device.EstateId, device.Location, IncidentSource.Alarm, device.DeviceId, device.EquipmentId,
                    string.IsNullOrWhiteSpace(data.Detail) ? $"Fire alarm from device {device.DeviceId}" : data.Detail, occurredAt, Actor.System), envelope, ct))
                : Refusal(await equipment.Handler.HandleAsync(FireStreams.Equipment.For(device.EquipmentId), new ReportEquipmentFault(
                    device.EquipmentId, DeterministicId.Create("alarm-fault", cloudEventId), device.DeviceId, data.Detail ?? "", Actor.System), envelope, ct));
            return refused is null ? DaprInput.Success : DaprInput.Drop(logger, What, cloudEventId, $"{refused.Code}: {refused.Detail}", DeadLetterTopic);
        }
        catch (Exception error) when (StoreUnavailable.Is(error))
        {
            logger.LogWarning(error, "Fire-alarm signal {CloudEventId} could not be stored; the sidecar will retry", cloudEventId);
            return DaprInput.Retry;
        }
    }

    public static Guid IncidentIdOf(string cloudEventId) => DeterministicId.Create("fire-alarm", cloudEventId);

    private static Rejection? Refusal<TState>(CommandOutcome<TState> outcome) => outcome is CommandOutcome<TState>.Rejected rejected ? rejected.Rejection : null;
}
