using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.ReadModels;

namespace Platform.BuildingBlocks.Projections;

/// <summary>The runner of one projection type, so a query can inject the runner of the model it reads.</summary>
public sealed class ProjectionRunner<TProjection>(
    TProjection projection, IEventStore store, EventTypeMap types, ReadModelDatabase database,
    ProjectionRunnerOptions options, ILogger<ProjectionRunner<TProjection>> logger, TimeProvider time)
    : ProjectionRunner(projection, store, types, database, options, logger, time)
    where TProjection : class, IProjection
{
    public new TProjection Projection => (TProjection)base.Projection;
}

/// <summary>Every projection of the service, by name: what an operator endpoint rebuilds through.</summary>
public sealed class ProjectionRegistry(IEnumerable<ProjectionRunner> runners)
{
    private readonly IReadOnlyList<ProjectionRunner> _runners = runners.ToList();

    public IReadOnlyList<ProjectionRunner> All => _runners;

    public ProjectionRunner? Find(string name) => _runners.FirstOrDefault(r => r.Name == name);

    /// <summary>Resets the named projection and replays it from the start; false when no projection has that name.</summary>
    public async Task<bool> RebuildAsync(string name, CancellationToken ct = default)
    {
        if (Find(name) is not { } runner) return false;
        await runner.RebuildAsync(ct);
        return true;
    }
}

public static class ProjectionServiceCollectionExtensions
{
    /// <summary>
    /// Runs <typeparamref name="TProjection"/> in the background over the service's events. Needs
    /// <see cref="IEventStore"/>, <see cref="EventTypeMap"/> and <see cref="ReadModelDatabase"/> registered.
    /// Inject <see cref="ProjectionRunner{TProjection}"/> to read its position or wait for a write,
    /// and <see cref="ProjectionRegistry"/> to rebuild by name.
    /// </summary>
    public static IServiceCollection AddProjection<TProjection>(
        this IServiceCollection services, string streamPrefix, Action<ProjectionRunnerOptions>? configure = null)
        where TProjection : class, IProjection
    {
        ArgumentException.ThrowIfNullOrEmpty(streamPrefix);
        // A second registration would start the same runner twice.
        if (services.Any(d => d.ServiceType == typeof(ProjectionRunner<TProjection>)))
            throw new InvalidOperationException($"{typeof(TProjection).Name} is already registered.");

        var options = new ProjectionRunnerOptions { StreamPrefix = streamPrefix };
        configure?.Invoke(options);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TProjection>();
        services.TryAddSingleton<ProjectionRegistry>();
        if (!services.Any(d => d.ServiceType == typeof(ReadModelsHealthCheck)))
        {
            services.AddSingleton<ReadModelsHealthCheck>();
            services.AddHealthChecks().Add(new HealthCheckRegistration(
                ReadModelsHealthCheck.Name, sp => sp.GetRequiredService<ReadModelsHealthCheck>(), HealthStatus.Unhealthy, [Hosting.ServiceDefaults.ReadyTag]));
        }
        services.AddSingleton(sp => new ProjectionRunner<TProjection>(
            sp.GetRequiredService<TProjection>(), sp.GetRequiredService<IEventStore>(), sp.GetRequiredService<EventTypeMap>(),
            sp.GetRequiredService<ReadModelDatabase>(), options, sp.GetRequiredService<ILogger<ProjectionRunner<TProjection>>>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ProjectionRunner>(sp => sp.GetRequiredService<ProjectionRunner<TProjection>>());
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<ProjectionRunner<TProjection>>());
        return services;
    }
}

/// <summary>
/// Ready only once every read model has caught up with the store at least once since start or rebuild, so a
/// replica that starts on an empty volume takes no queries until it can answer them.
/// </summary>
public sealed class ReadModelsHealthCheck(ProjectionRegistry projections) : IHealthCheck
{
    public const string Name = "read-models";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = projections.All.ToDictionary(r => r.Name, r => (object)$"{(r.IsCaughtUp ? "caught up" : "catching up")} at {r.Position?.ToString() ?? "the start"}");
        var behind = projections.All.Where(r => !r.IsCaughtUp).Select(r => r.Name).ToList();
        return Task.FromResult(behind.Count == 0
            ? HealthCheckResult.Healthy("Every read model has caught up.", data)
            : HealthCheckResult.Unhealthy($"Catching up: {string.Join(", ", behind)}.", data: data));
    }
}
