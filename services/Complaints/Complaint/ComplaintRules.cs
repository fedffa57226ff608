using Platform.BuildingBlocks.EventSourcing;

namespace Platform.Complaints;

/// <summary>Every command on a complaint says who issues it.</summary>
public interface IComplaintCommand
{
    Actor By { get; }
}

/// <summary>Checks that several features share: who may act, and whether the complaint is there and still open.</summary>
public static class ComplaintRules
{
    /// <summary>The roles that handle complaints, and the level of the escalation chain each stands for (brief 2.2).</summary>
    private static readonly (string Role, HandlingLevel Level)[] HandlingRoles =
    [
        (Roles.CallCentreAgent, HandlingLevel.CallCentreAgent),
        (Roles.ComplaintSupervisor, HandlingLevel.ComplaintSupervisor),
        (Roles.DepartmentManager, HandlingLevel.DepartmentManager),
        (Roles.GeneralManager, HandlingLevel.GeneralManager),
    ];

    /// <summary>The complaint-handling roles: who acts on complaints.</summary>
    public static IReadOnlyList<string> StaffRoles { get; } = HandlingRoles.Select(r => r.Role).ToArray();

    /// <summary>The roles at <paramref name="level"/> of the chain or above.</summary>
    public static IReadOnlyList<string> RolesFrom(HandlingLevel level) => HandlingRoles.Where(r => r.Level >= level).Select(r => r.Role).ToArray();

    /// <summary>Staff register complaints from any channel; a resident registers their own.</summary>
    public static IReadOnlyList<string> RegistrarRoles { get; } = [.. StaffRoles, Roles.Resident];

    /// <summary>Finance pays (brief 3.6), so its clerks record payouts beside supervisors and managers.</summary>
    public static IReadOnlyList<string> PayoutRecorderRoles { get; } = [.. RolesFrom(HandlingLevel.ComplaintSupervisor), Roles.FinanceClerk];

    public static string RoleOf(HandlingLevel level) => HandlingRoles.Single(r => r.Level == level).Role;

    /// <summary>The highest level of the chain the actor's roles reach; null for anyone who does not handle complaints.</summary>
    public static HandlingLevel? LevelOf(Actor actor) =>
        HandlingRoles.Where(r => actor.HasRole(r.Role)).Select(r => (HandlingLevel?)r.Level).Max();

    public static bool IsStaff(Actor actor) => LevelOf(actor) is not null;

    public static bool IsSystem(Actor actor) => actor.HasRole(Roles.System);

    public static Rejection? RequireStaff(Actor actor) =>
        IsStaff(actor) ? null : Rejection.Forbidden("complaint-staff-only", "Only complaint-handling staff may do this.");

    public static Rejection? RequireStaffOrSystem(Actor actor) =>
        IsStaff(actor) || IsSystem(actor)
            ? null
            : Rejection.Forbidden("complaint-staff-only", "Only complaint-handling staff or the platform may do this.");

    public static Rejection? RequireLevel(Actor actor, HandlingLevel atLeast, string code) =>
        LevelOf(actor) >= atLeast
            ? null
            : Rejection.Forbidden(code, $"This needs the {RoleOf(atLeast)} role or higher.");

    public static Rejection? RequireExists(ComplaintState state) =>
        state.IsRegistered ? null : Rejection.NotFound("complaint-not-found", "There is no such complaint.");

    /// <summary>Exists and is not closed: a closed complaint takes no more actions.</summary>
    public static Rejection? RequireOpen(ComplaintState state) =>
        RequireExists(state)
        ?? (state.IsClosed ? Rejection.Conflict("complaint-closed", "The complaint is closed.") : null);

    public static Rejection? RequireText(string? value, string code, string field, string what) =>
        string.IsNullOrWhiteSpace(value) ? Rejection.Invalid(code, field, $"{what} is required.") : null;

    /// <summary>Money is decimal yuan with at most two places (decision 8).</summary>

    /// <summary>The resolve deadline for a complaint as it stands: none for major or compensation complaints (decision 3d).</summary>
    public static DateTimeOffset? ResolveDeadline(Severity severity, bool involvesCompensation, ComplaintSla sla, DateTimeOffset from) =>
        severity == Severity.Major || involvesCompensation ? null : sla.ResolveDue(from);

    /// <summary>JSON accepts numbers for enums too: only the named values of a closed set are allowed.</summary>
    public static Rejection? RequireDefined<TEnum>(TEnum value, string field) where TEnum : struct, Enum =>
        Enum.IsDefined(value) ? null : Rejection.Invalid("value-not-allowed", field, $"'{value}' is not one of the allowed values.");

    public static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>Who decides a compensation claim: the claim's size and kind set the authority it needs.</summary>
public static class CompensationAuthority
{
    /// <summary>「一万元以上索赔」 belongs to the department manager (003@736); 「以上」 includes the bound (decision 1).</summary>
    public const decimal DepartmentManagerThreshold = 10_000m;

    /// <summary>Engineering-quality compensation is signed by the general manager (000:405).</summary>
    public static HandlingLevel RequiredLevel(CompensationClaim claim) =>
        claim.EngineeringQuality ? HandlingLevel.GeneralManager
        : claim.Amount >= DepartmentManagerThreshold ? HandlingLevel.DepartmentManager
        : HandlingLevel.ComplaintSupervisor;

    public static Rejection Forbidden(HandlingLevel required) => required switch
    {
        HandlingLevel.GeneralManager => Rejection.Forbidden(
            "compensation-needs-general-manager", "Engineering-quality compensation is decided by the general manager."),
        HandlingLevel.DepartmentManager => Rejection.Forbidden(
            "compensation-needs-department-manager", "A claim of 10,000 yuan or more is decided by the department manager or above."),
        _ => Rejection.Forbidden(
            "compensation-needs-complaint-supervisor", "A compensation claim is decided by a complaint supervisor or above."),
    };

    /// <summary>The open claim, or why there is none to act on.</summary>
    public static Rejection? RequireOpenClaim(ComplaintState state) =>
        state.Claim is { IsOpen: true }
            ? null
            : Rejection.Conflict("compensation-claim-not-open", "The complaint has no open compensation claim.");
}
