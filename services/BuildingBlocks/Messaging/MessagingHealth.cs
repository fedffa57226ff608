using System.Net.Sockets;
using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.BuildingBlocks.Messaging;

public static class MessagingHealth
{
    /// <summary>Tag of the broker check: shown in <c>/health</c>, not part of readiness.</summary>
    public const string BrokerTag = "broker";

    public const string BrokerCheckName = "broker";
}

/// <summary>
/// Healthy when the broker answers and the bus with every receive endpoint is connected; Degraded otherwise. Not a
/// readiness check: commands are stored while the broker is away and published once it is back, so an outage must
/// not take the API out of rotation. A service that only publishes has no endpoint that could notice, hence the
/// connection probe.
/// </summary>
public sealed class BrokerHealthCheck(IBusControl bus, PlatformMessagingOptions options) : IHealthCheck
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var url = options.RabbitMq.Url;
        var port = PortOf(url);
        if (await ProbeAsync(url.Host, port, cancellationToken) is { } unreachable)
            return HealthCheckResult.Degraded($"RabbitMQ at {url.Host}:{port} is unreachable; commands are stored and published when it is back.", unreachable);

        var health = bus.CheckHealth();
        var endpoints = health.Endpoints.ToDictionary(
            e => e.Key, e => (object)$"{e.Value.Status}: {e.Value.Description}", StringComparer.OrdinalIgnoreCase);
        return health.Status == BusHealthStatus.Healthy
            ? HealthCheckResult.Healthy(health.Description, endpoints)
            : HealthCheckResult.Degraded(health.Description, health.Exception, endpoints);
    }

    private static int PortOf(Uri url) => url.Port > 0 ? url.Port : url.Scheme.Equals("amqps", StringComparison.OrdinalIgnoreCase) ? 5671 : 5672;

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
