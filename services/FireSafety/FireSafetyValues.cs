using Platform.BuildingBlocks.EventSourcing;

namespace Platform.FireSafety;

/// <summary>The key locations 000:680 names, and others an estate designates.</summary>
public enum KeyLocationKind { SubstationRoom, PowerStation, LiftMachineRoom, FireControlRoom, PumpRoom, Other }

/// <summary>Where a hazard was found (brief 7.1).</summary>
public enum HazardSource { Patrol, Inspection, StaffReport, FireAuthority }

/// <summary>Who a major hazard the unit cannot resolve goes to, in order (000:647).</summary>
public enum EscalationLevel { SecurityFireOfficer, SuperiorAuthority }

public static class FireStreams
{
    public const string Service = "firesafety";

    public static AggregateStreams KeyLocations { get; } = new(Service, "key-location");
    public static AggregateStreams Hazards { get; } = new(Service, "hazard");
    public static AggregateStreams Inspections { get; } = new(Service, "inspection");
    public static AggregateStreams Equipment { get; } = new(Service, "equipment");
    public static AggregateStreams Drills { get; } = new(Service, "drill");
    public static AggregateStreams Training { get; } = new(Service, "training");
    public static AggregateStreams AlarmDevices { get; } = new(Service, "alarm-device");
    public static AggregateStreams Incidents { get; } = new(Service, "incident");
    public static AggregateStreams DailyChecks { get; } = new(Service, "daily-check");

    public static Guid EquipmentId(string estateId, string code) => DeterministicId.Create("fire-equipment", estateId.Trim(), code.Trim().ToUpperInvariant());

    public static Guid KeyLocationId(string estateId, string code) => DeterministicId.Create("key-location", estateId.Trim(), code.Trim().ToUpperInvariant());

    /// <summary>One monthly inspection per estate, department and month.</summary>
    public static Guid InspectionId(string estateId, string department, string month) =>
        DeterministicId.Create("fire-inspection", estateId.Trim(), department.Trim(), month);
}

public static class FireRoles
{
    /// <summary>消防安全管理人 and the security department's fire officers (000:584-600).</summary>
    public static readonly string[] Officers = [Roles.FireSafetyOfficer];

    /// <summary>Who patrols: the guards and the officers (000:685).</summary>
    public static readonly string[] Patrollers = [Roles.SecurityGuard, Roles.FireSafetyOfficer];

    /// <summary>Anyone on the staff reports a hazard (000:658).</summary>
    public static readonly string[] Staff =
    [
        Roles.FireSafetyOfficer, Roles.SecurityGuard, Roles.DepartmentManager, Roles.GeneralManager, Roles.TeamLeader, Roles.Technician,
        Roles.StoreKeeper, Roles.ComplaintSupervisor, Roles.CallCentreAgent,
    ];
}

public static class FireRules
{
    /// <summary>Nothing is recorded as having happened later than now.</summary>
    public static Rejection? NotInTheFuture(DateTimeOffset at, DateTimeOffset now, string field) =>
        at > now ? Rejection.Invalid("time-in-the-future", field, "This cannot have happened later than now.") : null;

}

/// <summary>
/// The calendar the test periods are counted in (FireSafety:TimeZone, Asia/Shanghai by default), and how often each
/// estate drills: every 6 months by default (000:616, 000:677), or its own setting
/// (FireSafety:Estates:{estateId}:DrillIntervalMonths, 1 to 12; 12 for a property's yearly drill, 000:38).
/// </summary>
public sealed record FirePolicy(TimeZoneInfo Zone, int DefaultDrillIntervalMonths, IReadOnlyDictionary<string, int> DrillIntervals)
{
    public int DrillIntervalFor(string estateId) => DrillIntervals.GetValueOrDefault(estateId, DefaultDrillIntervalMonths);

    public static FirePolicy FromConfiguration(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(configuration["FireSafety:TimeZone"] is { Length: > 0 } name ? name : "Asia/Shanghai");
        var intervals = configuration.GetSection("FireSafety:Estates").GetChildren()
            .Where(estate => estate["DrillIntervalMonths"] is not null)
            .ToDictionary(estate => estate.Key, estate => Months(estate["DrillIntervalMonths"]!, estate.Path), StringComparer.Ordinal);
        return new FirePolicy(zone, 6, intervals);
    }

    private static int Months(string value, string path) =>
        int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var months) && months is >= 1 and <= 12
            ? months
            : throw new InvalidOperationException($"{path}:DrillIntervalMonths is {value}; it is 1 to 12 months.");
}
