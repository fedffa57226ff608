using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.BuildingBlocks.Hosting;

/// <summary>How often a watcher looks and how many items one pass takes; read from a configuration section.</summary>
public sealed record WatcherOptions(TimeSpan Interval, int BatchSize)
{
    public static WatcherOptions FromConfiguration(IConfiguration configuration, string section) => new(
        configuration.GetValue($"{section}:Interval", TimeSpan.FromSeconds(30)),
        configuration.GetValue($"{section}:BatchSize", 200));
}

/// <summary>
/// A background check on a fixed interval of the injected clock (so tests drive it with a fake one): find the
/// aggregates whose deadline has passed, then issue a command on each. Only the lead replica looks
/// (<see cref="LeadReplicaLease"/>), so N replicas act once; and the decider decides on the stream itself, so a stale
/// read model or a hand-over between two leads cannot act twice. A failing pass is logged and tried again at the
/// next tick; it never stops the host.
/// </summary>
public abstract class PeriodicWatcher(WatcherOptions options, LeadReplicaLease lease, TimeProvider time, ILogger logger) : BackgroundService
{
    /// <summary>Up to <paramref name="batchSize"/> ids whose deadline has passed by <paramref name="now"/> and is not yet recorded.</summary>
    protected abstract IReadOnlyList<Guid> FindDue(DateTimeOffset now, int batchSize);

    protected abstract Task ActOnAsync(Guid id, CancellationToken ct);

    /// <summary>One pass; returns how many aggregates it acted on (none on a replica that does not lead).</summary>
    public async Task<int> CheckAsync(CancellationToken ct)
    {
        if (!lease.IsLead) return 0;
        var due = FindDue(time.GetUtcNow(), options.BatchSize);
        foreach (var id in due)
            await ActOnAsync(id, ct);
        if (due.Count > 0) logger.LogInformation("{Watcher} acted on {Count} overdue items.", GetType().Name, due.Count);
        return due.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Interval, time);
        do
        {
            try
            {
                await CheckAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "{Watcher} failed; trying again at the next tick.", GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
