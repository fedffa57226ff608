using Platform.Complaints.Api;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Hosting;
using Platform.BuildingBlocks.ReadModels;
using Platform.Complaints.Features;

namespace Platform.Complaints.Deadlines;

/// <summary>
/// Looks in the read model for complaints whose reply, resolve or follow-up deadline has passed unmet and
/// issues <see cref="MarkDeadlineMissed"/> for each. The decider decides on the stream itself, so a stale
/// read model or two watchers at once cannot mark a deadline twice.
/// </summary>
public sealed class DeadlineWatcher(
    ReadModelDatabase database,
    ComplaintCommandsForSystem commands,
    IConfiguration configuration,
    LeadReplicaLease lease,
    TimeProvider time,
    ILogger<DeadlineWatcher> logger)
    : ReadModelWatcher(database, WatcherOptions.FromConfiguration(configuration, "Complaints:DeadlineWatcher"), lease, time, logger)
{
    protected override Task ActOnAsync(Guid id, CancellationToken ct) => commands.MarkDeadlineMissedAsync(id, ct);

    protected override string DueQuery => """
        SELECT complaint_id FROM complaint_list
        WHERE status <> 'closed' AND (
            (overdue_reply = 0 AND replied_at IS NULL AND reply_due_at <= $now)
         OR (overdue_resolve = 0 AND status NOT IN ('resolved', 'closed') AND resolve_due_at IS NOT NULL AND resolve_due_at <= $now)
         OR (overdue_follow_up = 0 AND status = 'resolved' AND follow_up_due_at IS NOT NULL AND follow_up_due_at <= $now))
        LIMIT $batch;
        """;
}
