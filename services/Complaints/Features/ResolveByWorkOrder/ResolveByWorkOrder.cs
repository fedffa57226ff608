using Platform.BuildingBlocks.EventSourcing;

namespace Platform.Complaints.Features;

/// <summary>
/// The work order opened for the complaint was completed (brief 3.6), so the complaint is resolved by it. The same
/// rules as any resolution apply. Issued by the integration consumer: a repeat, or one that arrives after the
/// complaint was resolved or closed some other way, changes nothing.
/// </summary>
public sealed record ResolveByWorkOrder(Guid WorkOrderId, string? Summary, Actor By) : IComplaintCommand
{
    public static Decision Decide(ResolveByWorkOrder command, ComplaintState state, DateTimeOffset now)
    {
        if ((ComplaintRules.RequireStaffOrSystem(command.By) ?? ComplaintRules.RequireExists(state)) is { } rejection) return rejection;
        if (!state.WorkOrderIds.Contains(command.WorkOrderId))
            return Rejection.Conflict("work-order-not-linked", "That work order is not linked to this complaint.");
        if (state.IsResolved) return Decision.NoChange;

        var solution = ComplaintRules.Trimmed(command.Summary) ?? "Resolved by the linked work order.";
        return Resolution.Decide(state, solution, command.WorkOrderId, now);
    }
}
