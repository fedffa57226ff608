using Microsoft.Extensions.Time.Testing;
using Platform.BuildingBlocks.EventStore;
using Platform.TestSupport;

namespace Platform.Benchmarks;

/// <summary>
/// One service in-process for a benchmark: its own RabbitMQ virtual host and data folder, on SQLite, or on EventStoreDB
/// when EVENTSTORE_CONNECTION names a server (under a namespace of its own), logging only warnings.
/// </summary>
public sealed class ServiceBenchmark<TEntryPoint> : IAsyncDisposable where TEntryPoint : class
{
    private readonly RabbitMqBroker _broker;
    private readonly Uri _virtualHost;
    private readonly TempDirectory _data;

    private ServiceBenchmark(ServiceHost<TEntryPoint> host, RabbitMqBroker broker, Uri virtualHost, TempDirectory data, string? esdb)
    {
        Host = host;
        _broker = broker;
        _virtualHost = virtualHost;
        _data = data;
        StoreName = esdb is { Length: > 0 } ? $"EventStoreDB at {esdb}" : "SQLite";
    }

    public ServiceHost<TEntryPoint> Host { get; }

    public IServiceProvider Services => Host.Services;

    /// <summary>Which store the run is on, for the benchmark's heading.</summary>
    public string StoreName { get; }

    /// <param name="service">The service's folder under <c>services/</c> (its content root).</param>
    public static async Task<ServiceBenchmark<TEntryPoint>> StartAsync(string service, FakeTimeProvider time, params (string Key, string Value)[] settings)
    {
        var esdb = Environment.GetEnvironmentVariable(EventStoreRegistration.ConnectionEnvironmentVariable);
        (string, string)[] store = esdb is { Length: > 0 }
            ? [("EventStore:Embedded", "false"), ("EventStore:ConnectionString", esdb), ("EventStore:Namespace", StoreUnderTest.NewNamespace())]
            : [("EventStore:Embedded", "true")];
        // A console harness has no test manifest: tell the host factory where the service's content root is.
        Environment.SetEnvironmentVariable($"ASPNETCORE_TEST_CONTENTROOT_{typeof(TEntryPoint).Assembly.GetName().Name!.Replace('.', '_').ToUpperInvariant()}",
            Path.Combine(PlatformProcess.RepositoryRoot(), "services", service));
        var broker = await RabbitMqBroker.SharedAsync();
        var virtualHost = await broker.CreateVirtualHostAsync();
        var data = new TempDirectory($"{service.ToLowerInvariant()}-bench");
        var host = await ServiceHost<TEntryPoint>.StartAsync(virtualHost, data.Path, time, [("Logging:LogLevel:Default", "Warning"), .. settings, .. store]);
        return new ServiceBenchmark<TEntryPoint>(host, broker, virtualHost, data, esdb);
    }

    public static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await _broker.DeleteVirtualHostAsync(_virtualHost);
        _data.Dispose();
    }
}
