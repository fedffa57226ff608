using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.EventStore.Sqlite;
using Platform.BuildingBlocks.Hosting;
using Platform.BuildingBlocks.Messaging;
using Platform.BuildingBlocks.ReadModels;
using Platform.TestSupport;

namespace Platform.Messaging.Tests;

/// <summary>
/// One running service for a test: a generic host with the platform's messaging on a real broker and
/// real SQLite files in the test's folder, so stopping and starting it again keeps its store and checkpoint.
/// </summary>
public sealed class TestService : IAsyncDisposable
{
    private readonly IHost _host;

    private TestService(IHost host, string name)
    {
        _host = host;
        Name = name;
    }

    public string Name { get; }
    public IServiceProvider Services => _host.Services;
    public IEventStore Store => Services.GetRequiredService<IEventStore>();
    public EventTypeMap Types => Services.GetRequiredService<EventTypeMap>();

    public static async Task<TestService> StartAsync(
        string name,
        Uri virtualHost,
        TempDirectory folder,
        Action<IBusRegistrationConfigurator>? consumers = null,
        bool publisher = false,
        Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RabbitMq:Url"] = virtualHost.ToString(),
            // Short retries keep the poison-message test fast; the bound is what matters.
            ["RabbitMq:Retry:Limit"] = "2",
            ["RabbitMq:Retry:MinInterval"] = "00:00:00.050",
            ["RabbitMq:Retry:MaxInterval"] = "00:00:00.200",
            ["RabbitMq:Retry:IntervalDelta"] = "00:00:00.050",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(15));

        var types = new EventTypeMap().RegisterAssemblyOf<TestService>();
        builder.Services.AddSingleton(types);
        builder.Services.AddSingleton<IEventStore>(new SqliteEventStore(new SqliteEventStoreOptions
        {
            Path = folder.File($"{name}-events.db"),
            SynchronousFull = false,
        }));
        builder.Services.AddSingleton(new ReadModelDatabase(folder.File($"{name}-read.db")));
        builder.Services.AddSingleton<Deliveries>();
        builder.Services.AddSingleton<FlakySwitch>();
        builder.Services.AddSingleton<PoisonSwitch>();
        builder.Services.AddSingleton(sp => new CommandHandler<int, NoteDelivery>(
            sp.GetRequiredService<IEventStore>(), types, new DeliveryLog(), TimeProvider.System));
        builder.Services.AddHealthChecks();

        builder.Services.AddPlatformMessaging(builder.Configuration, name, consumers);
        if (publisher)
        {
            builder.Services.AddLeadReplicaLease(builder.Configuration, name);
            builder.Services.AddIntegrationEventPublisher<ParcelMapper>(o =>
            {
                o.PublishTimeout = TimeSpan.FromSeconds(5);
                o.MinBackoff = TimeSpan.FromMilliseconds(100);
                o.MaxBackoff = TimeSpan.FromSeconds(1);
            });
        }
        services?.Invoke(builder.Services);

        var host = builder.Build();
        await host.StartAsync();
        return new TestService(host, name);
    }

    /// <summary>The broker check: Healthy when the bus and every receive endpoint are connected, Degraded while the broker is away.</summary>
    public async Task<HealthStatus> BrokerHealthAsync()
    {
        var report = await Services.GetRequiredService<HealthCheckService>()
            .CheckHealthAsync(check => check.Tags.Contains(MessagingHealth.BrokerTag));
        return report.Status;
    }

    /// <summary>Waits until the bus is connected and every receive endpoint (queue and bindings) is up.</summary>
    public Task WaitUntilReadyAsync() =>
        Eventually.UntilAsync(async () => await BrokerHealthAsync() == HealthStatus.Healthy,
            TimeSpan.FromSeconds(60), $"{Name} is connected to the broker");

    /// <summary>How far the outbox has published, as the broker confirmed.</summary>
    public GlobalPosition? OutboxCheckpoint() => Services.GetRequiredService<IntegrationEventPublisher>().Checkpoint;

    /// <summary>Appends one event as a command would, with metadata carrying the current trace.</summary>
    public async Task<RecordedEvent> AppendAsync(string streamId, object @event, string? correlationId = null)
    {
        var now = DateTimeOffset.UtcNow;
        var id = Guid.CreateVersion7(now);
        var envelope = new CommandEnvelope(new Actor("tester", Roles.Operator), correlationId ?? Guid.NewGuid().ToString());
        var data = new EventData(id, Types.NameOf(@event.GetType()), Types.Serialize(@event), envelope.MetadataFor(id, now).ToBytes());
        var result = await Store.AppendAsync(streamId, ExpectedRevision.Any, [data]);
        return new RecordedEvent(streamId, result.CurrentRevision, result.Position, id, data.EventType, data.Data, data.Metadata, now);
    }

    public async Task<int> CountAsync(string streamId)
    {
        var count = 0;
        await foreach (var _ in Store.ReadStreamAsync(streamId)) count++;
        return count;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}

/// <summary>Records every activity of MassTransit and of the outbox, so their ids are created as under OpenTelemetry.</summary>
internal static class TracingListener
{
    private static readonly ActivityListener Listener = Create();

    public static void EnsureStarted() => GC.KeepAlive(Listener);

    private static ActivityListener Create()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "MassTransit" or IntegrationEventPublisher.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
