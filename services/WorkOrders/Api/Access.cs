using System.Security.Claims;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Security;

namespace Platform.WorkOrders.Api;

/// <summary>Who may see which work order, and whose personal data (brief 2.6).</summary>
public static class Access
{
    public static string SubjectOf(ClaimsPrincipal user) => user.ToActor().Id;

    /// <summary>A resident sees the orders they logged themselves; everyone else the orders of the estates in their token.</summary>
    public static bool CanSee(ClaimsPrincipal user, WorkOrderState order) =>
        order.Exists && user.MaySee(order.Unit.EstateId, order.ResidentId);

    /// <summary>
    /// The reporter's name and phone in full for customer-service staff, for the technician sent to the door, and for the
    /// resident who reported it; masked for everyone else (other technicians, finance, operators).
    /// </summary>
    public static bool MaySeeReporter(ClaimsPrincipal user, WorkOrderState order)
    {
        if (WorkOrderRoles.Staff.Any(user.IsInRole)) return true;
        var subject = SubjectOf(user);
        if (user.IsInRole(Roles.Technician) && order.TechnicianId == subject) return true;
        return order.ResidentId is { } resident && resident == subject;
    }
}
