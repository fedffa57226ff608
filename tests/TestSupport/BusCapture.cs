using System.Collections.Concurrent;
using MassTransit;

namespace Platform.TestSupport;

public static class BusCapture
{
    /// <summary>Publishes <paramref name="message"/> on <paramref name="virtualHost"/>, as another service would.</summary>
    public static async Task PublishAsync(Uri virtualHost, object message, Guid messageId)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => Connect(rabbit, virtualHost));
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

    internal static void Connect(IRabbitMqBusFactoryConfigurator rabbit, Uri virtualHost) =>
        rabbit.Host(virtualHost.Host, (ushort)virtualHost.Port, Uri.UnescapeDataString(virtualHost.AbsolutePath.TrimStart('/')), host =>
        {
            host.Username("guest");
            host.Password("guest");
        });
}

/// <summary>A queue of its own on a service's virtual host that keeps every <typeparamref name="T"/> published there, as a downstream system would bind one.</summary>
public sealed class BusCapture<T> : IAsyncDisposable where T : class
{
    private readonly IBusControl _bus;

    private BusCapture(IBusControl bus) => _bus = bus;

    public ConcurrentQueue<(Guid? MessageId, T Message)> Received { get; } = new();

    public static async Task<BusCapture<T>> StartAsync(Uri virtualHost)
    {
        BusCapture<T>? capture = null;
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            BusCapture.Connect(rabbit, virtualHost);
            rabbit.ReceiveEndpoint($"test-capture-{Guid.NewGuid():N}", endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Handler<T>(context =>
                {
                    capture!.Received.Enqueue((context.MessageId, context.Message));
                    return Task.CompletedTask;
                });
            });
        });
        capture = new BusCapture<T>(bus);
        await bus.StartAsync();
        return capture;
    }

    public IReadOnlyList<T> Messages => Received.Select(r => r.Message).ToList();

    public async Task<T> OneAsync(Func<T, bool> matching, string what)
    {
        await Eventually.UntilAsync(() => Received.Any(r => matching(r.Message)), TimeSpan.FromSeconds(60), what);
        return Received.First(r => matching(r.Message)).Message;
    }

    public async ValueTask DisposeAsync() => await _bus.StopAsync();
}
