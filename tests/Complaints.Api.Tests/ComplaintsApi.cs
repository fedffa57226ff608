using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.Security;
using Platform.TestSupport;

namespace Platform.Complaints.Api.Tests;

/// <summary>
/// The Complaints service in-process, on a real RabbitMQ virtual host of its own and real SQLite files in
/// a folder of its own, with a fake clock the test drives.
/// </summary>
public sealed class ComplaintsApi : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero); // 09:00 in Shanghai

    private readonly WebApplicationFactory<Program> _factory;
    private readonly TempDirectory _data;
    private readonly RabbitMqBroker _broker;

    private ComplaintsApi(WebApplicationFactory<Program> factory, TempDirectory data, RabbitMqBroker broker, Uri virtualHost, FakeTimeProvider time)
    {
        _factory = factory;
        _data = data;
        _broker = broker;
        VirtualHost = virtualHost;
        Time = time;
        Http = factory.CreateClient();
    }

    public HttpClient Http { get; }
    public FakeTimeProvider Time { get; }
    public Uri VirtualHost { get; }
    public IServiceProvider Services => _factory.Services;
    public IEventStore Store => Services.GetRequiredService<IEventStore>();

    public static async Task<ComplaintsApi> StartAsync(StoreUnderTest store, params (string Key, string Value)[] settings)
    {
        var broker = await RabbitMqBroker.SharedAsync();
        var virtualHost = await broker.CreateVirtualHostAsync();
        var data = new TempDirectory("complaints-api");
        var time = new FakeTimeProvider(Start);
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("RabbitMq:Url", virtualHost.ToString());
            web.UseSetting("Data:Path", data.Path);
            web.UseSetting("Complaints:DeadlineWatcher:Interval", "00:01:00");
            web.UseSetting("Estates:Policies:estate-kpi:Households", "10000");
            foreach (var (key, value) in store.Settings().Concat(settings)) web.UseSetting(key, value);
            web.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(time));
        });
        var api = new ComplaintsApi(factory, data, broker, virtualHost, time);
        await Eventually.UntilAsync(async () => (await api.Http.GetAsync("/health/ready")).IsSuccessStatusCode,
            TimeSpan.FromSeconds(60), "the service should report ready with its broker and store");
        return api;
    }

    /// <summary>Tokens are checked against the real clock, not the service's fake one, so they are issued on the real clock too.</summary>
    public string Token(string subject, string role, params string[] estates) =>
        new DevTokenIssuer(Services.GetRequiredService<PlatformAuthSettings>(), TimeProvider.System)
            .Issue(subject, [role], estates.Length == 0 ? ["estate-1"] : estates, subject);

    public async Task<Answer> SendAsync(HttpMethod method, string path, string token, object? body = null,
        string? idempotencyKey = null, string? ifMatch = null, string? rawJson = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        if (rawJson is not null) request.Content = new StringContent(rawJson, System.Text.Encoding.UTF8, "application/json");
        else if (body is not null) request.Content = JsonContent.Create(body);
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Answer(
            (int)response.StatusCode,
            text.TrimStart().StartsWith('{') ? JsonNode.Parse(text)!.AsObject() : null,
            response.Content.Headers.ContentType?.MediaType,
            response.Headers.Location?.OriginalString,
            response.Headers.ETag?.Tag,
            response.Headers.TryGetValues("X-Event-Position", out var position) ? position.Single() : null,
            text);
    }

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

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _factory.DisposeAsync();
        await _broker.DeleteVirtualHostAsync(VirtualHost);
        _data.Dispose();
    }
}

public sealed record Answer(int Status, JsonObject? Body, string? ContentType, string? Location, string? ETag, string? Position, string Text)
{
    public string? ProblemType => Body?["type"]?.GetValue<string>();

    public override string ToString() => $"{Status} {Text}";
}

/// <summary>
/// The store a test class runs on. The service code is the same on both; EventStoreDB runs when
/// <see cref="EventStoreDbServer"/> has a node, each test in a store namespace of its own on it.
/// </summary>
public sealed record StoreUnderTest(string Name)
{
    public static StoreUnderTest Sqlite { get; } = new("sqlite");

    public static StoreUnderTest EventStoreDb { get; } = new("eventstoredb");

    private string? Connection => Name == "eventstoredb" ? EventStoreDbServer.Connection : null;

    public string? SkipReason => Name == "eventstoredb" ? EventStoreDbServer.SkipReason : null;

    public IEnumerable<(string Key, string Value)> Settings() => Connection is null
        ? [("EventStore:Embedded", "true")]
        : [("EventStore:ConnectionString", Connection), ("EventStore:Namespace", $"t{Guid.NewGuid():N}.")];

    public override string ToString() => Name;
}
