namespace Platform.BuildingBlocks.EventSourcing;

/// <summary>The roles of brief section 2.1, as they appear in tokens.</summary>
public static class Roles
{
    public const string Resident = "resident";
    public const string CallCentreAgent = "call-centre-agent";
    public const string ComplaintSupervisor = "complaint-supervisor";
    public const string DepartmentManager = "department-manager";
    public const string Technician = "technician";
    public const string TeamLeader = "team-leader";
    public const string StoreKeeper = "store-keeper";
    public const string FinanceClerk = "finance-clerk";
    /// <summary>业务员: collects fees at the door (001:277).</summary>
    public const string Collector = "collector";
    public const string FireSafetyOfficer = "fire-safety-officer";
    public const string GeneralManager = "general-manager";
    public const string Operator = "operator";

    /// <summary>Background watchers and integration-event consumers act as the system.</summary>
    public const string System = "system";

    public static IReadOnlyList<string> All { get; } =
    [
        Resident, CallCentreAgent, ComplaintSupervisor, DepartmentManager, Technician, TeamLeader,
        StoreKeeper, FinanceClerk, Collector, FireSafetyOfficer, GeneralManager, Operator,
    ];
}
