using System.Collections.Immutable;
using Platform.BuildingBlocks.EventSourcing;
using Platform.FireSafety.Features;

namespace Platform.FireSafety.Hazards;

/// <summary>
/// A fire hazard (火灾隐患) registered item by item (000:646). An electrical hazard is taken out of use at once
/// (「必须立即停止使用」, 000:658): <see cref="StopUse"/>.
/// </summary>
[EventType("HazardIdentified.v1")]
public sealed record HazardIdentified(
    Guid HazardId, string EstateId, string Location, string Description, bool Major, bool Electrical, bool StopUse, HazardSource Source, Guid? SourceId,
    string? AuthorityReference, string FoundBy, DateTimeOffset FoundAt, DateTimeOffset RegisteredAt);

/// <summary>The written order to the responsible unit, with the deadline the inspector gave (decision 6: there is no default).</summary>
[EventType("RectificationOrdered.v1")]
public sealed record RectificationOrdered(int Round, string ResponsibleUnit, DateTimeOffset Deadline, bool NeedsWork, string OrderedBy, DateTimeOffset OrderedAt);

[EventType("InterimMeasureRecorded.v1")]
public sealed record InterimMeasureRecorded(string Measure, string RecordedBy, DateTimeOffset RecordedAt);

[EventType("HazardRectified.v1")]
public sealed record HazardRectified(int Round, string Note, string RectifiedBy, DateTimeOffset RectifiedAt);

/// <summary>
/// The re-check falls to next month's inspection (「每月…检查并复查追踪改善」 000:609; S37): due by the end of the month
/// after the rectification, in the estate's calendar.
/// </summary>
[EventType("HazardRecheckScheduled.v1")]
public sealed record HazardRecheckScheduled(int Round, DateTimeOffset DueBy);

/// <summary>The re-check after rectification: passed, or failed and ordered again with a new deadline.</summary>
[EventType("HazardRechecked.v1")]
public sealed record HazardRechecked(int Round, bool Passed, string Note, string CheckedBy, DateTimeOffset CheckedAt);

/// <summary>The deadline of a round passed unrectified: the unit is flagged for penalty (000:612). Once per round.</summary>
[EventType("HazardOverdue.v1")]
public sealed record HazardOverdue(int Round, DateTimeOffset Deadline, DateTimeOffset DetectedAt);

/// <summary>A major hazard the unit cannot resolve goes with a solution plan to the security department's fire officer, then higher (000:647).</summary>
[EventType("HazardEscalated.v1")]
public sealed record HazardEscalated(EscalationLevel Level, string SolutionPlan, string EscalatedBy, DateTimeOffset EscalatedAt);

/// <summary>The written reply (复函) to the fire authority that ordered the rectification (000:648).</summary>
[EventType("AuthorityReplyRecorded.v1")]
public sealed record AuthorityReplyRecorded(string Reference, string RecordedBy, DateTimeOffset RecordedAt);

[EventType("HazardClosed.v1")]
public sealed record HazardClosed(DateTimeOffset ClosedAt);

public enum HazardStatus { Identified, RectificationOrdered, Rectified, Closed }

public sealed record HazardState
{
    public static HazardState Initial { get; } = new();

    public bool Exists { get; init; }
    public Guid Id { get; init; }
    public string EstateId { get; init; } = "";
    public string Location { get; init; } = "";
    public string Description { get; init; } = "";
    public bool Major { get; init; }
    public bool Electrical { get; init; }
    public bool StopUse { get; init; }
    public HazardSource Source { get; init; }
    public Guid? SourceId { get; init; }
    public HazardStatus Status { get; init; }
    public int Round { get; init; }
    public string? ResponsibleUnit { get; init; }
    public DateTimeOffset? Deadline { get; init; }
    public bool NeedsWork { get; init; }
    public DateTimeOffset? RecheckDueBy { get; init; }
    public ImmutableHashSet<int> OverdueRounds { get; init; } = [];
    public ImmutableList<InterimMeasureRecorded> InterimMeasures { get; init; } = [];
    public ImmutableList<EscalationLevel> Escalations { get; init; } = [];
    public string? AuthorityReply { get; init; }
    public bool RecheckPassed { get; init; }

    public bool IsOpen => Exists && Status != HazardStatus.Closed;

    /// <summary>An authority-ordered hazard closes only once its reply is recorded (000:648).</summary>
    public bool AwaitsAuthorityReply => Source == HazardSource.FireAuthority && AuthorityReply is null;

    public HazardState Apply(object @event) => @event switch
    {
        HazardIdentified e => this with
        {
            Exists = true, Id = e.HazardId, EstateId = e.EstateId, Location = e.Location, Description = e.Description, Major = e.Major,
            Electrical = e.Electrical, StopUse = e.StopUse, Source = e.Source, SourceId = e.SourceId, Status = HazardStatus.Identified,
        },
        RectificationOrdered e => this with
        {
            Status = HazardStatus.RectificationOrdered, Round = e.Round, ResponsibleUnit = e.ResponsibleUnit, Deadline = e.Deadline, NeedsWork = e.NeedsWork,
            RecheckPassed = false, RecheckDueBy = null,
        },
        InterimMeasureRecorded e => this with { InterimMeasures = InterimMeasures.Add(e) },
        HazardRectified => this with { Status = HazardStatus.Rectified },
        HazardRecheckScheduled e => this with { RecheckDueBy = e.DueBy },
        HazardRechecked { Passed: true } => this with { RecheckPassed = true, RecheckDueBy = null },
        HazardRechecked => this with { Status = HazardStatus.Identified, RecheckDueBy = null },
        HazardOverdue e => this with { OverdueRounds = OverdueRounds.Add(e.Round) },
        HazardEscalated e => this with { Escalations = Escalations.Add(e.Level) },
        AuthorityReplyRecorded e => this with { AuthorityReply = e.Reference },
        HazardClosed => this with { Status = HazardStatus.Closed, StopUse = false },
        _ => this,
    };
}

public interface IHazardCommand
{
    Guid HazardId { get; }
    Actor By { get; }
}

public sealed class HazardDecider : Decider<HazardState, IHazardCommand>
{
    public override HazardState Initial => HazardState.Initial;

    public override HazardState Evolve(HazardState state, object @event) => state.Apply(@event);

    public override Decision Decide(IHazardCommand command, HazardState state, DateTimeOffset now)
    {
        if (command is not ReportHazard)
        {
            if (!state.Exists) return Rejection.NotFound("hazard-not-found", "There is no such hazard.");
            if (state.Status == HazardStatus.Closed) return Rejection.Conflict("hazard-closed", "The hazard is closed.");
        }
        return command switch
        {
            ReportHazard c => ReportHazard.Decide(c, state, now),
            OrderRectification c => OrderRectification.Decide(c, state, now),
            RecordInterimMeasure c => RecordInterimMeasure.Decide(c, state, now),
            RecordRectification c => RecordRectification.Decide(c, state, now),
            RecordRectificationWork c => RecordRectificationWork.Decide(c, state, now),
            RecheckHazard c => RecheckHazard.Decide(c, state, now),
            MarkHazardOverdue c => MarkHazardOverdue.Decide(c, state, now),
            EscalateHazard c => EscalateHazard.Decide(c, state, now),
            RecordAuthorityReply c => RecordAuthorityReply.Decide(c, state, now),
            _ => throw new ArgumentException($"{command.GetType().Name} is not a hazard command.", nameof(command)),
        };
    }
}
