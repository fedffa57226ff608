using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Hosting;
using Platform.BuildingBlocks.ReadModels;
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
