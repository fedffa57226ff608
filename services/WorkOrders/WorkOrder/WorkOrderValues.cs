using Platform.BuildingBlocks.EventSourcing;

namespace Platform.WorkOrders;

/// <summary>Where a request came in (brief 2.3). Reception is 365 x 24 on every channel (001:199).</summary>
public enum IntakeChannel
{
    Hotline,
    ReceptionWindow,
    WalkIn,
    StaffPatrol,
    ResidentApp,
    /// <summary>Opened from a complaint transferred with work needed (002:52); the complaint id is the reference.</summary>
    Complaint,
    /// <summary>Opened by Fire safety for a hazard's rectification (F7) or an equipment repair (F8); never by a caller.</summary>
    FireSafety,
}

/// <summary>What Fire safety asked an order for.</summary>
public enum FireSafetyWorkKind
{
    HazardRectification,
    EquipmentRepair,
}

/// <summary>One sheet serves both (001:269): a repair, or a paid special service (特约服务) that needs a quote.</summary>
public enum WorkOrderType
{
    Repair,
    Service,
}

/// <summary>Drives SLAs and follow-ups (001:205, 001:263, 001:265).</summary>
public enum UrgencyClass
{
    /// <summary>急修: lift trapping people, structural danger, wiring faults, burst pipes, falling windows or walls, anything dangerous (001:279-289).</summary>
    Urgent,
    SafetyFacility,
    LeakSeepage,
    Other,
}

/// <summary>How the intake urgency was chosen: by the caller, by the keyword classifier, or by default.</summary>
public enum UrgencySource
{
    Caller,
    Keywords,
    Default,
}

public enum WorkOrderStatus
{
    None,
    Logged,
    Dispatched,
    OnSite,
    AwaitingQuoteAcceptance,
    InProgress,
    Completed,
    ReworkOrdered,
    Closed,
    Cancelled,
}

/// <summary>When a follow-up falls due.</summary>
public enum FollowUpTrigger
{
    /// <summary>Within a fixed time of completing the work.</summary>
    AfterCompletion,
    /// <summary>A fixed time after the previous follow-up (urgent repairs, decision #9).</summary>
    AfterPreviousFollowUp,
    /// <summary>After the next rain (leak repairs, 001:265): required, but with no fixed due time.</summary>
    AfterNextRain,
}

public enum FollowUpOutcome
{
    Satisfied,
    ProblemFound,
}

/// <summary>Why a follow-up sends the work back: a category, never free text, so it can travel in integration events.</summary>
public enum ReworkReason
{
    NotFixed,
    Recurred,
    PoorWorkmanship,
    DamageCaused,
    Incomplete,
}

/// <summary>The deadlines whose breach is recorded.</summary>
public enum SlaDeadline
{
    /// <summary>Work must have started (S14: 6 h for a gas fault).</summary>
    Handle,
    /// <summary>Work must be completed (S14: 24 h for a gas fault).</summary>
    Repair,
    FollowUp,
    /// <summary>The written rework notice to the technician (12 h, 001:205).</summary>
    ReworkNotice,
    /// <summary>An external unit's reply to a rectification notice.</summary>
    RectificationReply,
}

public enum CancellationReason
{
    QuoteDeclined,
}

/// <summary>Estate / building / entrance / room (004:220). Entrance and room are absent for common areas.</summary>
public sealed record UnitAddress(string EstateId, string Building, string? Entrance, string? Room);

/// <summary>Who reported the problem. Personal data: it stays in this service and never enters an integration event (brief 2.6).</summary>
public sealed record Reporter(string? Name, string? Phone);

public sealed record MaterialLine(string ItemCode, decimal Quantity, string Unit);

public sealed record MaterialUsed(Guid RequisitionId, string ItemCode, decimal Quantity, string Unit, decimal UnitCost);

/// <summary>The roles of brief 2.1 as they act on work orders.</summary>
public static class WorkOrderRoles
{
    /// <summary>Customer-service and management staff: intake, dispatch, follow-ups, notices, close.</summary>
    public static readonly string[] Staff =
    [
        Roles.CallCentreAgent, Roles.ComplaintSupervisor, Roles.DepartmentManager, Roles.TeamLeader, Roles.GeneralManager,
    ];

    /// <summary>May change an order's urgency class.</summary>
    public static readonly string[] Supervisors =
    [
        Roles.ComplaintSupervisor, Roles.DepartmentManager, Roles.TeamLeader, Roles.GeneralManager,
    ];

    /// <summary>Field steps: arrival, quote, start, materials, completion (the assigned one only, which the decider checks).</summary>
    public static readonly string[] Technicians = [Roles.Technician];

    /// <summary>Staff log from any channel; a resident logs through the resident app.</summary>
    public static readonly string[] Loggers = [.. Staff, Roles.Resident];

    /// <summary>The owner's answer to a quote is recorded by staff, the technician on site, or the reporting resident.</summary>
    public static readonly string[] OwnerConsentRecorders = [.. Staff, Roles.Technician, Roles.Resident];
}

public static class WorkOrderStream
{
    public const string Service = "workorders";

    public static AggregateStreams Streams { get; } = new(Service, "work-order");

    public static string For(Guid workOrderId) => Streams.For(workOrderId);
}
