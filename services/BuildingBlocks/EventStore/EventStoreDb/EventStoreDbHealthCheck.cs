using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.BuildingBlocks.EventStore.EventStoreDb;

/// <summary>
/// Ready when a leader answers: a one-event read of an ordinary stream with <c>requires-leader</c>, which
/// any user may make, is refused by a follower and by a node that is not ready yet.
/// </summary>
public sealed class EventStoreDbHealthCheck(EventStoreDbEventStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var leader = await store.ProbeLeaderAsync(cancellationToken);
            return HealthCheckResult.Healthy($"EventStoreDB leader {leader} answers.");
        }
        catch (Exception ex) when (ex is EventStoreDbException or TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"No EventStoreDB leader answers (last tried {store.CurrentNode}): {ex.Message}", ex);
        }
    }
}
