using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using MassTransit;
using Platform.TestSupport;
using RabbitMQ.Client;
using Xunit;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// Drives complaint → work order flows through the gateway as an integrating app would: every command carries an
/// Idempotency-Key, and an answer of 502, 503 or 504 (an instance gone, no store leader) or 429 (the gateway's rate
/// limit) is retried with the same key until it succeeds. Records every status seen, so a test can say that nothing answered 500.
/// </summary>
public sealed class FlowDriver(PlatformProcess platform)
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(180);
    private static readonly int[] Retryable = [429, 502, 503, 504];

    private readonly ApiClient _api = new(new HttpClient { BaseAddress = platform.Gateway, Timeout = TimeSpan.FromSeconds(60) });
    private string _agent = "";

    /// <summary>Every answer to a command, by status code.</summary>
    public ConcurrentDictionary<int, int> Statuses { get; } = new();

    /// <summary>Answers that were not 2xx, each with its body: what a test inspects when it asserts 503s were problem+json.</summary>
    public ConcurrentBag<Answer> Refusals { get; } = [];

    public ConcurrentBag<string> Complaints { get; } = [];

    public ApiClient Api => _api;

    public string Agent => _agent;

    public async Task SignInAsync()
    {
        var response = await _api.Http.PostAsJsonAsync("/dev/tokens", new
        {
            subject = "agent-e2e", name = "agent-e2e", roles = new[] { "call-centre-agent" }, estates = new[] { "estate-e2e" },
        });
        response.EnsureSuccessStatusCode();
        _agent = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
    }

    /// <summary>Registers a complaint and transfers it needing work; returns its id.</summary>
    public async Task<string> RegisterAndTransferAsync(int n)
    {
        var registered = await CommandAsync("/api/v1/complaints", $"register-{n}-{platform.GatewayPort}", new
        {
            estateId = "estate-e2e",
            unit = new { building = "1", entrance = "1", room = $"{100 + n % 900}" },
            reporter = new { name = "张三", phone = "13800138000", kind = "owner" },
            channel = "hotline",
            content = $"Water through the ceiling, flow {n}",
            category = "water-electricity",
        });
        var id = registered.Id;
        await CommandAsync($"/api/v1/complaints/{id}/transfer", $"transfer-{n}-{platform.GatewayPort}",
            new { department = "engineering", needsWork = true, workDescription = $"Leak above room {n}" });
        Complaints.Add(id);
        return id;
    }

    /// <summary>Runs <paramref name="count"/> flows, <paramref name="parallel"/> at a time; <paramref name="halfway"/> runs once half are done.</summary>
    public async Task RunAsync(int count, int parallel, Func<Task>? halfway = null)
    {
        var next = -1;
        var done = 0;
        // Started by the one worker that completes the middle flow; the others carry on while it runs.
        var fault = Task.CompletedTask;
        async Task Worker()
        {
            while (true)
            {
                var n = Interlocked.Increment(ref next);
                if (n >= count) return;
                await RegisterAndTransferAsync(n);
                if (Interlocked.Increment(ref done) == count / 2 && halfway is not null) fault = halfway();
            }
        }
        await Task.WhenAll(Enumerable.Range(0, parallel).Select(_ => Worker()));
        await fault;
    }

    /// <summary>A read through the gateway, asked again while the answer is one a client retries (the rate limit, an instance gone).</summary>
    public async Task<Answer> ReadAsync(string path)
    {
        Answer? answer = null;
        await Eventually.UntilAsync(async () =>
        {
            answer = await _api.GetAsync(path, _agent);
            return Array.IndexOf(Retryable, answer.Status) < 0;
        }, Patience, $"GET {path} kept answering {answer?.Status}");
        return answer!;
    }

    /// <summary>Every complaint driven ends linked to exactly one work order, which the Work orders service serves.</summary>
    public async Task AssertEachHasExactlyOneWorkOrderAsync()
    {
        foreach (var id in Complaints)
        {
            string? workOrder = null;
            await Eventually.UntilAsync(async () =>
            {
                var complaint = await _api.GetAsync($"/api/v1/complaints/{id}", _agent);
                if (complaint.Status != 200) return false;
                var links = complaint.Body!["workOrderIds"]!.AsArray();
                Assert.True(links.Count <= 1, $"complaint {id} has {links.Count} work orders");
                workOrder = links.Count == 1 ? links[0]!.GetValue<string>() : null;
                return workOrder is not null;
            }, Patience, $"complaint {id} should be linked to its work order\n{platform.Logs()}");
            var order = await ReadAsync($"/api/v1/work-orders/{workOrder}");
            Assert.Equal(200, order.Status);
            Assert.Equal(id, order.Field("complaintId"));
        }
    }

    /// <summary>While the store or an instance is away, commands are refused with 502/503/504 problem+json, never a 500.</summary>
    public void AssertNoServerErrors()
    {
        Assert.False(Statuses.ContainsKey(500), $"{Statuses.GetValueOrDefault(500)} commands answered 500: {string.Join("\n", Refusals.Where(r => r.Status == 500).Take(3))}");
        foreach (var refusal in Refusals.Where(r => r.Status == 503 && r.Body is not null))
            Assert.Equal("application/problem+json", refusal.ContentType);
    }

    private async Task<Answer> CommandAsync(string path, string key, object body)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            Answer answer;
            try
            {
                answer = await _api.PostAsync(path, _agent, body, idempotencyKey: key);
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                continue;
            }
            Statuses.AddOrUpdate(answer.Status, 1, (_, n) => n + 1);
            if (answer.Status is >= 200 and < 300) return answer;
            Refusals.Add(answer);
            if (!Retryable.Contains(answer.Status) || DateTime.UtcNow > deadline)
                Assert.Fail($"{path} answered {answer}\n{platform.Logs()}");
            // A client backing off before it retries, as Retry-After asks: not a test waiting for something to happen.
            await Task.Delay(answer.Status == 429 ? TimeSpan.FromSeconds(1) : TimeSpan.FromMilliseconds(100));
        }
    }
}

/// <summary>
/// A queue of the test's own bound to every integration-event exchange before any flow runs: each publish puts one
/// copy in it, so its messages count the publishes, and their distinct message ids count the events published.
/// </summary>
public sealed class PublishCounter : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly string _queue = $"e2e-publish-counter-{Guid.NewGuid():N}";

    private PublishCounter(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public static async Task<PublishCounter> StartAsync(Uri broker)
    {
        var connection = await new ConnectionFactory { Uri = broker }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var counter = new PublishCounter(connection, channel);
        await channel.QueueDeclareAsync(counter._queue, durable: true, exclusive: false, autoDelete: false);
        foreach (var exchange in ContractExchanges())
        {
            // As MassTransit declares the exchange of a published type; declaring first misses no publish.
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
            await channel.QueueBindAsync(counter._queue, exchange, "");
        }
        return counter;
    }

    public static IEnumerable<string> ContractExchanges() =>
        typeof(Platform.Contracts.Complaints.ComplaintTransferredV1).Assembly.GetTypes()
            .Select(t => t.GetCustomAttribute<EntityNameAttribute>()?.EntityName)
            .OfType<string>();

    /// <summary>(publishes, distinct message ids) of everything published so far; drains the queue.</summary>
    public async Task<(int Publishes, int Events)> DrainAsync()
    {
        var ids = new HashSet<string>();
        var publishes = 0;
        while (await _channel.BasicGetAsync(_queue, autoAck: true) is { } message)
        {
            publishes++;
            using var envelope = JsonDocument.Parse(message.Body);
            ids.Add(envelope.RootElement.GetProperty("messageId").GetString()!);
        }
        return (publishes, ids.Count);
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.QueueDeleteAsync(_queue);
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
