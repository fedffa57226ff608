using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Hosting;
using Platform.BuildingBlocks.ReadModels;
using Platform.FireSafety.Drills;
using Platform.FireSafety.Features;
using Platform.FireSafety.Hazards;
using Platform.FireSafety.KeyLocations;

namespace Platform.FireSafety.Watchers;

/// <summary>
/// Key locations whose patrol fell due unrecorded (S36). The decider decides on the stream, so a stale read model or
/// two watchers at once record each missed slot once.
/// </summary>
public sealed class PatrolWatcher(
    ReadModelDatabase database, CommandHandler<KeyLocationState, IKeyLocationCommand> locations, IConfiguration configuration, LeadReplicaLease lease,
    TimeProvider time, ILogger<PatrolWatcher> logger)
    : ReadModelWatcher(database, WatcherOptions.FromConfiguration(configuration, "FireSafety:PatrolWatcher"), lease, time, logger)
{
    protected override string DueQuery => "SELECT key_location_id FROM fs_key_locations WHERE next_due_at <= $now LIMIT $batch;";

    protected override Task ActOnAsync(Guid id, CancellationToken ct) =>
        locations.HandleAsync(FireStreams.KeyLocations.For(id), new MarkPatrolMissed(id, Actor.System),
            new CommandEnvelope(Actor.System, $"patrol-watcher:{id}"), ct);
}

/// <summary>Hazards whose rectification deadline passed unrectified, flagged overdue once per round (000:612).</summary>
public sealed class HazardWatcher(
    ReadModelDatabase database, CommandHandler<HazardState, IHazardCommand> hazards, IConfiguration configuration, LeadReplicaLease lease,
    TimeProvider time, ILogger<HazardWatcher> logger)
    : ReadModelWatcher(database, WatcherOptions.FromConfiguration(configuration, "FireSafety:HazardWatcher"), lease, time, logger)
{
    protected override string DueQuery => """
        SELECT hazard_id FROM fs_hazards WHERE status = 'rectification-ordered' AND deadline < $now AND overdue_round < round LIMIT $batch;
        """;

    protected override Task ActOnAsync(Guid id, CancellationToken ct) =>
        hazards.HandleAsync(FireStreams.Hazards.For(id), new MarkHazardOverdue(id, Actor.System), new CommandEnvelope(Actor.System, $"hazard-watcher:{id}"), ct);
}

/// <summary>
/// Each estate's latest closed drill whose next drill's due date has passed in the estate's calendar: the decider flags
/// the next drill overdue once, unless a later drill was held meanwhile.
/// </summary>
public sealed class DrillWatcher(
    ReadModelDatabase database, CommandHandler<DrillState, IDrillCommand> drills, FirePolicy policy, IConfiguration configuration, LeadReplicaLease lease,
    TimeProvider time, ILogger<DrillWatcher> logger)
    : ReadModelWatcher(database, WatcherOptions.FromConfiguration(configuration, "FireSafety:DrillWatcher"), lease, time, logger)
{
    private const string LaterDrills = """
        SELECT COUNT(*) FROM fs_drills later WHERE later.estate_id = d.estate_id AND later.conducted_at > d.conducted_at AND later.drill_id <> d.drill_id
        """;

    protected override TimeZoneInfo Calendar => policy.Zone;

    protected override string DueQuery => $"""
        SELECT d.drill_id FROM fs_drills d
        WHERE d.status = 'closed' AND d.next_overdue = 0 AND d.next_due_by < $today AND ({LaterDrills}) = 0
          AND d.next_due_by = (SELECT MAX(c.next_due_by) FROM fs_drills c WHERE c.estate_id = d.estate_id AND c.status = 'closed')
        LIMIT $batch;
        """;

    protected override Task ActOnAsync(Guid id, CancellationToken ct)
    {
        var laterHeld = Database.Query($"SELECT ({LaterDrills}) FROM fs_drills d WHERE d.drill_id = $id;", r => r.GetInt32(0) > 0, ("$id", id.ToString()))
            .SingleOrDefault();
        return drills.HandleAsync(FireStreams.Drills.For(id), new MarkNextDrillOverdue(id, laterHeld, policy.Zone, Actor.System),
            new CommandEnvelope(Actor.System, $"drill-watcher:{id}"), ct);
    }
}
