using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Platform.BuildingBlocks.Hosting;

/// <summary>
/// Runs every health check in the background (every few seconds) and logs each change of a check's status, so a broker
/// outage shows in the log as it starts and ends, not only to whoever polls <c>/health</c>.
/// </summary>
public sealed class HealthTransitionLog(ILogger<HealthTransitionLog> logger) : IHealthCheckPublisher
{
    private readonly Dictionary<string, HealthStatus> _last = new(StringComparer.Ordinal);

    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        lock (_last)
        {
            foreach (var (name, entry) in report.Entries)
            {
                var known = _last.TryGetValue(name, out var previous);
                _last[name] = entry.Status;
                if (known && previous == entry.Status) continue;
                if (!known && entry.Status == HealthStatus.Healthy) continue;
                var level = entry.Status == HealthStatus.Healthy ? LogLevel.Information : LogLevel.Warning;
                // The description says what is wrong; a stack trace per transition would only bury it.
                logger.Log(level, "Health check {Check} is {Status}: {Description}",
                    name, entry.Status, entry.Description ?? entry.Exception?.Message);
            }
        }
        return Task.CompletedTask;
    }
}
