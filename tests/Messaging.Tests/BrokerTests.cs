using System.Text;
using Platform.TestSupport;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Xunit;

namespace Platform.Messaging.Tests;

public sealed class BrokerTests
{
    [Fact]
    public async Task Two_virtual_hosts_do_not_share_queues()
    {
        var broker = await RabbitMqBroker.SharedAsync();
        var first = await broker.CreateVirtualHostAsync();
        var second = await broker.CreateVirtualHostAsync();
        try
        {
            await using (var connection = await Connect(first))
            await using (var channel = await connection.CreateChannelAsync())
            {
                await channel.QueueDeclareAsync("orders", durable: true, exclusive: false, autoDelete: false);
                await channel.BasicPublishAsync("", "orders", Encoding.UTF8.GetBytes("in the first"));
            }

            await using (var connection = await Connect(second))
            {
                await using (var channel = await connection.CreateChannelAsync())
                {
                    await Assert.ThrowsAsync<OperationInterruptedException>(() => channel.QueueDeclarePassiveAsync("orders"));
                }
                await using (var channel = await connection.CreateChannelAsync())
                {
                    var declared = await channel.QueueDeclareAsync("orders", durable: true, exclusive: false, autoDelete: false);
                    Assert.Equal(0u, declared.MessageCount);
                }
            }
        }
        finally
        {
            await broker.DeleteVirtualHostAsync(first);
            await broker.DeleteVirtualHostAsync(second);
        }
    }

    [Fact]
    public async Task A_private_broker_keeps_its_data_across_stop_and_start_on_the_same_port()
    {
        await using var broker = await RabbitMqBroker.StartPrivateAsync();
        var virtualHost = await broker.CreateVirtualHostAsync();
        await using (var connection = await Connect(virtualHost))
        await using (var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true)))
        {
            await channel.QueueDeclareAsync("kept", durable: true, exclusive: false, autoDelete: false);
            await channel.BasicPublishAsync("", "kept", mandatory: true,
                new BasicProperties { Persistent = true }, Encoding.UTF8.GetBytes("still here"));
        }

        await broker.StopAsync();
        await Assert.ThrowsAsync<BrokerUnreachableException>(() => Connect(virtualHost));

        await broker.StartAsync();
        await using (var connection = await Connect(virtualHost))
        await using (var channel = await connection.CreateChannelAsync())
        {
            var got = await channel.BasicGetAsync("kept", autoAck: true);
            Assert.NotNull(got);
            Assert.Equal("still here", Encoding.UTF8.GetString(got.Body.Span));
        }
    }

    private static Task<IConnection> Connect(Uri uri) => new ConnectionFactory { Uri = uri }.CreateConnectionAsync();
}
