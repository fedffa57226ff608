using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.Hosting;

namespace Platform.TestSupport;

/// <summary>
/// A service in-process on a real RabbitMQ virtual host of its own, real files in a folder of its own and the store
/// under test, with a fake clock the test drives; it can be stopped as a crash would leave it and started again on the
/// same data, store and broker. A service's test harness derives from it and adds its own steps.
/// </summary>
public abstract class ServiceUnderTest<TEntryPoint> : IAsyncDisposable where TEntryPoint : class
{
    private ServiceHost<TEntryPoint> _host;
    private readonly Started _started;

    protected ServiceUnderTest(Started started)
    {
        _started = started;
        _host = started.Host;
    }

    /// <summary>What <see cref="StartHostAsync"/> started, for the derived harness's constructor.</summary>
    protected sealed record Started(
        ServiceHost<TEntryPoint> Host, RabbitMqBroker Broker, Uri VirtualHost, TempDirectory Data, FakeTimeProvider Time, bool OwnsVirtualHost,
        (string Key, string Value)[] Settings);

    /// <param name="storeNamespace">The same for replicas that share streams.</param>
    /// <param name="virtualHost">Another replica's, to share its broker; else one of its own, deleted with it.</param>
    /// <param name="broker">A broker of the test's own, which it may stop; else the shared one.</param>
    /// <param name="defaults">The harness's settings; the store's follow, then the test's <paramref name="overrides"/>.</param>
    protected static async Task<Started> StartHostAsync(
        string name, StoreUnderTest store, Uri? virtualHost, string? storeNamespace, FakeTimeProvider time, RabbitMqBroker? broker,
        IEnumerable<(string Key, string Value)> defaults, IEnumerable<(string Key, string Value)>? overrides = null)
    {
        broker ??= await RabbitMqBroker.SharedAsync();
        var owns = virtualHost is null;
        virtualHost ??= await broker.CreateVirtualHostAsync();
        var data = new TempDirectory(name);
        (string, string)[] all = [.. defaults, .. store.Settings(storeNamespace ?? StoreUnderTest.NewNamespace()), .. overrides ?? []];
        var host = await ServiceHost<TEntryPoint>.StartAsync(virtualHost, data.Path, time, all);
        return new Started(host, broker, virtualHost, data, time, owns, all);
    }

    public ApiClient Api => _host.Api;
    public FakeTimeProvider Time => _started.Time;
    public Uri VirtualHost => _started.VirtualHost;
    public IServiceProvider Services => _host.Services;
    public IEventStore Store => Services.GetRequiredService<IEventStore>();
    public LeadReplicaLease Lease => Services.GetRequiredService<LeadReplicaLease>();

    public string Token(string subject, string role, params string[] estates) => _host.Token(subject, role, estates);

    /// <summary>Waits until the service's read model has caught up with the store.</summary>
    public abstract Task CatchUpAsync();

    /// <summary>What the lead's watchers do on a tick, once this instance leads.</summary>
    public async Task RunWatchersAsync()
    {
        await Eventually.UntilAsync(() => Lease.IsLead, TimeSpan.FromSeconds(60), "the instance should take the lead");
        await RunWatchersOnThisInstanceAsync();
    }

    /// <summary>
    /// A tick of every watcher on this instance, lead or not (one that does not lead does nothing), in the order the
    /// service registers them, each seeing the writes of the one before, as the test clock runs them.
    /// </summary>
    public async Task RunWatchersOnThisInstanceAsync()
    {
        foreach (var watcher in Services.GetServices<IHostedService>().OfType<PeriodicWatcher>())
        {
            await CatchUpAsync();
            await watcher.CheckAsync(CancellationToken.None);
        }
        await CatchUpAsync();
    }

    /// <summary>Stops the service, as a crash would leave it, and starts it again on the same data, store and broker.</summary>
    public async Task StopAsync() => await _host.DisposeAsync();

    public async Task StartAgainAsync() =>
        _host = await ServiceHost<TEntryPoint>.StartAsync(_started.VirtualHost, _started.Data.Path, _started.Time, _started.Settings);

    /// <param name="prefix">Only the streams under this prefix, e.g. "fees.receipt-book-".</param>
    public async Task<int> StoredEventCountAsync(string prefix)
    {
        var count = 0;
        await foreach (var _ in Store.ReadAllAsync(null, prefix, int.MaxValue)) count++;
        return count;
    }

    /// <summary>Publishes <paramref name="message"/> on the service's virtual host, as another service would.</summary>
    public Task PublishAsync(object message, Guid messageId) => BusCapture.PublishAsync(VirtualHost, message, messageId);

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        if (_started.OwnsVirtualHost) await _started.Broker.DeleteVirtualHostAsync(_started.VirtualHost);
        _started.Data.Dispose();
        GC.SuppressFinalize(this);
    }
}
