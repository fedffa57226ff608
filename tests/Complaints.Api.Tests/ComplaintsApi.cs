using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Platform.BuildingBlocks.EventStore;
using Platform.Complaints.Api;

namespace Platform.Complaints.Api.Tests;

/// <summary>
/// The Complaints service in-process, on a real RabbitMQ virtual host of its own and real SQLite files in
/// a folder of its own, with a fake clock the test drives.
/// </summary>
public sealed class ComplaintsApi : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero); // 09:00 in Shanghai

    private readonly ServiceHost<ComplaintCommands> _host;
    private readonly TempDirectory _data;
    private readonly RabbitMqBroker _broker;

    private ComplaintsApi(ServiceHost<ComplaintCommands> host, TempDirectory data, RabbitMqBroker broker, Uri virtualHost, FakeTimeProvider time)
    {
        _host = host;
        _data = data;
        _broker = broker;
        VirtualHost = virtualHost;
        Time = time;
    }

    public HttpClient Http => _host.Api.Http;
    public FakeTimeProvider Time { get; }
    public Uri VirtualHost { get; }
    public IServiceProvider Services => _host.Services;
    public IEventStore Store => Services.GetRequiredService<IEventStore>();

    public static async Task<ComplaintsApi> StartAsync(StoreUnderTest store, params (string Key, string Value)[] settings)
    {
        var broker = await RabbitMqBroker.SharedAsync();
        var virtualHost = await broker.CreateVirtualHostAsync();
        var data = new TempDirectory("complaints-api");
        var time = new FakeTimeProvider(Start);
        (string, string)[] defaults =
        [
            ("Complaints:DeadlineWatcher:Interval", "00:01:00"),
            ("Estates:Policies:estate-kpi:Households", "10000"),
        ];
        var host = await ServiceHost<ComplaintCommands>.StartAsync(virtualHost, data.Path, time, [.. defaults, .. store.Settings(), .. settings]);
        return new ComplaintsApi(host, data, broker, virtualHost, time);
    }

    /// <summary>Tokens are checked against the real clock, not the service's fake one, so they are issued on the real clock too.</summary>
    public string Token(string subject, string role, params string[] estates) => _host.Token(subject, role, estates);

    public Task<Answer> SendAsync(HttpMethod method, string path, string token, object? body = null,
        string? idempotencyKey = null, string? ifMatch = null, string? rawJson = null) =>
        _host.Api.SendAsync(method, path, token, body, idempotencyKey, ifMatch, rawJson);

    public Task<Answer> RegisterAsync(string token, object? overrides = null, string? idempotencyKey = null, string estate = "estate-1") =>
        SendAsync(HttpMethod.Post, "/api/v1/complaints", token, overrides ?? NewComplaint(estate), idempotencyKey);

    public static object NewComplaint(string estate = "estate-1", string category = "water-electricity", string phone = "13800138000") => new
    {
        estateId = estate,
        unit = new { building = "3", entrance = "2", room = "501" },
        reporter = new { name = "张三", phone, kind = "owner" },
        channel = "complaint-line",
        content = "Water leaking from the ceiling",
        category,
    };

    /// <summary>How many events the service has stored: what "leaves no event behind" is checked with.</summary>
    public async Task<int> StoredEventCountAsync()
    {
        var count = 0;
        await foreach (var _ in Store.ReadAllAsync(null, "complaints.", int.MaxValue)) count++;
        return count;
    }

    /// <summary>How many events one complaint's stream holds.</summary>
    public async Task<int> StoredEventCountAsync(string complaintId)
    {
        var count = 0;
        await foreach (var _ in Store.ReadStreamAsync(ComplaintsService.StreamFor(Guid.Parse(complaintId)))) count++;
        return count;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _broker.DeleteVirtualHostAsync(VirtualHost);
        _data.Dispose();
    }
}
