using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.BuildingBlocks.Hosting;

/// <summary>
/// A background check on a fixed interval of the injected clock (so tests drive it with a fake one). A failing
/// check is logged and tried again at the next tick; it never stops the host.
/// </summary>
public abstract class PeriodicWatcher(TimeSpan interval, TimeProvider time, ILogger logger) : BackgroundService
{
    protected TimeProvider Time => time;

    /// <summary>One pass; returns how many items it acted on.</summary>
    public abstract Task<int> CheckAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, time);
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
