using Platform.BuildingBlocks.EventSourcing;
using Platform.FireSafety.Incidents;

namespace Platform.FireSafety.Features;

/// <summary>
/// A fire or a fire alarm (火警) recorded: by the alarm system's signal (the system, through its device) or by a member of
/// staff. Staff give the time it happened, never later than now; a device's clock a little ahead of ours counts as now.
/// </summary>
public sealed record ReportIncident(
    Guid IncidentId, string EstateId, string Location, IncidentSource Source, string? DeviceId, Guid? EquipmentId, string Description, DateTimeOffset OccurredAt,
    Actor By) : IIncidentCommand
{
    public static Decision Decide(ReportIncident command, IncidentState state, DateTimeOffset now)
    {
        var fromAlarm = command.Source == IncidentSource.Alarm;
        var invalid = (fromAlarm
                ? command.By.HasRole(Roles.System) ? null : Rejection.Forbidden("alarms-from-the-alarm-system", "Alarms come from the alarm system's signals.")
                : CommandRules.RequireRole(command.By, FireRoles.Staff, "reported-by-staff", "Staff report incidents."))
            ?? CommandRules.RequireText(command.EstateId, "estateId", "The estate")
            ?? CommandRules.RequireText(command.Location, "location", "Where it happened")
            ?? CommandRules.RequireText(command.Description, "description", "What happened")
            ?? (fromAlarm ? null : FireRules.NotInTheFuture(command.OccurredAt, now, "occurredAt"));
        if (invalid is not null) return invalid;
        if (state.Exists) return Decision.NoChange;
        return Decision.Accept(new IncidentReported(command.IncidentId, command.EstateId.Trim(), command.Location.Trim(), command.Source, command.DeviceId,
            command.EquipmentId, command.Description.Trim(), command.OccurredAt < now ? command.OccurredAt : now, command.By.Id, now));
    }
}

/// <summary>The duty officer or guard acknowledges the incident and goes to it.</summary>
public sealed record AcknowledgeIncident(Guid IncidentId, Actor By) : IIncidentCommand
{
    public static Decision Decide(AcknowledgeIncident command, IncidentState state, DateTimeOffset now) =>
        CommandRules.RequireRole(command.By, FireRoles.Patrollers, "acknowledged-by-the-duty-officer", "The duty officer or a security guard acknowledges incidents.")
        ?? (state.Status == IncidentStatus.Reported ? Decision.Accept(new IncidentAcknowledged(command.By.Id, now)) : Decision.NoChange);
}

/// <summary>
/// The officer records what the incident was once someone has gone to it: a fire (with the people hurt, for the accident
/// count of 000:1030), a false alarm or a test.
/// </summary>
public sealed record ResolveIncident(Guid IncidentId, IncidentOutcome Outcome, string Note, int Casualties, Actor By) : IIncidentCommand
{
    public static Decision Decide(ResolveIncident command, IncidentState state, DateTimeOffset now)
    {
        var invalid = CommandRules.RequireRole(command.By, FireRoles.Officers, "resolved-by-the-fire-officer", "The fire-safety officer records what an incident was.")
            ?? CommandRules.RequireText(command.Note, "note", "What was found and done")
            ?? (command.Casualties is >= 0 and <= 10_000 ? null : Rejection.Invalid("casualties-invalid", "casualties", "Casualties are 0 or more."))
            ?? (command.Outcome != IncidentOutcome.Fire && command.Casualties > 0
                ? Rejection.Invalid("casualties-only-in-a-fire", "casualties", "Only a fire has casualties; record it as a fire.")
                : null);
        if (invalid is not null) return invalid;
        return state.Status switch
        {
            IncidentStatus.Resolved => state.Resolution!.Outcome == command.Outcome ? Decision.NoChange
                : Rejection.Conflict("incident-resolved", "The incident is resolved already."),
            IncidentStatus.Reported => Rejection.Conflict("not-acknowledged", "An incident is resolved after someone has acknowledged it and gone to it."),
            _ => Decision.Accept(new IncidentResolved(command.Outcome, command.Note.Trim(), command.Casualties, command.By.Id, now)),
        };
    }
}
