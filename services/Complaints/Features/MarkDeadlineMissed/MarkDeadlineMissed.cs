using Platform.BuildingBlocks.EventSourcing;

namespace Platform.Complaints.Features;

/// <summary>
/// Issued by the deadline watcher: records each deadline that has passed unmet. A deadline is marked once; running
/// the watcher again changes nothing. A deadline is missed only once the clock is past it.
/// </summary>
public sealed record MarkDeadlineMissed(Actor By) : IComplaintCommand
{
    public static Decision Decide(MarkDeadlineMissed command, ComplaintState state, DateTimeOffset now)
    {
        if ((ComplaintRules.RequireStaffOrSystem(command.By) ?? ComplaintRules.RequireExists(state)) is { } rejection) return rejection;
        if (state.IsClosed) return Decision.NoChange;

        var missed = new List<object>();
        void Check(DeadlineKind kind, DateTimeOffset? dueAt, bool unmet)
        {
            if (unmet && dueAt is { } due && now > due && !state.MissedDeadlines.Contains((kind, due)))
                missed.Add(new ComplaintDeadlineMissed(state.EstateId, kind, due, now));
        }

        Check(DeadlineKind.Reply, state.ReplyDueAt, unmet: state.RepliedAt is null);
        Check(DeadlineKind.Resolve, state.ResolveDueAt, unmet: !state.IsResolved);
        Check(DeadlineKind.FollowUp, state.FollowUpDueAt,
            unmet: state.Status == ComplaintStatus.Resolved && state.FollowUpSinceResolution is null);
        return Decision.Accept(missed);
    }
}
