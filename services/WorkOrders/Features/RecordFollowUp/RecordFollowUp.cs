using Platform.BuildingBlocks.EventSourcing;

namespace Platform.WorkOrders.Features;

/// <summary>
/// Record the next required follow-up (回访, brief 2.5). A satisfied urgent first follow-up schedules the second
/// 2 days later (decision #9). A problem orders rework, with a written notice to the technician due within 12 h
/// (001:205). The after-rain follow-up of a leak repair names when it rained.
/// </summary>
public sealed record RecordFollowUp(
    Guid WorkOrderId,
    FollowUpOutcome Outcome,
    ReworkReason? Problem,
    DateTimeOffset? RainedAt,
    WorkOrderPolicy Policy,
    Actor By) : IWorkOrderCommand
{
    public static Decision Decide(RecordFollowUp command, WorkOrderState state, DateTimeOffset now)
    {
        var rejected = WorkOrderRules.MustExist(state)
            ?? WorkOrderRules.StaffOnly(command.By, "record follow-ups")
            ?? (command.Outcome == FollowUpOutcome.ProblemFound && command.Problem is null
                ? Rejection.Invalid("problem-required", "problem", "A follow-up that found a problem says what kind of problem.")
                : null)
            ?? WorkOrderRules.MustBeOpen(state);
        if (rejected is not null) return rejected;

        if (state.Status != WorkOrderStatus.Completed || state.NextPendingFollowUp is not { } due)
            return Rejection.Conflict("no-follow-up-due", "No follow-up is due: the work is not completed, or every follow-up is recorded.");

        if (due.Trigger == FollowUpTrigger.AfterNextRain)
        {
            if (command.RainedAt is not { } rainedAt)
                return Rejection.Invalid("rain-time-required", "rainedAt", "The after-rain follow-up of a leak repair says when it rained.");
            if (rainedAt <= state.LastCompletedAt || rainedAt > now)
                return Rejection.Invalid("rain-time-invalid", "rainedAt", "The rain must fall after the repair was completed and not in the future.");
        }

        var events = new List<object>();
        events.AddRange(WorkOrderRules.BreachIfLate(state, SlaDeadline.FollowUp, due.DueAt, now, due.Sequence));
        var problem = command.Outcome == FollowUpOutcome.ProblemFound ? command.Problem : null;
        events.Add(new FollowUpRecorded(due.Sequence, command.Outcome, problem, command.RainedAt, now));

        if (problem is { } reason)
        {
            events.Add(new ReworkOrdered(due.Sequence, reason, now, now + command.Policy.ReworkNoticeWithin));
        }
        // Only the first follow-up of a round is due after completion; the second counts from it.
        else if (command.Policy.FollowUpFor(state.Urgency).SecondAfterFirst is { } gap && due.Trigger == FollowUpTrigger.AfterCompletion)
        {
            events.Add(new FollowUpScheduled(state.LastFollowUpSequence + 1, FollowUpTrigger.AfterPreviousFollowUp, now + gap));
        }
        return Decision.Accept(events);
    }
}
