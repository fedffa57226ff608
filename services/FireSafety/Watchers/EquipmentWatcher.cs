using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Hosting;
using Platform.BuildingBlocks.ReadModels;
using Platform.FireSafety.Equipment;
using Platform.FireSafety.Features;

namespace Platform.FireSafety.Watchers;

/// <summary>Equipment whose test period ended (S39): the decider marks it overdue once if the period went untested.</summary>
public sealed class EquipmentWatcher(
    ReadModelDatabase database, CommandHandler<EquipmentState, IEquipmentCommand> equipment, FirePolicy policy, IConfiguration configuration,
    LeadReplicaLease lease, TimeProvider time, ILogger<EquipmentWatcher> logger)
    : ReadModelWatcher(database, WatcherOptions.FromConfiguration(configuration, "FireSafety:EquipmentWatcher"), lease, time, logger)
{
    protected override string DueQuery => "SELECT equipment_id FROM fs_equipment WHERE next_check_at <= $now LIMIT $batch;";

    protected override Task ActOnAsync(Guid id, CancellationToken ct) =>
        equipment.HandleAsync(FireStreams.Equipment.For(id), new MarkTestOverdue(id, policy.Zone, Actor.System),
            new CommandEnvelope(Actor.System, $"equipment-watcher:{id}"), ct);
}
