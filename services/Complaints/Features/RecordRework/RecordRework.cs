using Platform.BuildingBlocks.EventSourcing;

namespace Platform.Complaints.Features;

/// <summary>
/// The linked work order's follow-up found a problem and the work is being redone (001:205). The complaint shows the
/// rework, and a complaint already resolved goes back to handling until the work is done again. A rework order older
/// (by <see cref="WorkOrderRevision"/>) than a completion already handled was overtaken by it: the work is done, so it is
/// recorded as history and reopens nothing.
/// </summary>
public sealed record RecordRework(Guid WorkOrderId, string? Notes, Actor By, long? WorkOrderRevision = null) : IComplaintCommand
{
    public static Decision Decide(RecordRework command, ComplaintState state, DateTimeOffset now)
    {
        if ((ComplaintRules.RequireStaffOrSystem(command.By) ?? ComplaintRules.RequireExists(state)) is { } rejection) return rejection;
        if (!state.WorkOrderIds.Contains(command.WorkOrderId))
            return Rejection.Conflict("work-order-not-linked", "That work order is not linked to this complaint.");
        // A closed complaint is settled with the complainant; the rework stays the work order's business.
        if (state.IsClosed) return Decision.NoChange;

        var overtaken = command.WorkOrderRevision is { } revision && state.HasSeenWorkOrderAtOrAfter(command.WorkOrderId, revision);
        var events = new List<object>
        {
            new ComplaintReworkRecorded(command.WorkOrderId, ComplaintRules.Trimmed(command.Notes), now, command.WorkOrderRevision),
        };
        if (state.Status == ComplaintStatus.Resolved && !overtaken)
            events.Add(new ComplaintReopened(
                "rework", ComplaintRules.ResolveDeadline(state.Severity, state.InvolvesCompensation, state.Sla, now), now, FollowUpDueAt: null));
        return Decision.Accept(events);
    }
}
