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
/// Ready only when the bus and every receive endpoint are connected. MassTransit calls a bus whose
/// endpoints lost the broker "degraded"; for readiness that is a failure: the instance cannot consume.
/// </summary>
public sealed class BusReadinessHealthCheck(IBusControl bus) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var health = bus.CheckHealth();
        var endpoints = health.Endpoints.ToDictionary(
            e => e.Key, e => (object)$"{e.Value.Status}: {e.Value.Description}", StringComparer.OrdinalIgnoreCase);
        return Task.FromResult(health.Status == BusHealthStatus.Healthy
            ? HealthCheckResult.Healthy(health.Description, endpoints)
            : HealthCheckResult.Unhealthy(health.Description, health.Exception, endpoints));
    }
}
