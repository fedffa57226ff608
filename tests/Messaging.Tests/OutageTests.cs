using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.EventStore;
using Platform.TestSupport;
using Xunit;

namespace Platform.Messaging.Tests;

// Each in its own class, so the two private brokers start in parallel.

public sealed class ReadinessOutageTests
{
    [Fact]
    public async Task The_broker_check_is_degraded_while_the_broker_is_down_and_healthy_once_it_is_back()
    {
        await using var broker = await RabbitMqBroker.StartPrivateAsync();
        using var folder = new TempDirectory("messaging-test");
        await using var consuming = await TestService.StartAsync("receiver", broker.AmqpUri, folder,
            bus => bus.AddConsumer<ParcelRegisteredConsumer>());
        // A service that only publishes has no receive endpoint of its own to lose.
        await using var publishing = await TestService.StartAsync("sender", broker.AmqpUri, folder, publisher: true);
        await consuming.WaitUntilReadyAsync();
        await publishing.WaitUntilReadyAsync();

        await broker.StopAsync();
        foreach (var service in new[] { consuming, publishing })
            await Eventually.UntilAsync(async () => await service.BrokerHealthAsync() == HealthStatus.Degraded,
                TimeSpan.FromSeconds(60), $"{service.Name}'s broker check reports the outage as Degraded");

        await broker.StartAsync();
        foreach (var service in new[] { consuming, publishing })
            await Eventually.UntilAsync(async () => await service.BrokerHealthAsync() == HealthStatus.Healthy,
                TimeSpan.FromSeconds(90), $"{service.Name}'s broker check recovers once the broker is back");
    }
}

public sealed class PublishingOutageTests
{
    [Fact]
    public async Task Every_event_is_delivered_when_the_broker_stops_in_the_middle_of_publishing_and_comes_back()
    {
        await using var broker = await RabbitMqBroker.StartPrivateAsync();
        using var folder = new TempDirectory("messaging-test");
        await using var receiver = await TestService.StartAsync("receiver", broker.AmqpUri, folder,
            bus => bus.AddConsumer<ParcelRegisteredConsumer>());
        await receiver.WaitUntilReadyAsync();
        await using var sender = await TestService.StartAsync("sender", broker.AmqpUri, folder, publisher: true);

        var parcels = new List<Guid>();
        async Task<RecordedEvent> AppendAsync()
        {
            var parcel = Guid.NewGuid();
            parcels.Add(parcel);
            return await sender.AppendAsync(StreamName.For("sender", "parcel", parcel.ToString("N")), new ParcelRegistered(parcel, parcels.Count));
        }

        for (var i = 0; i < 20; i++) await AppendAsync();
        // Stopped while the outbox is still working through those twenty.
        await broker.StopAsync();
        for (var i = 0; i < 5; i++) await AppendAsync();
        await broker.StartAsync();
        RecordedEvent last = default!;
        for (var i = 0; i < 5; i++) last = await AppendAsync();

        await Eventually.UntilAsync(() => sender.OutboxCheckpoint() >= last.Position, TimeSpan.FromSeconds(120),
            "the outbox catches up after the outage");
        await Eventually.UntilAsync(async () =>
        {
            foreach (var parcel in parcels)
                if (await receiver.CountAsync(DeliveryLog.Stream(parcel)) == 0) return false;
            return true;
        }, TimeSpan.FromSeconds(120), "every one of the 30 events reached the receiver");

        // Exactly once in effect: each parcel's log holds one entry. A message may be delivered again when the broker
        // went away before its ack; the repeat finds its idempotency key in the stream and appends nothing.
        foreach (var parcel in parcels)
            Assert.Equal(1, await receiver.CountAsync(DeliveryLog.Stream(parcel)));
        var deliveries = receiver.Services.GetRequiredService<Deliveries>();
        Assert.Equal(30, deliveries.All.Select(d => d.MessageId).Distinct().Count());
    }
}
