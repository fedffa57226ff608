using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.BuildingBlocks.Messaging;

/// <summary>
/// Resumes consumers within seconds of the broker's return. MassTransit 8.5 reconnects a receive endpoint on a fixed
/// schedule of 3 s rising to 30 s that it does not let us configure, so after an outage of half a minute a consumer
/// could wait another 30 s. This watches the broker once a second; when it answers again and the bus has not
/// reconnected on its own within <see cref="Grace"/>, it restarts the bus once, which reconnects every endpoint now.
/// Stored events are not at risk: the outbox retries what a restart interrupts, and unacknowledged messages return
/// to their queues.
/// </summary>
public sealed class BrokerRecovery(IBusControl bus, PlatformMessagingOptions options, ILogger<BrokerRecovery> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var outage = false;
        DateTimeOffset? backSince = null;
        using var timer = new PeriodicTimer(Interval, TimeProvider.System);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var unreachable = await BrokerHealthCheck.ProbeAsync(options, stoppingToken);
                if (unreachable is not null)
                {
                    outage = true;
                    backSince = null;
                    continue;
                }
                if (!outage) continue;
                if (bus.CheckHealth().Status == BusHealthStatus.Healthy)
                {
                    outage = false;
                    continue;
                }
                backSince ??= TimeProvider.System.GetUtcNow();
                if (TimeProvider.System.GetUtcNow() - backSince < Grace) continue;

                logger.LogWarning("RabbitMQ answers again but the bus has not reconnected; restarting it so consumers resume now");
                await RestartAsync(stoppingToken);
                outage = false;
                backSince = null;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RestartAsync(CancellationToken ct)
    {
        try
        {
            await bus.StopAsync(ct);
            await bus.StartAsync(ct);
            logger.LogInformation("Bus restarted; consumers are reconnecting");
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // MassTransit goes on reconnecting on its own schedule; the next outage gets another try.
            logger.LogError(error, "Restarting the bus failed");
        }
    }
}
