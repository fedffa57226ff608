using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Hosting;
using Platform.BuildingBlocks.ReadModels;
using Platform.Fees.Accounts;
using Platform.Fees.Api;
using Platform.Fees.Features;

namespace Platform.Fees.Billing;

/// <summary>
/// Finds accounts with something fallen due and not yet recorded (a charge past its due day, a day of late fee, an
/// approved refund unpaid past its limit) and issues <see cref="MarkOverdue"/> for each. The decider decides on the
/// stream, so a stale read model or two watchers at once record nothing twice. Disputed accounts are left alone.
/// </summary>
public sealed class ArrearsWatcher(
    ReadModelDatabase database,
    CommandHandler<PayerAccountState, IPayerAccountCommand> accounts,
    FeePolicies policies,
    IConfiguration configuration,
    LeadReplicaLease lease,
    TimeProvider time,
    ILogger<ArrearsWatcher> logger)
    : ReadModelWatcher(database, WatcherOptions.FromConfiguration(configuration, "Fees:ArrearsWatcher"), lease, time, logger)
{
    protected override async Task ActOnAsync(Guid id, CancellationToken ct)
    {
        var stream = FeeStreams.Accounts.For(id);
        var loaded = await accounts.LoadAsync(stream, ct);
        var command = new MarkOverdue(id, policies.For(loaded.State.Unit.EstateId), Actor.System);
        await accounts.HandleAsync(stream, command, new CommandEnvelope(Actor.System, CorrelationId: $"arrears-watcher:{id}"), ct, loaded);
    }

    protected override string DueQuery => """
        SELECT c.account_id FROM fee_charges c JOIN fee_accounts a ON a.account_id = c.account_id
        WHERE a.disputed = 0 AND c.owed_fen > 0 AND c.overdue_from <= $now
          AND (c.marked_overdue = 0 OR (c.next_late_fee_at <= $now AND c.amount_fen - c.credited_fen - c.paid_fen > 0))
        UNION
        SELECT account_id FROM fee_refunds WHERE paid = 0 AND overdue = 0 AND pay_by <= $now
        LIMIT $batch;
        """;
}
