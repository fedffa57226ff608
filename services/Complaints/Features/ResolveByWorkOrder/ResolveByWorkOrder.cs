using Platform.BuildingBlocks.EventSourcing;

namespace Platform.Complaints.Features;

/// <summary>
/// The work order opened for the complaint was completed (brief 3.6), so the complaint is resolved by it. The same
/// rules as any resolution apply. Issued by the integration consumer: a repeat, or one that arrives after the
/// complaint was resolved or closed some other way, changes nothing. <see cref="WorkOrderRevision"/> (the order's
/// stream revision) orders it against rework orders that travel on another queue: a completion older than a rework
/// already handled resolves nothing, and a newer one is noted even on a resolved complaint, so that the older rework
/// order arriving after it reopens nothing.
/// </summary>
public sealed record ResolveByWorkOrder(Guid WorkOrderId, string? Summary, Actor By, long? WorkOrderRevision = null) : IComplaintCommand
{
    public static Decision Decide(ResolveByWorkOrder command, ComplaintState state, DateTimeOffset now)
    {
        if ((ComplaintRules.RequireStaffOrSystem(command.By) ?? ComplaintRules.RequireExists(state)) is { } rejection) return rejection;
        if (!state.WorkOrderIds.Contains(command.WorkOrderId))
            return Rejection.Conflict("work-order-not-linked", "That work order is not linked to this complaint.");
        if (command.WorkOrderRevision is { } revision && state.HasSeenWorkOrderAtOrAfter(command.WorkOrderId, revision))
            return Decision.NoChange;

        object[] noted = command.WorkOrderRevision is { } r ? [new LinkedWorkOrderCompleted(command.WorkOrderId, r, now)] : [];
        if (state.IsResolved) return noted.Length == 0 ? Decision.NoChange : Decision.Accept(noted);

        var solution = ComplaintRules.Trimmed(command.Summary) ?? "Resolved by the linked work order.";
        var resolution = Resolution.Decide(state, solution, command.WorkOrderId, now);
        return resolution.Rejection is not null ? resolution : Decision.Accept(noted.Concat(resolution.Events));
    }
}
