using static Platform.BuildingBlocks.EventSourcing.Roles;

namespace Platform.BuildingBlocks.Security;

/// <summary>
/// Which roles may call each service at all: the one declaration that a service's own route group and the gateway's
/// route for it both read, so the two never drift. Each service's deciders and queries then apply the finer rules
/// (only a manager signs the third tier; a technician sees masked phone numbers).
/// </summary>
public static class ServiceAccess
{
    public static IReadOnlyList<string> Complaints { get; } =
    [
        Resident, CallCentreAgent, ComplaintSupervisor, DepartmentManager, GeneralManager, Technician,
        // Finance pays compensation (brief 3.6), so its clerks record payouts.
        FinanceClerk, Operator,
    ];

    public static IReadOnlyList<string> WorkOrders { get; } =
    [
        Resident, CallCentreAgent, ComplaintSupervisor, DepartmentManager, GeneralManager, Technician, TeamLeader,
        FinanceClerk, Operator,
    ];

    /// <summary>Technicians are not here at all: they never take money (001:273), and nothing else in Fees is theirs.</summary>
    public static IReadOnlyList<string> Fees { get; } =
    [
        CallCentreAgent, ComplaintSupervisor, DepartmentManager, GeneralManager, FinanceClerk, Collector, Operator,
    ];

    /// <summary>The materials chain of brief 6 (000:157, 000:306-326); technicians draft and sign their own requisitions, finance reads movements.</summary>
    public static IReadOnlyList<string> Inventory { get; } =
    [
        Technician, TeamLeader, StoreKeeper, DepartmentManager, GeneralManager, SiteRepresentative, MaterialsPlanner, BusinessSupervisor,
        ProductionManager, Purchaser, Inspector, FinanceClerk, FireSafetyOfficer, Operator,
    ];

    /// <summary>Brief 7: the fire-safety officers, the guards who patrol, and every department whose people report hazards and sign inspections.</summary>
    public static IReadOnlyList<string> FireSafety { get; } =
    [
        FireSafetyOfficer, SecurityGuard, DepartmentManager, GeneralManager, TeamLeader, Technician, StoreKeeper, ComplaintSupervisor,
        CallCentreAgent, Operator,
    ];

    private static readonly Dictionary<string, IReadOnlyList<string>> ByService = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Complaints"] = Complaints,
        ["WorkOrders"] = WorkOrders,
        ["Fees"] = Fees,
        ["Inventory"] = Inventory,
        ["FireSafety"] = FireSafety,
    };

    /// <summary>The roles of the service named <paramref name="service"/> ("Complaints", "WorkOrders"), or null for a name the platform does not know.</summary>
    public static IReadOnlyList<string>? For(string service) => ByService.GetValueOrDefault(service);
}
