using Platform.BuildingBlocks.EventSourcing;
using Platform.FireSafety.KeyLocations;

namespace Platform.FireSafety.Features;

/// <summary>A key location is designated (000:680) with the department and person responsible for it (000:681).</summary>
public sealed record DesignateKeyLocation(
    Guid KeyLocationId, string EstateId, string Code, string Name, KeyLocationKind Kind, string ResponsibleDepartment, string ResponsiblePerson, Actor By)
    : IKeyLocationCommand
{
    public static Decision Decide(DesignateKeyLocation command, KeyLocationState state, DateTimeOffset now)
    {
        var invalid = CommandRules.RequireRole(command.By, FireRoles.Officers, "key-locations-by-the-fire-officer", "The fire-safety officer designates key locations.")
            ?? CommandRules.RequireText(command.EstateId, "estateId", "The estate")
            ?? CommandRules.RequireText(command.Code, "code", "The location's code")
            ?? CommandRules.RequireText(command.Name, "name", "The location's name")
            ?? CommandRules.RequireText(command.ResponsibleDepartment, "responsibleDepartment", "The responsible department (000:681)")
            ?? CommandRules.RequireText(command.ResponsiblePerson, "responsiblePerson", "The responsible person (000:681)");
        if (invalid is not null) return invalid;
        if (state.Exists)
            return state.Name == command.Name.Trim() && state.Kind == command.Kind
                ? Decision.NoChange
                : Rejection.Conflict("key-location-exists", $"Key location {state.Code} is designated already.");
        return Decision.Accept(new KeyLocationDesignated(command.KeyLocationId, command.EstateId.Trim(), command.Code.Trim().ToUpperInvariant(), command.Name.Trim(),
            command.Kind, command.ResponsibleDepartment.Trim(), command.ResponsiblePerson.Trim(), now));
    }
}

/// <summary>
/// A patrol of a key location (000:685): who, when, what was found, photo references. The next is due two hours after
/// this one, however early or late it came: a rolling interval from the last record (decision 10, S36).
/// </summary>
public sealed record RecordPatrol(Guid KeyLocationId, Guid PatrolId, DateTimeOffset PatrolledAt, string? Findings, IReadOnlyList<string> PhotoRefs, Actor By)
    : IKeyLocationCommand
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(2);

    public static Decision Decide(RecordPatrol command, KeyLocationState state, DateTimeOffset now)
    {
        if (!state.Exists) return Rejection.NotFound("key-location-not-found", "There is no such key location.");
        var invalid = CommandRules.RequireRole(command.By, FireRoles.Patrollers, "patrolled-by-guards-and-officers", "Guards and fire-safety officers patrol.")
            ?? FireRules.NotInTheFuture(command.PatrolledAt, now, "patrolledAt")
            ?? (state.LastPatrolledAt is { } last && command.PatrolledAt < last
                ? Rejection.Invalid("patrol-before-the-last", "patrolledAt", $"A patrol at {last:yyyy-MM-dd HH:mm} is recorded already; patrols are recorded in order.")
                : null);
        if (invalid is not null) return invalid;
        return Decision.Accept(new PatrolRecorded(command.PatrolId, command.By.Id, command.PatrolledAt, command.Findings?.Trim(), command.PhotoRefs,
            command.PatrolledAt + Interval));
    }
}

/// <summary>The watcher's check: a patrol due and not recorded is missed once per due time (S36); the next slot is two hours on.</summary>
public sealed record MarkPatrolMissed(Guid KeyLocationId, Actor By) : IKeyLocationCommand
{
    public static Decision Decide(MarkPatrolMissed command, KeyLocationState state, DateTimeOffset now)
    {
        if (!state.Exists) return Rejection.NotFound("key-location-not-found", "There is no such key location.");
        if (now < state.NextDueAt) return Decision.NoChange;
        // Every slot that passed since is missed, each once, so a night without patrols counts every one.
        var events = new List<object>();
        for (var due = state.NextDueAt; due <= now && events.Count < 24; due += RecordPatrol.Interval)
            events.Add(new PatrolMissed(due, due + RecordPatrol.Interval, now));
        return Decision.Accept(events);
    }
}
