using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Hosting;
using Platform.BuildingBlocks.ReadModels;
using Platform.Fees.Features;

namespace Platform.Fees.CollectionDrives;

/// <summary>Ends each drive at its end with its final figures, once (the decider ignores a second end).</summary>
public sealed class CollectionDriveWatcher(
    ReadModelDatabase database,
    CommandHandler<CollectionDriveState, ICollectionDriveCommand> drives,
    DriveFiguresQuery figures,
    IConfiguration configuration,
    LeadReplicaLease lease,
    TimeProvider time,
    ILogger<CollectionDriveWatcher> logger)
    : ReadModelWatcher(database, WatcherOptions.FromConfiguration(configuration, "Fees:ArrearsWatcher"), lease, time, logger)
{
    protected override async Task ActOnAsync(Guid id, CancellationToken ct)
    {
        var stream = FeeStreams.CollectionDrives.For(id);
        var drive = await drives.LoadAsync(stream, ct);
        var state = drive.State;
        var end = new EndCollectionDrive(id, figures.Measure(state.EstateId, state.DueOnOrBefore, state.StartedAt, state.EndsAt), Actor.System);
        await drives.HandleAsync(stream, end, new CommandEnvelope(Actor.System, CorrelationId: $"drive-watcher:{id}"), ct, drive);
    }

    protected override string DueQuery => "SELECT drive_id FROM fee_collection_drives WHERE ended_at IS NULL AND ends_at <= $now LIMIT $batch;";
}
