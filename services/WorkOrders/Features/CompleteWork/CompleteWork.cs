using Platform.BuildingBlocks.EventSourcing;

namespace Platform.WorkOrders.Features;

/// <summary>
/// The technician completes the work; the owner signs the sheet with the amount (001:273). A paid order with a
/// positive amount is handed to billing (001:275, F3). Completion schedules the follow-ups of the urgency class.
/// </summary>
public sealed record CompleteWork(
    Guid WorkOrderId,
    string SignedOffBy,
    decimal? Amount,
    WorkOrderPolicy Policy,
    Actor By,
    decimal? CashReceived = null) : IWorkOrderCommand, IMayRecordCash
{
    public const string Currency = "CNY";

    public static Decision Decide(CompleteWork command, WorkOrderState state, DateTimeOffset now)
    {
        var rejected = WorkOrderRules.MustExist(state)
            ?? WorkOrderRules.AssignedTechnicianOnly(command.By, state, "complete the work")
            ?? WorkOrderRules.Required(command.SignedOffBy, "signedOffBy", "owner-sign-off-required")
            ?? (command.Amount is { } a && !Money.IsYuan(a)
                ? Rejection.Invalid("amount-invalid", "amount", "The amount is in yuan, not negative, with at most 2 decimal places.")
                : null)
            ?? WorkOrderRules.MustBeOpen(state);
        if (rejected is not null) return rejected;

        if (state.Status == WorkOrderStatus.Completed)
            return Decision.NoChange;
        if (state.Status != WorkOrderStatus.InProgress)
            return Rejection.Conflict("work-not-started", "Only work in progress can be completed.");

        var isRework = state.OpenRework is not null;
        var amount = command.Amount is 0m ? null : command.Amount;
        if (isRework && amount is not null)
            return Rejection.Invalid("rework-is-free-of-charge", "amount", "Rework ordered by a follow-up is not charged again.");
        if (!isRework && amount is not null && state.Quote is not { Accepted: true })
            return Rejection.Invalid("charge-without-accepted-quote", "amount", "Only work whose quote the owner accepted may be charged.");
        if (!isRework && command.Amount is null && state.Quote is { Accepted: true })
            return Rejection.Invalid("amount-required", "amount", "Paid work is completed with the amount the owner signs for.");

        var events = new List<object>();
        events.AddRange(WorkOrderRules.BreachIfLate(state, SlaDeadline.Repair, state.RepairDueAt, now));
        events.Add(new WorkCompleted(command.By.Id, command.SignedOffBy.Trim(), amount, isRework, now));
        if (amount is { } charged)
            events.Add(new WorkOrderHandedToBilling(charged, Currency, state.Quote!.FeeStandardRef, now));
        events.AddRange(ScheduleFollowUps(state, command.Policy, now));
        return Decision.Accept(events);
    }

    /// <summary>001:205, 001:263, 001:265: the first follow-up by class; a leak also needs one after the next rain.</summary>
    private static IEnumerable<object> ScheduleFollowUps(WorkOrderState state, WorkOrderPolicy policy, DateTimeOffset completedAt)
    {
        var rule = policy.FollowUpFor(state.Urgency);
        var sequence = state.LastFollowUpSequence + 1;
        yield return new FollowUpScheduled(sequence, FollowUpTrigger.AfterCompletion, completedAt + rule.FirstWithin);
        if (rule.SecondAfterNextRain)
            yield return new FollowUpScheduled(sequence + 1, FollowUpTrigger.AfterNextRain, null);
    }
}
