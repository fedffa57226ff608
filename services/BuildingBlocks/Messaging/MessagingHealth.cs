using System.Net.Sockets;
using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.BuildingBlocks.Messaging;

public static class MessagingHealth
{
    /// <summary>Tag of the bus readiness check: map it to <c>/health/ready</c>.</summary>
    public const string ReadyTag = "ready";

    public const string BusCheckName = "messaging-bus";
}

/// <summary>
/// Ready only when the broker answers and the bus with every receive endpoint is connected.
/// MassTransit calls a bus whose endpoints lost the broker "degraded", which would pass readiness; and a
/// service that only publishes has no endpoint that could notice, hence the connection probe.
/// </summary>
public sealed class BusReadinessHealthCheck(IBusControl bus, PlatformMessagingOptions options) : IHealthCheck
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var url = options.RabbitMq.Url;
        var port = url.Port > 0 ? url.Port : url.Scheme.Equals("amqps", StringComparison.OrdinalIgnoreCase) ? 5671 : 5672;
        if (await ProbeAsync(url.Host, port, cancellationToken) is { } unreachable)
            return HealthCheckResult.Unhealthy($"RabbitMQ at {url.Host}:{port} is unreachable.", unreachable);

        var health = bus.CheckHealth();
        var endpoints = health.Endpoints.ToDictionary(
            e => e.Key, e => (object)$"{e.Value.Status}: {e.Value.Description}", StringComparer.OrdinalIgnoreCase);
        return health.Status == BusHealthStatus.Healthy
            ? HealthCheckResult.Healthy(health.Description, endpoints)
            : HealthCheckResult.Unhealthy(health.Description, health.Exception, endpoints);
    }

    /// <summary>Opens and closes a TCP connection to the broker; returns the failure, or null when it answered.</summary>
    private static async Task<Exception?> ProbeAsync(string host, int port, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(host, port, timeout.Token);
            return null;
        }
        catch (Exception error) when ((error is SocketException or OperationCanceledException) && !ct.IsCancellationRequested)
        {
            return error;
        }
    }
}
