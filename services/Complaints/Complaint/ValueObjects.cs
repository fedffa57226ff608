using System.Text.Json.Serialization;

namespace Platform.Complaints;

/// <summary>Where in the estate the complaint is about: building / entrance (单元) / room (004:220).</summary>
public sealed record UnitAddress(string Building, string? Entrance, string? Room);

/// <summary>Who complained. <see cref="ResidentId"/> is the resident's user id when a resident files it themselves.</summary>
public sealed record Reporter(string Name, string Phone, ReporterKind Kind, string? ResidentId = null);

/// <summary>Owners and tenants are kept apart (000:141).</summary>
public enum ReporterKind
{
    [JsonStringEnumMemberName("owner")] Owner,
    [JsonStringEnumMemberName("tenant")] Tenant,
}

/// <summary>The intake channels of brief 2.3.</summary>
public enum Channel
{
    [JsonStringEnumMemberName("hotline")] Hotline,
    [JsonStringEnumMemberName("complaint-line")] ComplaintLine,
    [JsonStringEnumMemberName("call-centre-400")] CallCentre400,
    [JsonStringEnumMemberName("reception-window")] ReceptionWindow,
    [JsonStringEnumMemberName("walk-in")] WalkIn,
    [JsonStringEnumMemberName("proactive-visit")] ProactiveVisit,
    [JsonStringEnumMemberName("suggestion-box")] SuggestionBox,
    [JsonStringEnumMemberName("web")] Web,
    [JsonStringEnumMemberName("letter")] Letter,
    [JsonStringEnumMemberName("staff-patrol")] StaffPatrol,
    [JsonStringEnumMemberName("resident-app")] ResidentApp,
}

/// <summary>A closed set built from the subjects the documents name (brief 3.1 "category").</summary>
public enum Category
{
    [JsonStringEnumMemberName("water-electricity")] WaterElectricity,
    [JsonStringEnumMemberName("house-repair")] HouseRepair,
    [JsonStringEnumMemberName("doors")] Doors,
    [JsonStringEnumMemberName("noise")] Noise,
    [JsonStringEnumMemberName("environment")] Environment,
    [JsonStringEnumMemberName("heating")] Heating,
    [JsonStringEnumMemberName("parking")] Parking,
    [JsonStringEnumMemberName("pets")] Pets,
    [JsonStringEnumMemberName("engineering-design-dispute")] EngineeringDesignDispute,
    [JsonStringEnumMemberName("engineering-quality")] EngineeringQuality,
    [JsonStringEnumMemberName("service-attitude")] ServiceAttitude,
    [JsonStringEnumMemberName("other")] Other,
}

/// <summary>一般性投诉 versus 重大投诉 (000:404).</summary>
public enum Severity
{
    [JsonStringEnumMemberName("general")] General,
    [JsonStringEnumMemberName("major")] Major,
}

/// <summary>The escalation chain of brief 2.2, lowest first: the order of the members is the order of authority.</summary>
public enum HandlingLevel
{
    [JsonStringEnumMemberName("call-centre-agent")] CallCentreAgent,
    [JsonStringEnumMemberName("complaint-supervisor")] ComplaintSupervisor,
    [JsonStringEnumMemberName("department-manager")] DepartmentManager,
    [JsonStringEnumMemberName("general-manager")] GeneralManager,
}

public enum ComplaintStatus
{
    /// <summary>Only the initial state: no complaint has been registered on the stream.</summary>
    [JsonStringEnumMemberName("none")] None,
    [JsonStringEnumMemberName("registered")] Registered,
    [JsonStringEnumMemberName("in-progress")] InProgress,
    [JsonStringEnumMemberName("compensation-pending")] CompensationPending,
    [JsonStringEnumMemberName("resolved")] Resolved,
    [JsonStringEnumMemberName("closed")] Closed,
}

/// <summary>What the complainant said when called back (brief 2.5).</summary>
public enum FollowUpOutcome
{
    [JsonStringEnumMemberName("satisfied")] Satisfied,
    [JsonStringEnumMemberName("not-satisfied")] NotSatisfied,
    [JsonStringEnumMemberName("new-demand")] NewDemand,
}

public enum DeadlineKind
{
    [JsonStringEnumMemberName("reply")] Reply,
    [JsonStringEnumMemberName("resolve")] Resolve,
    [JsonStringEnumMemberName("follow-up")] FollowUp,
}
