using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.Hosting;
using Platform.BuildingBlocks.Projections;
using Platform.Fees.Api;
using Platform.Fees.ReadModel;

namespace Platform.Fees.Api.Tests;

/// <summary>
/// The Fees service in-process on a real RabbitMQ virtual host of its own, real files in a folder of its own and the
/// store under test, with a fake clock the test drives. Watchers are run by the test, once the instance leads.
/// </summary>
public sealed class FeesApi : IAsyncDisposable
{
    public const string Fees = "/api/v1/fees";
    public const string Estate = "estate-1";
    /// <summary>2 March 2026, 08:00 in Shanghai.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    private ServiceHost<AccountCommands> _host;
    private readonly RabbitMqBroker _broker;
    private readonly TempDirectory _data;
    private readonly bool _ownsVirtualHost;
    private readonly (string Key, string Value)[] _settings;

    private FeesApi(ServiceHost<AccountCommands> host, RabbitMqBroker broker, Uri virtualHost, TempDirectory data, FakeTimeProvider time, bool ownsVirtualHost,
        (string Key, string Value)[] settings)
    {
        _host = host;
        _settings = settings;
        _broker = broker;
        _data = data;
        VirtualHost = virtualHost;
        Time = time;
        _ownsVirtualHost = ownsVirtualHost;
    }

    public ApiClient Api => _host.Api;
    public FakeTimeProvider Time { get; }
    public Uri VirtualHost { get; }
    public IServiceProvider Services => _host.Services;
    public IEventStore Store => Services.GetRequiredService<IEventStore>();

    /// <param name="storeNamespace">The same for replicas that share streams.</param>
    /// <param name="broker">A broker of the test's own, which it may stop; else the shared one.</param>
    public static async Task<FeesApi> StartAsync(StoreUnderTest store, Uri? virtualHost = null, string? storeNamespace = null, FakeTimeProvider? time = null,
        RabbitMqBroker? broker = null, params (string Key, string Value)[] settings)
    {
        broker ??= await RabbitMqBroker.SharedAsync();
        var owns = virtualHost is null;
        virtualHost ??= await broker.CreateVirtualHostAsync();
        var data = new TempDirectory("fees-api");
        time ??= new FakeTimeProvider(Start);
        (string, string)[] all =
        [
            ("Fees:BillingWatcher:Interval", "1.00:00:00"), ("Fees:ArrearsWatcher:Interval", "1.00:00:00"), ("RabbitMq:Retry:MaxInterval", "00:00:02"),
            .. store.Settings(storeNamespace ?? StoreUnderTest.NewNamespace()), .. settings,
        ];
        var host = await ServiceHost<AccountCommands>.StartAsync(virtualHost, data.Path, time, all);
        return new FeesApi(host, broker, virtualHost, data, time, owns, all);
    }

    /// <summary>Stops the service, as a crash would leave it, and starts it again on the same data, store and broker.</summary>
    public async Task StopAsync() => await _host.DisposeAsync();

    public async Task StartAgainAsync() => _host = await ServiceHost<AccountCommands>.StartAsync(VirtualHost, _data.Path, Time, _settings);

    public string Token(string subject, string role, params string[] estates) => _host.Token(subject, role, estates);

    public string Finance => Token("fin-1", "finance-clerk");

    public LeadReplicaLease Lease => Services.GetRequiredService<LeadReplicaLease>();

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

    public Task CatchUpAsync() => Services.GetRequiredService<ProjectionRunner<FeesProjection>>().CatchUpWithStoreAsync(TimeSpan.FromSeconds(30));

    public async Task<string> ApproveStandardAsync(string code = "PF-RES", string feeType = "property-fee", decimal rate = 1.50m,
        string unit = "per-square-metre-month", string estate = Estate)
    {
        var approved = await Api.PostAsync($"{Fees}/standards", Token("fin-1", "finance-clerk", estate), new
        {
            estateId = estate, code, name = code, feeType, rate, unit, validFrom = "2026-01-01", validTo = "2026-12-31", approvalReference = "PB-2026-017",
        });
        Assert.True(approved.Status == 201, approved.ToString());
        return approved.Location!;
    }

    public async Task<string> OpenAccountAsync(string room = "501", decimal floorArea = 100m, string? propertyFeeStandard = "PF-RES", string estate = Estate)
    {
        var opened = await Api.PostAsync($"{Fees}/accounts", Token("fin-1", "finance-clerk", estate), new
        {
            unit = new { estateId = estate, building = "3", entrance = "2", room },
            payerKind = "owner",
            payer = new { name = "张三", phone = "13800138000" },
            floorArea,
            propertyFeeStandard,
        });
        Assert.True(opened.Status == 201, opened.ToString());
        return opened.Location!;
    }

    public Task<Answer> PayAsync(string token, Guid accountId, decimal amount, string channel = "window", string? key = null) =>
        Api.PostAsync($"{Fees}/payments", token, new { accountId, amount, channel }, idempotencyKey: key ?? Guid.NewGuid().ToString());

    /// <param name="prefix">Only the streams under this prefix, e.g. "fees.receipt-book-".</param>
    public async Task<int> StoredEventCountAsync(string prefix = "fees.")
    {
        var count = 0;
        await foreach (var _ in Store.ReadAllAsync(null, prefix, int.MaxValue)) count++;
        return count;
    }

    public async Task PublishAsync(object message, Guid messageId)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
            rabbit.Host(VirtualHost.Host, (ushort)VirtualHost.Port, Uri.UnescapeDataString(VirtualHost.AbsolutePath.TrimStart('/')), host =>
            {
                host.Username("guest");
                host.Password("guest");
            }));
        await bus.StartAsync();
        try
        {
            await bus.Publish(message, message.GetType(), context => context.MessageId = messageId);
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        if (_ownsVirtualHost) await _broker.DeleteVirtualHostAsync(VirtualHost);
        _data.Dispose();
    }
}
