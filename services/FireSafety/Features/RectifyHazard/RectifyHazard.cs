using Platform.BuildingBlocks.EventSourcing;
using Platform.FireSafety.Equipment;
using Platform.FireSafety.Hazards;
using Platform.FireSafety.Inspections;

namespace Platform.FireSafety.Features;

/// <summary>
/// The written rectification order to the responsible unit (000:646). The deadline is the inspector's to give: there is
/// no default (decision 6). A hazard found by an inspection is ordered only once every person concerned has signed
/// its record (000:610, S37).
/// </summary>
public sealed record OrderRectification(Guid HazardId, string ResponsibleUnit, DateTimeOffset? Deadline, bool NeedsWork, InspectionState Inspection, Actor By)
    : IHazardCommand
{
    public static Decision Decide(OrderRectification command, HazardState state, DateTimeOffset now)
    {
        var invalid = CommandRules.RequireRole(command.By, FireRoles.Officers, "ordered-by-the-fire-officer", "The fire-safety officer orders rectification.")
            ?? CommandRules.RequireText(command.ResponsibleUnit, "responsibleUnit", "The unit responsible for the rectification")
            ?? RequireDeadline(command.Deadline, now);
        if (invalid is not null) return invalid;
        if (state.Status == HazardStatus.RectificationOrdered)
            return state.ResponsibleUnit == command.ResponsibleUnit.Trim() && state.Deadline == command.Deadline
                ? Decision.NoChange
                : Rejection.Conflict("rectification-ordered", "Rectification is ordered already; it is ordered again only after a failed re-check.");
        if (state.Status != HazardStatus.Identified) return Rejection.Conflict("hazard-rectified", "The hazard is rectified and waits for its re-check.");
        if (state.Source == HazardSource.Inspection && !command.Inspection.FullySigned)
            return Rejection.Conflict("inspection-not-signed",
                $"The inspection record is not signed by {string.Join(", ", command.Inspection.MissingSigners)}: an unsigned record orders no rectification (000:610).");
        return Decision.Accept(new RectificationOrdered(state.Round + 1, command.ResponsibleUnit.Trim(), command.Deadline!.Value, command.NeedsWork, command.By.Id, now));
    }

    public static Rejection? RequireDeadline(DateTimeOffset? deadline, DateTimeOffset now) => deadline switch
    {
        null => Rejection.Invalid("deadline-required", "deadline", "The inspector gives the rectification deadline (限期); there is no default (decision 6)."),
        { } d when d <= now => Rejection.Invalid("deadline-in-the-past", "deadline", "A deadline is later than now."),
        _ => null,
    };
}

/// <summary>防范措施 taken until the hazard is rectified (000:647).</summary>
public sealed record RecordInterimMeasure(Guid HazardId, string Measure, Actor By) : IHazardCommand
{
    public static Decision Decide(RecordInterimMeasure command, HazardState state, DateTimeOffset now) =>
        CommandRules.RequireRole(command.By, FireRoles.Staff, "measures-by-staff", "Interim measures are recorded by the staff.")
        ?? CommandRules.RequireText(command.Measure, "measure", "The interim measure")
        ?? Decision.Accept(new InterimMeasureRecorded(command.Measure.Trim(), command.By.Id, now));
}

/// <summary>The unit reports the hazard rectified; the re-check is scheduled for next month's inspection (000:609).</summary>
public sealed record RecordRectification(Guid HazardId, string Note, TimeZoneInfo Zone, Actor By) : IHazardCommand
{
    public static Decision Decide(RecordRectification command, HazardState state, DateTimeOffset now)
    {
        if (CommandRules.RequireRole(command.By, FireRoles.Staff, "rectified-by-staff", "The responsible unit's staff record the rectification.") is { } forbidden) return forbidden;
        if (state.Status == HazardStatus.Rectified) return Decision.NoChange;
        if (state.Status != HazardStatus.RectificationOrdered) return Rejection.Conflict("rectification-not-ordered", "No rectification is ordered.");
        return CommandRules.RequireText(command.Note, "note", "What was done") ?? Rectified(state, command.Note.Trim(), command.By.Id, command.Zone, now);
    }

    public static Decision Rectified(HazardState state, string note, string by, TimeZoneInfo zone, DateTimeOffset now) =>
        Decision.Accept(
            new HazardRectified(state.Round, note, by, now),
            new HazardRecheckScheduled(state.Round, TestCalendar.MonthOf(TestCalendar.MonthOf(now, zone).End, zone).End));
}

/// <summary>
/// F7's way back: the work order opened for this round's rectification was completed and signed, so the hazard is
/// rectified and its re-check scheduled. The completion of an earlier round's order changes nothing.
/// </summary>
public sealed record RecordRectificationWork(Guid HazardId, Guid RequestId, Guid WorkOrderId, TimeZoneInfo Zone, Actor By) : IHazardCommand
{
    /// <summary>The id of the work request for a round: one per round, so a new round opens a new order.</summary>
    public static Guid RequestIdFor(Guid hazardId, int round) =>
        DeterministicId.Create("hazard-rectification-work", $"{hazardId}:{round.ToString(System.Globalization.CultureInfo.InvariantCulture)}");

    public static Decision Decide(RecordRectificationWork command, HazardState state, DateTimeOffset now)
    {
        if (!command.By.HasRole(Roles.System))
            return Rejection.Forbidden("recorded-by-the-integration", "Work orders' completions are recorded by the integration.");
        if (state.Status != HazardStatus.RectificationOrdered || command.RequestId != RequestIdFor(state.Id, state.Round)) return Decision.NoChange;
        return RecordRectification.Rectified(state, $"Work order {command.WorkOrderId} completed and signed", command.By.Id, command.Zone, now);
    }
}

/// <summary>
/// The re-check (复查, 000:609): passed, and the hazard closes, unless the fire authority ordered it and its written reply
/// is still to be recorded (000:648); or failed, and rectification is ordered again with a new deadline.
/// </summary>
public sealed record RecheckHazard(Guid HazardId, bool Passed, string Note, DateTimeOffset? NewDeadline, Actor By) : IHazardCommand
{
    public static Decision Decide(RecheckHazard command, HazardState state, DateTimeOffset now)
    {
        var invalid = CommandRules.RequireRole(command.By, FireRoles.Officers, "rechecked-by-the-fire-officer", "The fire-safety officer re-checks.")
            ?? CommandRules.RequireText(command.Note, "note", "What the re-check found")
            ?? (state.Status == HazardStatus.Rectified ? null : Rejection.Conflict("not-rectified", "The hazard is re-checked once it is reported rectified."));
        if (invalid is not null) return invalid;
        var rechecked = new HazardRechecked(state.Round, command.Passed, command.Note.Trim(), command.By.Id, now);
        if (command.Passed)
            return state.AwaitsAuthorityReply ? Decision.Accept(rechecked) : Decision.Accept(rechecked, new HazardClosed(now));
        if (OrderRectification.RequireDeadline(command.NewDeadline, now) is { } deadline) return deadline with { Field = "newDeadline" };
        return Decision.Accept(rechecked, new RectificationOrdered(state.Round + 1, state.ResponsibleUnit!, command.NewDeadline!.Value, state.NeedsWork, command.By.Id, now));
    }
}

/// <summary>The watcher's check: a round whose deadline passed unrectified is overdue and flagged for penalty (000:612), once.</summary>
public sealed record MarkHazardOverdue(Guid HazardId, Actor By) : IHazardCommand
{
    public static Decision Decide(MarkHazardOverdue command, HazardState state, DateTimeOffset now) =>
        state is { Status: HazardStatus.RectificationOrdered, Deadline: { } deadline } && now > deadline && !state.OverdueRounds.Contains(state.Round)
            ? Decision.Accept(new HazardOverdue(state.Round, deadline, now))
            : Decision.NoChange;
}

/// <summary>
/// A major hazard the unit cannot resolve goes, with its solution plan, to the security department's fire officer, and
/// from there to the superior authority (000:647).
/// </summary>
public sealed record EscalateHazard(Guid HazardId, EscalationLevel Level, string SolutionPlan, Actor By) : IHazardCommand
{
    public static Decision Decide(EscalateHazard command, HazardState state, DateTimeOffset now)
    {
        var invalid = CommandRules.RequireRole(command.By, FireRoles.Officers, "escalated-by-the-fire-officer", "The fire-safety officer escalates.")
            ?? (state.Major ? null : Rejection.Conflict("only-major-hazards-escalate", "Only a major hazard (重大火灾隐患) is escalated."))
            ?? CommandRules.RequireText(command.SolutionPlan, "solutionPlan", "The solution plan");
        if (invalid is not null) return invalid;
        if (state.Escalations.Contains(command.Level)) return Decision.NoChange;
        if (command.Level == EscalationLevel.SuperiorAuthority && !state.Escalations.Contains(EscalationLevel.SecurityFireOfficer))
            return Rejection.Conflict("escalate-in-order", "A hazard goes to the security department's fire officer before the superior authority.");
        return Decision.Accept(new HazardEscalated(command.Level, command.SolutionPlan.Trim(), command.By.Id, now));
    }
}

/// <summary>The 复函 to the fire authority (000:648): a hazard it ordered closes once this is recorded and the re-check passed.</summary>
public sealed record RecordAuthorityReply(Guid HazardId, string Reference, Actor By) : IHazardCommand
{
    public static Decision Decide(RecordAuthorityReply command, HazardState state, DateTimeOffset now)
    {
        var invalid = CommandRules.RequireRole(command.By, FireRoles.Officers, "reply-by-the-fire-officer", "The fire-safety officer records the reply.")
            ?? (state.Source == HazardSource.FireAuthority ? null : Rejection.Conflict("not-ordered-by-the-authority", "Only a hazard the fire authority ordered has a reply."))
            ?? CommandRules.RequireText(command.Reference, "reference", "The written reply's reference");
        if (invalid is not null) return invalid;
        if (state.AuthorityReply is not null) return Decision.NoChange;
        var reply = new AuthorityReplyRecorded(command.Reference.Trim(), command.By.Id, now);
        return state.RecheckPassed ? Decision.Accept(reply, new HazardClosed(now)) : Decision.Accept(reply);
    }
}
