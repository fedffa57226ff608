using Platform.BuildingBlocks.EventSourcing;
using Platform.FireSafety.Equipment;
using Platform.FireSafety.Features;

namespace Platform.FireSafety.Alarms;

/// <summary>
/// A device of the fire-alarm system (消防报警主机, a detector or a panel) known by the id its signals carry, tied to the
/// item of the equipment register it is. Signals from a device not registered are refused.
/// </summary>
[EventType("AlarmDeviceRegistered.v1")]
public sealed record AlarmDeviceRegistered(string DeviceId, Guid EquipmentId, string EstateId, string Location, string RegisteredBy, DateTimeOffset RegisteredAt);

public sealed record AlarmDeviceState
{
    public static AlarmDeviceState Initial { get; } = new();

    public bool Exists { get; init; }
    public string DeviceId { get; init; } = "";
    public Guid EquipmentId { get; init; }
    public string EstateId { get; init; } = "";
    public string Location { get; init; } = "";

    public AlarmDeviceState Apply(object @event) => @event is AlarmDeviceRegistered e
        ? this with { Exists = true, DeviceId = e.DeviceId, EquipmentId = e.EquipmentId, EstateId = e.EstateId, Location = e.Location }
        : this;
}

public interface IAlarmDeviceCommand
{
    Guid DeviceKey { get; }
    Actor By { get; }
}

/// <summary>Registers a device for an item of the register; a device belongs to one item.</summary>
public sealed record RegisterAlarmDevice(Guid DeviceKey, string DeviceId, EquipmentState Equipment, Actor By) : IAlarmDeviceCommand
{
    public const int MaxDeviceIdLength = 100;

    /// <summary>The stream key of a device id, as its signals spell it.</summary>
    public static Guid KeyOf(string deviceId) => DeterministicId.Create("alarm-device", deviceId.Trim());

    public static Decision Decide(RegisterAlarmDevice command, AlarmDeviceState state, DateTimeOffset now)
    {
        var invalid = CommandRules.RequireRole(command.By, FireRoles.Officers, "devices-by-the-fire-officer", "The fire-safety officer registers alarm devices.")
            ?? CommandRules.RequireText(command.DeviceId, "deviceId", "The device id its signals carry")
            ?? (command.DeviceId.Trim().Length <= MaxDeviceIdLength ? null : Rejection.Invalid("device-id-too-long", "deviceId", $"A device id has at most {MaxDeviceIdLength} characters."))
            ?? (command.Equipment.Exists ? null : Rejection.Invalid("equipment-not-found", "equipmentId", "There is no such item in the equipment register."));
        if (invalid is not null) return invalid;
        if (state.Exists)
            return state.EquipmentId == command.Equipment.Id
                ? Decision.NoChange
                : Rejection.Conflict("device-registered", $"Device {state.DeviceId} belongs to another item of the register.");
        var item = command.Equipment;
        return Decision.Accept(new AlarmDeviceRegistered(command.DeviceId.Trim(), item.Id, item.EstateId, item.Location, command.By.Id, now));
    }
}

public sealed class AlarmDeviceDecider : Decider<AlarmDeviceState, IAlarmDeviceCommand>
{
    public override AlarmDeviceState Initial => AlarmDeviceState.Initial;

    public override AlarmDeviceState Evolve(AlarmDeviceState state, object @event) => state.Apply(@event);

    public override Decision Decide(IAlarmDeviceCommand command, AlarmDeviceState state, DateTimeOffset now) => command switch
    {
        RegisterAlarmDevice c => RegisterAlarmDevice.Decide(c, state, now),
        _ => throw new ArgumentException($"{command.GetType().Name} is not an alarm-device command.", nameof(command)),
    };
}
