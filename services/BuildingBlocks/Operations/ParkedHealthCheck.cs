using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Platform.BuildingBlocks.Hosting;
using Platform.BuildingBlocks.Messaging;

namespace Platform.BuildingBlocks.Operations;

/// <summary>Degraded while anything is parked (watcher items, outbox events), with the counts: an operator should look.</summary>
public sealed class ParkedHealthCheck(IServiceProvider services) : IHealthCheck
{
    public const string Name = "parked";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>();
        foreach (var watcher in services.GetServices<IHostedService>().OfType<PeriodicWatcher>())
            data[watcher.Name] = watcher.Parked.Count;
        if (services.GetService<ParkedOutboxEvents>() is { } outbox)
            data["outbox"] = (await outbox.ListAsync(cancellationToken)).Count;
        var total = data.Values.Sum(v => (int)v);
        return total == 0
            ? HealthCheckResult.Healthy("Nothing is parked.", data)
            : HealthCheckResult.Degraded($"{total} item(s) parked; see admin/parked and re-drive once fixed.", data: data);
    }
}

public static class ParkedHealthCheckRegistration
{
    /// <summary>Registers the <see cref="ParkedHealthCheck"/> once, however many parts of a service ask for it.</summary>
    public static IServiceCollection AddParkedHealthCheck(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(ParkedHealthCheck))) return services;
        services.AddSingleton<ParkedHealthCheck>();
        services.AddHealthChecks().Add(new HealthCheckRegistration(
            ParkedHealthCheck.Name, sp => sp.GetRequiredService<ParkedHealthCheck>(), HealthStatus.Degraded, [ServiceDefaults.InformationTag]));
        return services;
    }
}
