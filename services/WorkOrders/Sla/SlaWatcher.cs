using Platform.BuildingBlocks.Hosting;
using Platform.BuildingBlocks.ReadModels;
using Platform.WorkOrders.Api;

namespace Platform.WorkOrders.Sla;

/// <summary>
/// Looks in the read model for open orders with a deadline (handle, repair, follow-up, rework notice, rectification
/// reply) that has passed unmet and is not recorded yet, and issues <see cref="Features.MarkSlaBreached"/> for each.
/// The decider decides on the stream itself, so a stale read model or two watchers at once cannot record a breach twice.
/// </summary>
public sealed class SlaWatcher(
    ReadModelDatabase database,
    WorkOrderCommandsForSystem commands,
    IConfiguration configuration,
    LeadReplicaLease lease,
    TimeProvider time,
    ILogger<SlaWatcher> logger)
    : ReadModelWatcher(database, WatcherOptions.FromConfiguration(configuration, "WorkOrders:SlaWatcher"), lease, time, logger)
{
    protected override Task ActOnAsync(Guid id, CancellationToken ct) => commands.MarkSlaBreachedAsync(id, ct);

    protected override string DueQuery => """
        SELECT w.work_order_id FROM work_orders w
        WHERE w.status NOT IN ('closed', 'cancelled') AND (
            (w.handle_breached = 0 AND w.work_started_at IS NULL AND w.handle_due_at <= $now)
         OR (w.repair_breached = 0 AND w.first_completed_at IS NULL AND w.repair_due_at <= $now)
         OR (w.rework_notice_due_at <= $now)
         OR EXISTS (SELECT 1 FROM work_order_follow_ups f
                    WHERE f.work_order_id = w.work_order_id AND f.outcome IS NULL AND f.withdrawn = 0 AND f.breached = 0 AND f.due_at <= $now)
         OR EXISTS (SELECT 1 FROM work_order_notices n
                    WHERE n.work_order_id = w.work_order_id AND n.replied_at IS NULL AND n.breached = 0 AND n.reply_due_at <= $now))
        LIMIT $batch;
        """;
}
