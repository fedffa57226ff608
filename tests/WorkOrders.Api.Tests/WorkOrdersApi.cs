using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Platform.BuildingBlocks.EventStore;
using Platform.WorkOrders.Api;

namespace Platform.WorkOrders.Api.Tests;

/// <summary>
/// The Work orders service in-process, on a real RabbitMQ virtual host of its own, real files in a folder of its own and
/// the store under test (SQLite, or EventStoreDB under a namespace of its own), with a fake clock the test drives.
/// </summary>
public sealed class WorkOrdersApi : IAsyncDisposable
{
    public const string Orders = "/api/v1/work-orders";
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero); // 08:00 in Shanghai

    private readonly ServiceHost<WorkOrderCommands> _host;
    private readonly RabbitMqBroker _broker;
    private readonly TempDirectory _data;

    private WorkOrdersApi(ServiceHost<WorkOrderCommands> host, RabbitMqBroker broker, Uri virtualHost, TempDirectory data, FakeTimeProvider time)
    {
        _host = host;
        _broker = broker;
        _data = data;
        VirtualHost = virtualHost;
        Time = time;
    }

    public ApiClient Api => _host.Api;
    public FakeTimeProvider Time { get; }
    public Uri VirtualHost { get; }
    public IServiceProvider Services => _host.Services;
    public IEventStore Store => Services.GetRequiredService<IEventStore>();

    public static async Task<WorkOrdersApi> StartAsync(StoreUnderTest store)
    {
        var broker = await RabbitMqBroker.SharedAsync();
        var virtualHost = await broker.CreateVirtualHostAsync();
        var data = new TempDirectory("workorders-api");
        var time = new FakeTimeProvider(Start);
        var host = await ServiceHost<WorkOrderCommands>.StartAsync(virtualHost, data.Path, time,
            [("WorkOrders:SlaWatcher:Interval", "00:01:00"), .. store.Settings()]);
        return new WorkOrdersApi(host, broker, virtualHost, data, time);
    }

    public string Token(string subject, string role, params string[] estates) => _host.Token(subject, role, estates);

    public Task<Answer> LogAsync(string token, object? body = null, string? idempotencyKey = null) =>
        Api.SendAsync(HttpMethod.Post, Orders, token, body ?? NewRequest(), idempotencyKey);

    public static object NewRequest(string estate = "estate-1", string content = "Basin drain blocked", string? category = null,
        string? urgency = null, string type = "repair", string channel = "hotline", string phone = "13800138000") => new
    {
        channel,
        type,
        unit = new { estateId = estate, building = "3", entrance = "2", room = "501" },
        reporter = new { name = "张三", phone },
        content,
        category,
        urgency,
    };

    /// <summary>Logs an order and takes it to work in progress with <paramref name="technician"/>.</summary>
    public async Task<string> LogAndStartAsync(string agent, string technicianToken, string technicianId, object? request = null)
    {
        var logged = await LogAsync(agent, request);
        Assert.Equal(201, logged.Status);
        var location = logged.Location!;
        Assert.Equal(200, (await Api.PostAsync($"{location}/dispatch", agent, new { technicianId, appointmentAt = Time.GetUtcNow().AddMinutes(10) })).Status);
        Assert.Equal(200, (await Api.PostAsync($"{location}/arrival", technicianToken)).Status);
        Assert.Equal(200, (await Api.PostAsync($"{location}/start", technicianToken)).Status);
        return location;
    }

    /// <summary>How many events the service has stored: what "leaves no event behind" is checked with.</summary>
    public async Task<int> StoredEventCountAsync()
    {
        var count = 0;
        await foreach (var _ in Store.ReadAllAsync(null, "workorders.", int.MaxValue)) count++;
        return count;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _broker.DeleteVirtualHostAsync(VirtualHost);
        _data.Dispose();
    }
}
