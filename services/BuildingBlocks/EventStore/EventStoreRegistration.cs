using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Platform.BuildingBlocks.EventStore.EventStoreDb;
using Platform.BuildingBlocks.EventStore.Sqlite;

namespace Platform.BuildingBlocks.EventStore;

public static class EventStoreRegistration
{
    public const string ConnectionStringKey = "EventStore:ConnectionString";
    public const string ConnectionEnvironmentVariable = "EVENTSTORE_CONNECTION";
    public const string DataPathKey = "Data:Path";
    public const string HealthCheckName = "event-store";

    /// <summary>"true": the embedded store even when a connection string is configured (a laptop run inside a configured shell, tests).</summary>
    public const string EmbeddedKey = "EventStore:Embedded";

    /// <summary>Optional prefix for every stream on EventStoreDB, so deployments or test runs can share a cluster (see <see cref="NamespacedEventStore"/>).</summary>
    public const string NamespaceKey = "EventStore:Namespace";

    /// <summary>
    /// EventStoreDB when a connection string is configured (<c>EventStore:ConnectionString</c> or
    /// <c>EVENTSTORE_CONNECTION</c>), otherwise the embedded SQLite file <c>{Data:Path or ./.data}/{service}/events.db</c>.
    /// Either way a health check tagged "ready" tells whether the store can be used.
    /// </summary>
    public static IServiceCollection AddPlatformEventStore(
        this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        var health = services.AddHealthChecks();
        var connectionString = ConnectionString(configuration);

        if (connectionString is not null)
        {
            // Parsed now so that a bad connection string stops the service at start-up, not at the first request.
            var settings = EventStoreDbSettings.Parse(connectionString);
            services.TryAddSingleton(settings);
            services.TryAddSingleton(sp => new EventStoreDbEventStore(
                sp.GetRequiredService<EventStoreDbSettings>(),
                new EventStoreDbOptions(),
                sp.GetService<TimeProvider>(),
                sp.GetService<ILogger<EventStoreDbEventStore>>()));
            var storeNamespace = configuration[NamespaceKey];
            services.TryAddSingleton<IEventStore>(sp => string.IsNullOrWhiteSpace(storeNamespace)
                ? sp.GetRequiredService<EventStoreDbEventStore>()
                : new NamespacedEventStore(sp.GetRequiredService<EventStoreDbEventStore>(), storeNamespace));
            health.AddCheck<EventStoreDbHealthCheck>(HealthCheckName, tags: ["ready"]);
            return services;
        }

        var options = new SqliteEventStoreOptions
        {
            Path = Path.Combine(configuration[DataPathKey] is { Length: > 0 } data ? data : "./.data", serviceName, "events.db"),
        };
        services.TryAddSingleton(options);
        services.TryAddSingleton<IEventStore>(sp => new SqliteEventStore(
            sp.GetRequiredService<SqliteEventStoreOptions>(), sp.GetService<TimeProvider>()));
        // Resolving the store first creates the file, so a fresh instance is not reported unready for lack of it.
        health.Add(new HealthCheckRegistration(
            HealthCheckName,
            sp =>
            {
                sp.GetRequiredService<IEventStore>();
                return new SqliteEventStoreHealthCheck(sp.GetRequiredService<SqliteEventStoreOptions>());
            },
            failureStatus: null,
            tags: ["ready"]));
        return services;
    }

    /// <summary>The configured EventStoreDB connection string, or null for the embedded store.</summary>
    public static string? ConnectionString(IConfiguration configuration)
    {
        if (configuration.GetValue<bool>(EmbeddedKey)) return null;
        var value = configuration[ConnectionStringKey];
        // A host's configuration holds the environment's variables too, so EVENTSTORE_CONNECTION arrives this way.
        if (string.IsNullOrWhiteSpace(value)) value = configuration[ConnectionEnvironmentVariable];
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
