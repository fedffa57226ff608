using System.Collections.Concurrent;
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

/// <summary>An item a watcher set aside because acting on it failed; it is not tried again until an operator re-drives it.</summary>
public sealed record ParkedItem(string Watcher, Guid Id, string Reason, DateTimeOffset Since);

/// <summary>
/// A background check on a fixed interval of the injected clock (so tests drive it with a fake one): find the
/// aggregates whose deadline has passed, then issue a command on each. Only the lead replica looks
/// (<see cref="LeadReplicaLease"/>), so N replicas act once; and the decider decides on the stream itself, so a stale
/// read model or a hand-over between two leads cannot act twice. An item whose command throws is set aside (parked,
/// visible in health and to operators) and the rest of the pass goes on, so one bad item never stops those behind it;
/// an operator re-drives parked items once the cause is fixed. A failing pass is logged and tried again at the next
/// tick; it never stops the host.
/// </summary>
public abstract class PeriodicWatcher(WatcherOptions options, LeadReplicaLease lease, TimeProvider time, ILogger logger) : BackgroundService
{
    private readonly ConcurrentDictionary<Guid, ParkedItem> _parked = new();
    private readonly SemaphoreSlim _onePass = new(1, 1);

    /// <summary>Up to <paramref name="batchSize"/> ids whose deadline has passed by <paramref name="now"/> and is not yet recorded.</summary>
    protected abstract IReadOnlyList<Guid> FindDue(DateTimeOffset now, int batchSize);

    protected abstract Task ActOnAsync(Guid id, CancellationToken ct);

    public string Name => GetType().Name;

    public IReadOnlyCollection<ParkedItem> Parked => _parked.Values.ToList();

    /// <summary>Lets every parked item be tried again at the next pass; returns how many there were.</summary>
    public int RedriveParked()
    {
        var count = _parked.Count;
        _parked.Clear();
        return count;
    }

    /// <summary>One pass; returns how many aggregates it acted on (none on a replica that does not lead).</summary>
    public async Task<int> CheckAsync(CancellationToken ct)
    {
        if (!lease.IsLead) return 0;
        // A pass asked for from outside (the test clock) waits for the timer's, so no item is acted on twice at once.
        await _onePass.WaitAsync(ct);
        try
        {
            return await PassAsync(ct);
        }
        finally
        {
            _onePass.Release();
        }
    }

    private async Task<int> PassAsync(CancellationToken ct)
    {
        // Parked items are still due: ask for that many more, so they cannot fill the batch and starve the rest.
        var due = FindDue(time.GetUtcNow(), options.BatchSize + _parked.Count).Where(id => !_parked.ContainsKey(id)).Take(options.BatchSize).ToList();
        var acted = 0;
        foreach (var id in due)
        {
            try
            {
                await ActOnAsync(id, ct);
                acted++;
                PlatformMetrics.WatcherActed(Name, "acted");
            }
            catch (Exception error) when (error is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                _parked[id] = new ParkedItem(Name, id, $"{error.GetType().Name}: {error.Message}", time.GetUtcNow());
                PlatformMetrics.WatcherActed(Name, "parked");
                logger.LogError(error, "{Watcher} could not act on {Id}; it is parked until an operator re-drives it", Name, id);
            }
        }
        if (acted > 0) logger.LogInformation("{Watcher} acted on {Count} overdue items.", Name, acted);
        return acted;
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
                logger.LogError(e, "{Watcher} failed; trying again at the next tick.", Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
