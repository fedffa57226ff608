using System.Net.Http.Headers;
using System.Text;
using DotNet.Testcontainers.Configurations;
using Testcontainers.RabbitMq;

namespace Platform.TestSupport;

/// <summary>
/// A real RabbitMQ broker for tests: an external one (<c>RABBITMQ_URL</c>), a Testcontainers container,
/// or a private <c>rabbitmq-server</c> process. Tests isolate themselves with <see cref="CreateVirtualHostAsync"/>.
/// </summary>
public sealed class RabbitMqBroker : IAsyncDisposable
{
    private static readonly Lazy<Task<RabbitMqBroker>> Shared = new(CreateSharedAsync);

    private readonly PrivateRabbitMqNode? _node;
    private readonly RabbitMqContainer? _container;
    private readonly bool _ownedByCaller;
    private int _disposed;

    private RabbitMqBroker(Uri amqpUri, Uri managementUri, PrivateRabbitMqNode? node, RabbitMqContainer? container, bool ownedByCaller)
    {
        AmqpUri = amqpUri;
        ManagementUri = managementUri;
        _node = node;
        _container = container;
        _ownedByCaller = ownedByCaller;
    }

    /// <summary>The broker's default virtual host, with credentials: <c>amqp://user:pass@host:port/</c>.</summary>
    public Uri AmqpUri { get; }

    /// <summary>Base address of the management HTTP API (same credentials as <see cref="AmqpUri"/>).</summary>
    public Uri ManagementUri { get; }

    /// <summary>Only a private broker can be stopped and started by a test.</summary>
    public bool IsPrivate => _node is not null;

    /// <summary>Starts a broker of this test's own (free ports, own data folder) that it may stop and restart.</summary>
    public static async Task<RabbitMqBroker> StartPrivateAsync(CancellationToken ct = default)
    {
        var node = PrivateRabbitMqNode.Create();
        try
        {
            await node.StartAsync(ct);
        }
        catch
        {
            node.Release();
            throw;
        }
        return FromNode(node, ownedByCaller: true);
    }

    /// <summary>
    /// One broker for the whole test process: <c>RABBITMQ_URL</c> (and <c>RABBITMQ_MANAGEMENT_URL</c>) when set,
    /// else a Testcontainers container when Docker is available, else a private broker killed at process exit.
    /// Disposing the returned instance does nothing; give each test its own virtual host.
    /// </summary>
    public static Task<RabbitMqBroker> SharedAsync() => Shared.Value;

    /// <summary>Stops the broker process, keeping its data, so a test can see clients cope with an outage.</summary>
    public Task StopAsync(CancellationToken ct = default) => RequireNode().StopAsync(ct);

    /// <summary>Starts the stopped broker again on the same ports with the same data.</summary>
    public Task StartAsync(CancellationToken ct = default) => RequireNode().StartAsync(ct);

    /// <summary>Creates a fresh virtual host that the broker's user may use fully, and returns its AMQP URI.</summary>
    public async Task<Uri> CreateVirtualHostAsync(CancellationToken ct = default)
    {
        var name = $"test-{Guid.NewGuid():N}";
        var (user, _) = Credentials();
        using var http = ManagementClient();
        await SendAsync(http, HttpMethod.Put, $"api/vhosts/{Uri.EscapeDataString(name)}", "{}", ct);
        await SendAsync(http, HttpMethod.Put, $"api/permissions/{Uri.EscapeDataString(name)}/{Uri.EscapeDataString(user)}",
            """{"configure":".*","write":".*","read":".*"}""", ct);
        return new UriBuilder(AmqpUri) { Path = "/" + Uri.EscapeDataString(name) }.Uri;
    }

    /// <summary>Deletes a virtual host made by <see cref="CreateVirtualHostAsync"/>, with its queues and exchanges.</summary>
    public async Task DeleteVirtualHostAsync(Uri virtualHostUri, CancellationToken ct = default)
    {
        var name = Uri.UnescapeDataString(virtualHostUri.AbsolutePath.TrimStart('/'));
        if (name.Length == 0) throw new ArgumentException("That is the default virtual host.", nameof(virtualHostUri));
        using var http = ManagementClient();
        using var response = await http.DeleteAsync($"api/vhosts/{Uri.EscapeDataString(name)}", ct);
        if (!response.IsSuccessStatusCode && response.StatusCode != System.Net.HttpStatusCode.NotFound)
            throw new InvalidOperationException($"Deleting vhost {name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
    }

    /// <summary>Stops and deletes a private broker or container. The shared broker outlives its callers.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_ownedByCaller || Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await ReleaseAsync();
    }

    private async Task ReleaseAsync()
    {
        if (_node is not null)
        {
            await Task.Run(_node.Release);
        }
        if (_container is not null) await _container.DisposeAsync();
    }

    private PrivateRabbitMqNode RequireNode() =>
        _node ?? throw new InvalidOperationException("Only a broker from StartPrivateAsync can be stopped and started.");

    private static RabbitMqBroker FromNode(PrivateRabbitMqNode node, bool ownedByCaller) => new(
        new Uri($"amqp://guest:guest@127.0.0.1:{node.AmqpPort}/"),
        new Uri($"http://127.0.0.1:{node.ManagementPort}/"),
        node, container: null, ownedByCaller);

    private static async Task<RabbitMqBroker> CreateSharedAsync()
    {
        if (Environment.GetEnvironmentVariable("RABBITMQ_URL") is { Length: > 0 } url)
        {
            var amqp = new Uri(url);
            var management = Environment.GetEnvironmentVariable("RABBITMQ_MANAGEMENT_URL") is { Length: > 0 } managementUrl
                ? new Uri(managementUrl)
                : new Uri($"http://{amqp.Host}:15672/");
            return new RabbitMqBroker(amqp, management, node: null, container: null, ownedByCaller: false);
        }

        if (TestcontainersSettings.OS.DockerEndpointAuthConfig is not null)
        {
            const int managementPort = 15672;
            var container = new RabbitMqBuilder("rabbitmq:3.13-management")
                .WithPortBinding(managementPort, assignRandomHostPort: true)
                .Build();
            await container.StartAsync();
            // Testcontainers' resource reaper removes the container if this is cut short.
            AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return new RabbitMqBroker(
                new Uri(container.GetConnectionString()),
                new Uri($"http://{container.Hostname}:{container.GetMappedPublicPort(managementPort)}/"),
                node: null, container, ownedByCaller: false);
        }

        // Its watchdog kills it when this process ends, however it ends.
        var node = PrivateRabbitMqNode.Create();
        try
        {
            await node.StartAsync(CancellationToken.None);
        }
        catch
        {
            node.Release();
            throw;
        }
        return FromNode(node, ownedByCaller: false);
    }

    private (string User, string Password) Credentials()
    {
        var parts = AmqpUri.UserInfo.Split(':', 2);
        return parts.Length == 2 && parts[0].Length > 0
            ? (Uri.UnescapeDataString(parts[0]), Uri.UnescapeDataString(parts[1]))
            : ("guest", "guest");
    }

    private HttpClient ManagementClient()
    {
        var (user, password) = Credentials();
        var http = new HttpClient { BaseAddress = ManagementUri, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return http;
    }

    private static async Task SendAsync(HttpClient http, HttpMethod method, string path, string json, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException(
                $"{method} {path} on the management API: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
    }
}
