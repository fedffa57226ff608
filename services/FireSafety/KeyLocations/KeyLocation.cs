using Platform.BuildingBlocks.EventSourcing;
using Platform.FireSafety.Features;

namespace Platform.FireSafety.KeyLocations;

/// <summary>A 消防安全重点部位 (000:680) with its responsible department and person (000:681).</summary>
[EventType("KeyLocationDesignated.v1")]
public sealed record KeyLocationDesignated(
    Guid KeyLocationId, string EstateId, string Code, string Name, KeyLocationKind Kind, string ResponsibleDepartment, string ResponsiblePerson,
    DateTimeOffset DesignatedAt);

/// <summary>One patrol of the key location (《消防安全重点部位防火巡查工作记录》, 000:685); the next is due two hours after it (decision 10).</summary>
[EventType("PatrolRecorded.v1")]
public sealed record PatrolRecorded(
    Guid PatrolId, string PatrolledBy, DateTimeOffset PatrolledAt, string? Findings, IReadOnlyList<string> PhotoRefs, DateTimeOffset NextDueAt);

/// <summary>The patrol due at <see cref="DueAt"/> was not recorded by then; the next slot follows two hours later.</summary>
[EventType("PatrolMissed.v1")]
public sealed record PatrolMissed(DateTimeOffset DueAt, DateTimeOffset NextDueAt, DateTimeOffset DetectedAt);

public sealed record KeyLocationState
{
    public static KeyLocationState Initial { get; } = new();

    public bool Exists { get; init; }
    public Guid Id { get; init; }
    public string EstateId { get; init; } = "";
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public KeyLocationKind Kind { get; init; }
    public string ResponsibleDepartment { get; init; } = "";
    public string ResponsiblePerson { get; init; } = "";
    public DateTimeOffset? LastPatrolledAt { get; init; }
    /// <summary>Due two hours after the last record, or after the last missed slot; from designation until the first patrol.</summary>
    public DateTimeOffset NextDueAt { get; init; }
    public int Patrols { get; init; }
    public int Missed { get; init; }

    public KeyLocationState Apply(object @event) => @event switch
    {
        KeyLocationDesignated e => this with
        {
            Exists = true, Id = e.KeyLocationId, EstateId = e.EstateId, Code = e.Code, Name = e.Name, Kind = e.Kind,
            ResponsibleDepartment = e.ResponsibleDepartment, ResponsiblePerson = e.ResponsiblePerson, NextDueAt = e.DesignatedAt + RecordPatrol.Interval,
        },
        PatrolRecorded e => this with { LastPatrolledAt = e.PatrolledAt, NextDueAt = e.NextDueAt, Patrols = Patrols + 1 },
        PatrolMissed e => this with { NextDueAt = e.NextDueAt, Missed = Missed + 1 },
        _ => this,
    };
}

public interface IKeyLocationCommand
{
    Guid KeyLocationId { get; }
    Actor By { get; }
}

public sealed class KeyLocationDecider : Decider<KeyLocationState, IKeyLocationCommand>
{
    public override KeyLocationState Initial => KeyLocationState.Initial;

    public override KeyLocationState Evolve(KeyLocationState state, object @event) => state.Apply(@event);

    public override Decision Decide(IKeyLocationCommand command, KeyLocationState state, DateTimeOffset now) => command switch
    {
        DesignateKeyLocation c => DesignateKeyLocation.Decide(c, state, now),
        RecordPatrol c => RecordPatrol.Decide(c, state, now),
        MarkPatrolMissed c => MarkPatrolMissed.Decide(c, state, now),
        _ => throw new ArgumentException($"{command.GetType().Name} is not a key-location command.", nameof(command)),
    };
}
