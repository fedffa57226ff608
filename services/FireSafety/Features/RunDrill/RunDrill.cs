using Platform.BuildingBlocks.EventSourcing;
using Platform.FireSafety.Drills;

namespace Platform.FireSafety.Features;

public sealed record PlanDrill(Guid DrillId, string EstateId, DrillKind Kind, DateOnly PlannedFor, string Plan, Actor By) : IDrillCommand
{
    public static Decision Decide(PlanDrill command, DrillState state, DateTimeOffset now)
    {
        var invalid = CommandRules.RequireText(command.EstateId, "estateId", "The estate") ?? CommandRules.RequireText(command.Plan, "plan", "The drill's plan (预案)");
        if (invalid is not null) return invalid;
        if (state.Exists) return state.PlannedFor == command.PlannedFor && state.Kind == command.Kind ? Decision.NoChange : Rejection.Conflict("drill-planned", "This drill is planned already.");
        return Decision.Accept(new DrillPlanned(command.DrillId, command.EstateId.Trim(), command.Kind, command.PlannedFor, command.Plan.Trim(), command.By.Id, now));
    }
}

public enum DrillStep { Briefing, Conduct, Debrief, Close }

/// <summary>
/// A drill goes plan → briefing → conduct → debrief (with the plan's revision) → close, each step only after the one
/// before (000:674-678); it is not closed without its debrief, and closing sets when the next is due: the estate's
/// interval (at most half a year, 000:616/000:677; the property's yearly drill, 000:38, where the estate says so).
/// </summary>
public sealed record AdvanceDrill(
    Guid DrillId, DrillStep Step, string? Text, string? PlanRevision, int? Participants, int IntervalMonths, TimeZoneInfo Zone, Actor By) : IDrillCommand
{
    public static Decision Decide(AdvanceDrill command, DrillState state, DateTimeOffset now)
    {
        var (before, after) = command.Step switch
        {
            DrillStep.Briefing => (DrillStatus.Planned, DrillStatus.Briefed),
            DrillStep.Conduct => (DrillStatus.Briefed, DrillStatus.Conducted),
            DrillStep.Debrief => (DrillStatus.Conducted, DrillStatus.Debriefed),
            _ => (DrillStatus.Debriefed, DrillStatus.Closed),
        };
        if (state.Status == after) return Decision.NoChange;
        if (state.Status != before)
            return command.Step == DrillStep.Close
                ? Rejection.Conflict("drill-not-debriefed", "A drill is closed only after its debrief (讲评会, 000:678).")
                : Rejection.Conflict("drill-step-out-of-order", $"The drill is {WireName.Of(state.Status)}: plan, briefing, conduct, debrief, then close.");
        return command.Step switch
        {
            DrillStep.Briefing => CommandRules.RequireText(command.Text, "text", "Who does what (明确分工)") ?? Decision.Accept(new DrillBriefed(command.Text!.Trim(), command.By.Id, now)),
            DrillStep.Conduct => command.Participants is > 0
                ? Decision.Accept(new DrillConducted(command.Participants.Value, command.By.Id, now))
                : Rejection.Invalid("participants-required", "participants", "How many took part."),
            DrillStep.Debrief => CommandRules.RequireText(command.Text, "text", "The debrief's summary")
                ?? CommandRules.RequireText(command.PlanRevision, "planRevision", "How the plan was revised after the drill (000:678)")
                ?? Decision.Accept(new DrillDebriefed(command.Text!.Trim(), command.PlanRevision!.Trim(), command.By.Id, now)),
            _ => Decision.Accept(new DrillClosed(NextDue(state.ConductedAt!.Value, command.IntervalMonths, command.Zone), now)),
        };
    }

    private static DateOnly NextDue(DateTimeOffset conducted, int months, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(conducted, zone).DateTime).AddMonths(months);
}

/// <summary>
/// The watcher's check on the estate's latest closed drill: once the day after its next drill's due date has begun in the
/// estate's calendar and no later drill has been held, the next drill is overdue, once.
/// </summary>
public sealed record MarkNextDrillOverdue(Guid DrillId, bool LaterDrillHeld, TimeZoneInfo Zone, Actor By) : IDrillCommand
{
    public static Decision Decide(MarkNextDrillOverdue command, DrillState state, DateTimeOffset now) =>
        state is { Status: DrillStatus.Closed, NextDueBy: { } due, NextOverdue: false } && !command.LaterDrillHeld
            && DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, command.Zone).DateTime) > due
            ? Decision.Accept(new NextDrillOverdue(due, now))
            : Decision.NoChange;
}
