using Platform.BuildingBlocks.EventSourcing;
using Platform.FireSafety.Features;

namespace Platform.FireSafety.Incidents;

/// <summary>Where an incident was first known: the alarm system's signal, or a person who reported it.</summary>
public enum IncidentSource { Alarm, Staff }

/// <summary>What the incident turned out to be: a fire (counted, 000:1030), a false alarm, or a test of the system.</summary>
public enum IncidentOutcome { Fire, FalseAlarm, SystemTest }

/// <summary>A fire alarm went off or a fire was reported (火警): it waits for the duty officer to acknowledge it.</summary>
[EventType("IncidentReported.v1")]
public sealed record IncidentReported(
    Guid IncidentId, string EstateId, string Location, IncidentSource Source, string? DeviceId, Guid? EquipmentId, string Description,
    DateTimeOffset OccurredAt, string ReportedBy, DateTimeOffset ReportedAt);

[EventType("IncidentAcknowledged.v1")]
public sealed record IncidentAcknowledged(string AcknowledgedBy, DateTimeOffset AcknowledgedAt);

/// <summary>The incident is over: what it was, what was done, and for a fire the people hurt, for the fire-accident count (000:1030).</summary>
[EventType("IncidentResolved.v1")]
public sealed record IncidentResolved(IncidentOutcome Outcome, string Note, int Casualties, string ResolvedBy, DateTimeOffset ResolvedAt);

public enum IncidentStatus { Reported, Acknowledged, Resolved }

public sealed record IncidentState
{
    public static IncidentState Initial { get; } = new();

    public bool Exists { get; init; }
    public IncidentReported? Report { get; init; }
    public IncidentStatus Status { get; init; }
    public IncidentAcknowledged? Acknowledgement { get; init; }
    public IncidentResolved? Resolution { get; init; }

    public IncidentState Apply(object @event) => @event switch
    {
        IncidentReported e => this with { Exists = true, Report = e, Status = IncidentStatus.Reported },
        IncidentAcknowledged e => this with { Status = IncidentStatus.Acknowledged, Acknowledgement = e },
        IncidentResolved e => this with { Status = IncidentStatus.Resolved, Resolution = e },
        _ => this,
    };
}

public interface IIncidentCommand
{
    Guid IncidentId { get; }
    Actor By { get; }
}

public sealed class IncidentDecider : Decider<IncidentState, IIncidentCommand>
{
    public override IncidentState Initial => IncidentState.Initial;

    public override IncidentState Evolve(IncidentState state, object @event) => state.Apply(@event);

    public override Decision Decide(IIncidentCommand command, IncidentState state, DateTimeOffset now)
    {
        if (command is not ReportIncident && !state.Exists) return Rejection.NotFound("incident-not-found", "There is no such incident.");
        return command switch
        {
            ReportIncident c => ReportIncident.Decide(c, state, now),
            AcknowledgeIncident c => AcknowledgeIncident.Decide(c, state, now),
            ResolveIncident c => ResolveIncident.Decide(c, state, now),
            _ => throw new ArgumentException($"{command.GetType().Name} is not an incident command.", nameof(command)),
        };
    }
}
