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
    /// <summary>秩序维护部 / 保安: patrols the key locations every two hours (000:685, 000:1030).</summary>
    public const string SecurityGuard = "security-guard";
    /// <summary>现场总代表: reviews the site's replenishment requests (000:311).</summary>
    public const string SiteRepresentative = "site-representative";
    /// <summary>业务部计划员: checks and consolidates the sites' requests (000:314).</summary>
    public const string MaterialsPlanner = "materials-planner";
    /// <summary>业务部主管: reviews and signs a replenishment request before the department manager (000:315).</summary>
    public const string BusinessSupervisor = "business-supervisor";
    /// <summary>生产管理部: issues from the production store or hands to purchasing (000:323-324).</summary>
    public const string ProductionManager = "production-manager";
    /// <summary>采购部: places the purchase order with a supplier (000:326).</summary>
    public const string Purchaser = "purchaser";
    /// <summary>检验部门: inspects hazardous goods before they are received (000:663).</summary>
    public const string Inspector = "inspector";
    public const string GeneralManager = "general-manager";
    public const string Operator = "operator";

    /// <summary>Background watchers and integration-event consumers act as the system.</summary>
    public const string System = "system";

    public static IReadOnlyList<string> All { get; } =
    [
        Resident, CallCentreAgent, ComplaintSupervisor, DepartmentManager, Technician, TeamLeader,
        StoreKeeper, FinanceClerk, Collector, FireSafetyOfficer, SecurityGuard, SiteRepresentative, MaterialsPlanner, BusinessSupervisor,
        ProductionManager, Purchaser, Inspector, GeneralManager, Operator,
    ];
}
