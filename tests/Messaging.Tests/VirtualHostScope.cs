using Platform.TestSupport;

namespace Platform.Messaging.Tests;

/// <summary>A test's own virtual host on the shared broker, and its own folder for SQLite files.</summary>
public sealed class VirtualHostScope : IAsyncDisposable
{
    private VirtualHostScope(RabbitMqBroker broker, Uri uri)
    {
        Broker = broker;
        Uri = uri;
    }

    public RabbitMqBroker Broker { get; }
    public Uri Uri { get; }
    public TempDirectory Folder { get; } = new("messaging-test");

    public static async Task<VirtualHostScope> CreateAsync()
    {
        var broker = await RabbitMqBroker.SharedAsync();
        return new VirtualHostScope(broker, await broker.CreateVirtualHostAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await Broker.DeleteVirtualHostAsync(Uri);
        Folder.Dispose();
    }
}
