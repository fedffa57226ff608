using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;

namespace Platform.TestSupport;

/// <summary>
/// The EventStoreDB node that tests share, each in a store namespace of its own: the one EVENTSTORE_CONNECTION names;
/// otherwise, where Docker runs, an <c>eventstore/eventstore</c> container; otherwise a node started from the
/// binaries in <c>../shared/eventstoredb</c>. The last two are started once per test process and stopped at its exit.
/// Only when none of the three exists is there no node, and <see cref="SkipReason"/> says why.
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
        if (TestcontainersSettings.OS.DockerEndpointAuthConfig is not null)
            return (StartContainer(), null);
        if (EventStoreDbNode.StartScript is not null)
        {
            var node = EventStoreDbNode.StartAsync(inMemory: true).GetAwaiter().GetResult();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => node.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return (node.Connection, null);
        }
        return (null, "No EventStoreDB: EVENTSTORE_CONNECTION is not set (e.g. esdb://127.0.0.1:2113?tls=false), no Docker engine "
                      + "is available to start one, and ../shared/eventstoredb is not beside this checkout.");
    }

    private static string StartContainer()
    {
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
        return $"esdb://{container.Hostname}:{container.GetMappedPublicPort(Port)}?tls=false";
    }
}
