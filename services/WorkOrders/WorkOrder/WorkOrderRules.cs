using System.Text.RegularExpressions;
using Platform.BuildingBlocks.EventSourcing;

namespace Platform.WorkOrders;

/// <summary>Checks several features share. Each answers null when the rule is met, so they chain with <c>??</c>.</summary>
internal static partial class WorkOrderRules
{
    public static Rejection? MustExist(WorkOrderState state) =>
        state.Exists ? null : Rejection.NotFound("work-order-not-found", "There is no such work order.");

    public static Rejection? MustBeOpen(WorkOrderState state) => state.Status switch
    {
        WorkOrderStatus.Closed => Rejection.Conflict("work-order-closed", "The work order is closed."),
        WorkOrderStatus.Cancelled => Rejection.Conflict("work-order-cancelled", "The work order is cancelled."),
        _ => null,
    };

    public static Rejection? StaffOnly(Actor actor, string action) =>
        actor.HasAnyRole(WorkOrderRoles.Staff)
            ? null
            : Rejection.Forbidden("role-not-allowed", $"Only customer-service and management staff may {action}.");

    /// <summary>Field steps are the assigned technician's own: another technician, or any other role, is refused.</summary>
    public static Rejection? AssignedTechnicianOnly(Actor actor, WorkOrderState state, string action)
    {
        if (!actor.HasRole(Roles.Technician))
            return Rejection.Forbidden("role-not-allowed", $"Only the assigned technician may {action}.");
        return actor.Id == state.TechnicianId
            ? null
            : Rejection.Forbidden("not-assigned-technician", $"Only the technician assigned to this order may {action}.");
    }

    /// <summary>The owner's consent can be recorded by the technician on site, by staff, or by the resident who reported it.</summary>
    public static Rejection? OwnerConsentRecorder(Actor actor, WorkOrderState state)
    {
        if (actor.HasAnyRole(WorkOrderRoles.Staff)) return null;
        if (actor.HasRole(Roles.Technician) && actor.Id == state.TechnicianId) return null;
        if (actor.HasRole(Roles.Resident) && state.ResidentId is not null && actor.Id == state.ResidentId) return null;
        return Rejection.Forbidden("role-not-allowed", "Only the assigned technician, staff, or the reporting resident may record the owner's answer to a quote.");
    }

    public static Rejection? Required(string? value, string field, string code) =>
        string.IsNullOrWhiteSpace(value) ? Rejection.Invalid(code, field, $"{field} is required.") : null;

    /// <summary>Money is decimal yuan with at most 2 places (decision #8).</summary>

    public static bool IsCategoryCode(string category) => CategoryPattern().IsMatch(category);

    /// <summary>
    /// When a command meets a deadline late and no watcher recorded the breach yet, the breach is recorded with it,
    /// so the timeliness figures never depend on the watcher having run first.
    /// </summary>
    public static IEnumerable<object> BreachIfLate(
        WorkOrderState state, SlaDeadline deadline, DateTimeOffset? dueAt, DateTimeOffset now,
        int? followUpSequence = null, Guid? noticeId = null)
    {
        if (dueAt is { } due && now > due && !state.Breaches.Contains(SlaBreachKey.For(deadline, followUpSequence, noticeId)))
            yield return new WorkOrderSlaBreached(deadline, due, now, followUpSequence, noticeId);
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex CategoryPattern();
}
