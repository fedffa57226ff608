using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;

namespace Platform.TestSupport;

/// <summary>
/// The EventStoreDB node tests run against: the one EVENTSTORE_CONNECTION names; otherwise, where Docker is
/// available, an <c>eventstore/eventstore</c> container started once per test process; otherwise none, and
/// <see cref="SkipReason"/> says why.
/// </summary>
public static class EventStoreDbServer
{
    public const string Image = "eventstore/eventstore:24.10";
    private const ushort Port = 2113;

    private static readonly Lazy<(string? Connection, string? SkipReason)> Server = new(Locate);

    public static string? Connection => Server.Value.Connection;

    public static string? SkipReason => Server.Value.SkipReason;

    private static (string?, string?) Locate()
    {
        if (Environment.GetEnvironmentVariable("EVENTSTORE_CONNECTION") is { Length: > 0 } configured)
            return (configured, null);
        if (TestcontainersSettings.OS.DockerEndpointAuthConfig is null)
            return (null, "No EventStoreDB: EVENTSTORE_CONNECTION is not set (e.g. esdb://127.0.0.1:2113?tls=false) and no Docker engine is available to start one.");

        var container = new ContainerBuilder(Image)
            .WithPortBinding(Port, assignRandomHostPort: true)
            .WithEnvironment("EVENTSTORE_INSECURE", "true")
            .WithEnvironment("EVENTSTORE_MEM_DB", "true")
            .WithEnvironment("EVENTSTORE_RUN_PROJECTIONS", "None")
            // /health/live answers before the node can write; /info says when it has become leader.
            .WithWaitStrategy(Wait.ForUnixContainer().UntilHttpRequestIsSucceeded(request => request
                .ForPort(Port).ForPath("/info")
                .ForResponseMessageMatching(async response => (await response.Content.ReadAsStringAsync()).Contains("\"leader\"", StringComparison.OrdinalIgnoreCase))))
            .Build();
        container.StartAsync().GetAwaiter().GetResult();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return ($"esdb://{container.Hostname}:{container.GetMappedPublicPort(Port)}?tls=false", null);
    }
}
