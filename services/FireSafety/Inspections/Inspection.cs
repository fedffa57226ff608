using System.Collections.Immutable;
using Platform.BuildingBlocks.EventSourcing;
using Platform.FireSafety.Features;

namespace Platform.FireSafety.Inspections;

/// <summary>
/// The monthly fire inspection's record (防火检查记录, 000:609-610): the department inspected, what was found, the people
/// concerned who must sign it, and the hazards still open from before that this inspection re-checks.
/// </summary>
[EventType("InspectionRecorded.v1")]
public sealed record InspectionRecorded(
    Guid InspectionId, string EstateId, string Month, string Department, string InspectorId, string Findings, IReadOnlyList<string> RequiredSigners,
    IReadOnlyList<Guid> RecheckedHazards, DateTimeOffset RecordedAt);

[EventType("InspectionSigned.v1")]
public sealed record InspectionSigned(string SignerId, DateTimeOffset SignedAt);

/// <summary>The inspected department was told of the result (000:611).</summary>
[EventType("InspectedDepartmentNotified.v1")]
public sealed record InspectedDepartmentNotified(string Department, string NotifiedBy, DateTimeOffset NotifiedAt);

public sealed record InspectionState
{
    public static InspectionState Initial { get; } = new();

    public bool Exists { get; init; }
    public Guid Id { get; init; }
    public string EstateId { get; init; } = "";
    public string Month { get; init; } = "";
    public string Department { get; init; } = "";
    public string InspectorId { get; init; } = "";
    public string Findings { get; init; } = "";
    public ImmutableList<string> RequiredSigners { get; init; } = [];
    public ImmutableHashSet<string> Signed { get; init; } = [];
    public ImmutableList<Guid> RecheckedHazards { get; init; } = [];
    public DateTimeOffset? NotifiedAt { get; init; }

    public IReadOnlyList<string> MissingSigners => RequiredSigners.Where(s => !Signed.Contains(s)).ToList();

    /// <summary>Every person concerned has signed: only then may the record order rectification (000:610, S37).</summary>
    public bool FullySigned => Exists && MissingSigners.Count == 0;

    public InspectionState Apply(object @event) => @event switch
    {
        InspectionRecorded e => this with
        {
            Exists = true, Id = e.InspectionId, EstateId = e.EstateId, Month = e.Month, Department = e.Department, InspectorId = e.InspectorId,
            Findings = e.Findings, RequiredSigners = [.. e.RequiredSigners], RecheckedHazards = [.. e.RecheckedHazards],
        },
        InspectionSigned e => this with { Signed = Signed.Add(e.SignerId) },
        InspectedDepartmentNotified e => this with { NotifiedAt = e.NotifiedAt },
        _ => this,
    };
}

public interface IInspectionCommand
{
    Guid InspectionId { get; }
    Actor By { get; }
}

public sealed class InspectionDecider : Decider<InspectionState, IInspectionCommand>
{
    public override InspectionState Initial => InspectionState.Initial;

    public override InspectionState Evolve(InspectionState state, object @event) => state.Apply(@event);

    public override Decision Decide(IInspectionCommand command, InspectionState state, DateTimeOffset now) => command switch
    {
        RecordInspection c => RecordInspection.Decide(c, state, now),
        SignInspection c => SignInspection.Decide(c, state, now),
        NotifyInspectedDepartment c => NotifyInspectedDepartment.Decide(c, state, now),
        _ => throw new ArgumentException($"{command.GetType().Name} is not an inspection command.", nameof(command)),
    };
}
