using Platform.BuildingBlocks.EventSourcing;
using Platform.FireSafety.Features;

namespace Platform.FireSafety.Drills;

/// <summary>The kinds of drill the documents ask for: evacuation (000:677), the brigade's fire-fighting and evacuation drill (000:616, 000:670).</summary>
public enum DrillKind { Evacuation, FireFighting, Brigade }

/// <summary>A drill is planned with its plan (预案) and date (000:674-678).</summary>
[EventType("DrillPlanned.v1")]
public sealed record DrillPlanned(Guid DrillId, string EstateId, DrillKind Kind, DateOnly PlannedFor, string Plan, string PlannedBy, DateTimeOffset PlannedAt);

/// <summary>The staff are briefed and roles assigned (「精心开会部署,明确分工」, 000:676).</summary>
[EventType("DrillBriefed.v1")]
public sealed record DrillBriefed(string Assignments, string BriefedBy, DateTimeOffset BriefedAt);

[EventType("DrillConducted.v1")]
public sealed record DrillConducted(int Participants, string ConductedBy, DateTimeOffset ConductedAt);

/// <summary>The debrief (讲评会) and how the plan was revised from it (000:678).</summary>
[EventType("DrillDebriefed.v1")]
public sealed record DrillDebriefed(string Summary, string? PlanRevision, string DebriefedBy, DateTimeOffset DebriefedAt);

/// <summary>Closed after its debrief; the next drill is due by <see cref="NextDueBy"/>, the estate's interval after this one.</summary>
[EventType("DrillClosed.v1")]
public sealed record DrillClosed(DateOnly NextDueBy, DateTimeOffset ClosedAt);

/// <summary>The next drill's due date passed with no later drill held (at least every half year, 000:616): flagged once.</summary>
[EventType("NextDrillOverdue.v1")]
public sealed record NextDrillOverdue(DateOnly DueBy, DateTimeOffset DetectedAt);

public enum DrillStatus { Planned, Briefed, Conducted, Debriefed, Closed }

public sealed record DrillState
{
    public static DrillState Initial { get; } = new();

    public bool Exists { get; init; }
    public Guid Id { get; init; }
    public string EstateId { get; init; } = "";
    public DrillKind Kind { get; init; }
    public DateOnly PlannedFor { get; init; }
    public string Plan { get; init; } = "";
    public DrillStatus Status { get; init; }
    public DateTimeOffset? ConductedAt { get; init; }
    public string? PlanRevision { get; init; }
    public DateOnly? NextDueBy { get; init; }
    public bool NextOverdue { get; init; }

    public DrillState Apply(object @event) => @event switch
    {
        DrillPlanned e => this with { Exists = true, Id = e.DrillId, EstateId = e.EstateId, Kind = e.Kind, PlannedFor = e.PlannedFor, Plan = e.Plan, Status = DrillStatus.Planned },
        DrillBriefed => this with { Status = DrillStatus.Briefed },
        DrillConducted e => this with { Status = DrillStatus.Conducted, ConductedAt = e.ConductedAt },
        DrillDebriefed e => this with { Status = DrillStatus.Debriefed, PlanRevision = e.PlanRevision },
        DrillClosed e => this with { Status = DrillStatus.Closed, NextDueBy = e.NextDueBy },
        NextDrillOverdue => this with { NextOverdue = true },
        _ => this,
    };
}

public interface IDrillCommand
{
    Guid DrillId { get; }
    Actor By { get; }
}

public sealed class DrillDecider : Decider<DrillState, IDrillCommand>
{
    public override DrillState Initial => DrillState.Initial;

    public override DrillState Evolve(DrillState state, object @event) => state.Apply(@event);

    public override Decision Decide(IDrillCommand command, DrillState state, DateTimeOffset now)
    {
        if (CommandRules.RequireRole(command.By, FireRoles.Officers, "drills-by-the-fire-officer", "The fire-safety officer runs drills.") is { } forbidden) return forbidden;
        if (command is not PlanDrill && !state.Exists) return Rejection.NotFound("drill-not-found", "There is no such drill.");
        return command switch
        {
            PlanDrill c => PlanDrill.Decide(c, state, now),
            AdvanceDrill c => AdvanceDrill.Decide(c, state, now),
            MarkNextDrillOverdue c => MarkNextDrillOverdue.Decide(c, state, now),
            _ => throw new ArgumentException($"{command.GetType().Name} is not a drill command.", nameof(command)),
        };
    }
}
