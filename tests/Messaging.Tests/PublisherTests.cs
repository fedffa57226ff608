using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.EventStore.Sqlite;
using Platform.BuildingBlocks.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.BuildingBlocks.Messaging;
using Platform.BuildingBlocks.Operations;
using Platform.BuildingBlocks.ReadModels;
using Platform.TestSupport;
using Xunit;

namespace Platform.Messaging.Tests;

public sealed class PublisherTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Publishes_each_mapped_event_once_with_the_event_id_as_message_id()
    {
        await using var scope = await VirtualHostScope.CreateAsync();
        await using var receiver = await TestService.StartAsync("receiver", scope.Uri, scope.Folder, bus =>
        {
            bus.AddConsumer<ParcelRegisteredConsumer>();
            bus.AddConsumer<ParcelPartCreatedConsumer>();
        });
        await receiver.WaitUntilReadyAsync();
        await using var sender = await TestService.StartAsync("sender", scope.Uri, scope.Folder, publisher: true);

        var parcel = Guid.NewGuid();
        var stream = StreamName.For("sender", "parcel", parcel.ToString("N"));
        var registered = await sender.AppendAsync(stream, new ParcelRegistered(parcel, 1));
        await sender.AppendAsync(stream, new ParcelWeighed(parcel, 1200));
        var split = await sender.AppendAsync(stream, new ParcelSplit(parcel, 3));
        var other = Guid.NewGuid();
        var registeredOther = await sender.AppendAsync(StreamName.For("sender", "parcel", other.ToString("N")), new ParcelRegistered(other, 2));
        // Another service's stream in the same store is not this publisher's to publish.
        var foreign = await sender.AppendAsync(StreamName.For("elsewhere", "parcel", other.ToString("N")), new ParcelRegistered(other, 3));

        var deliveries = receiver.Services.GetRequiredService<Deliveries>();
        await Eventually.UntilAsync(() => deliveries.All.Count >= 5, Timeout, "five messages are delivered");
        await Eventually.UntilAsync(() => sender.OutboxCheckpoint() >= registeredOther.Position, Timeout,
            "the outbox checkpoint passes the last published event");

        Guid[] expected =
        [
            registered.EventId,
            split.EventId,
            DeterministicId.Create(split.EventId, "1"),
            DeterministicId.Create(split.EventId, "2"),
            registeredOther.EventId,
        ];
        Assert.Equal(expected.Order(), deliveries.All.Select(d => d.MessageId).Order());
        Assert.Equal([1, 2, 3], deliveries.All.Select(d => d.Message).OfType<ParcelPartCreatedV1>().Select(m => m.Part).Order());
        Assert.DoesNotContain(deliveries.All, d => d.MessageId == foreign.EventId);
    }

    [Fact]
    public async Task A_restarted_publisher_loses_nothing_and_the_consumer_ignores_the_republished_tail()
    {
        await using var scope = await VirtualHostScope.CreateAsync();
        await using var receiver = await TestService.StartAsync("receiver", scope.Uri, scope.Folder,
            bus => bus.AddConsumer<ParcelRegisteredConsumer>());
        await receiver.WaitUntilReadyAsync();
        var deliveries = receiver.Services.GetRequiredService<Deliveries>();

        var parcels = Enumerable.Range(0, 8).Select(_ => Guid.NewGuid()).ToArray();
        var firstRun = new List<RecordedEvent>();
        await using (var sender = await TestService.StartAsync("sender", scope.Uri, scope.Folder, publisher: true))
        {
            for (var i = 0; i < 5; i++)
                firstRun.Add(await sender.AppendAsync(StreamName.For("sender", "parcel", parcels[i].ToString("N")), new ParcelRegistered(parcels[i], i)));
            await Eventually.UntilAsync(() => sender.OutboxCheckpoint() >= firstRun[^1].Position, Timeout, "the first five are confirmed");
            await Eventually.UntilAsync(() => deliveries.All.Count == 5, Timeout, "the first five are consumed");
        }

        // As if the lead had died after publishing the last three but before its lease recorded them: a dead
        // replica's expired lease, with the checkpoint it had written, is the last word in the lease stream.
        {
            var store = new SqliteEventStore(new SqliteEventStoreOptions { Path = scope.Folder.File("sender-events.db") });
            var lease = $$"""{"holder":"dead-replica","until":"{{DateTimeOffset.UtcNow.AddSeconds(-1):O}}","outboxCheckpoint":"{{firstRun[1].Position}}"}""";
            await store.AppendAsync("leases.sender", ExpectedRevision.Any,
                [new EventData(Guid.NewGuid(), LeadReplicaLease.EventType, System.Text.Encoding.UTF8.GetBytes(lease), "{}"u8.ToArray())]);
        }

        await using (var sender = await TestService.StartAsync("sender", scope.Uri, scope.Folder, publisher: true))
        {
            RecordedEvent last = firstRun[^1];
            for (var i = 5; i < 8; i++)
                last = await sender.AppendAsync(StreamName.For("sender", "parcel", parcels[i].ToString("N")), new ParcelRegistered(parcels[i], i));
            await Eventually.UntilAsync(() => deliveries.All.Count >= 11, Timeout, "the republished tail and the three new events arrive");
            await Eventually.UntilAsync(() => sender.OutboxCheckpoint() >= last.Position, Timeout, "everything is confirmed");
        }

        Assert.Equal(11, deliveries.All.Count);
        Assert.Equal(8, deliveries.All.Count(d => d.Appended));
        Assert.Equal(
            firstRun.Skip(2).Select(e => e.EventId).Order(),
            deliveries.All.Where(d => !d.Appended).Select(d => d.MessageId).Order());
        foreach (var parcel in parcels)
            Assert.Equal(1, await receiver.CountAsync(DeliveryLog.Stream(parcel)));
    }

    [Fact]
    public async Task A_poison_event_and_an_unknown_type_are_parked_the_rest_is_published_and_a_redrive_after_the_fix_publishes_it()
    {
        await using var scope = await VirtualHostScope.CreateAsync();
        await using var receiver = await TestService.StartAsync("receiver", scope.Uri, scope.Folder,
            bus => bus.AddConsumer<ParcelRegisteredConsumer>());
        await receiver.WaitUntilReadyAsync();
        var deliveries = receiver.Services.GetRequiredService<Deliveries>();
        await using var sender = await TestService.StartAsync("sender", scope.Uri, scope.Folder, publisher: true);
        var parcels = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToArray();

        await sender.AppendAsync(StreamName.For("sender", "parcel", parcels[0].ToString("N")), new ParcelRegistered(parcels[0], 1));
        var poison = await sender.AppendAsync(StreamName.For("sender", "parcel", parcels[1].ToString("N")), new ParcelRegistered(parcels[1], -1));
        await sender.Store.AppendAsync(StreamName.For("sender", "parcel", Guid.NewGuid().ToString("N")), ExpectedRevision.NoStream,
            [new EventData(Guid.NewGuid(), "ParcelTeleported.v9", "{}"u8.ToArray(), "{}"u8.ToArray())]);
        var last = await sender.AppendAsync(StreamName.For("sender", "parcel", parcels[2].ToString("N")), new ParcelRegistered(parcels[2], 3));

        await Eventually.UntilAsync(() => sender.OutboxCheckpoint() >= last.Position, Timeout, "the outbox goes past the poison");
        await Eventually.UntilAsync(() => deliveries.All.Count == 2, Timeout, "the good events are delivered");
        var parked = await sender.Services.GetRequiredService<ParkedOutboxEvents>().ListAsync(CancellationToken.None);
        Assert.Equal([poison.EventId, parked[1].EventId], parked.Select(p => p.EventId));
        Assert.Equal("ParcelTeleported.v9", parked[1].EventType);
        var health = await sender.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Name == ParkedHealthCheck.Name);
        Assert.Equal(HealthStatus.Degraded, health.Status);

        sender.Services.GetRequiredService<PoisonSwitch>().Cured = true;
        var (redriven, stillFailing) = await sender.Services.GetRequiredService<IntegrationEventPublisher>().RedriveParkedAsync(CancellationToken.None);

        Assert.Equal((1, 1), (redriven, stillFailing));
        await Eventually.UntilAsync(() => deliveries.All.Any(d => d.MessageId == poison.EventId), Timeout, "the re-driven event is delivered under its own id");
        Assert.Single(await sender.Services.GetRequiredService<ParkedOutboxEvents>().ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_consumer_continues_the_trace_stored_in_the_event_metadata()
    {
        TracingListener.EnsureStarted();
        await using var scope = await VirtualHostScope.CreateAsync();
        await using var receiver = await TestService.StartAsync("receiver", scope.Uri, scope.Folder,
            bus => bus.AddConsumer<ParcelRegisteredConsumer>());
        await receiver.WaitUntilReadyAsync();
        await using var sender = await TestService.StartAsync("sender", scope.Uri, scope.Folder, publisher: true);

        var parcel = Guid.NewGuid();
        string traceId;
        RecordedEvent recorded;
        using (var request = new System.Diagnostics.Activity("incoming request").Start())
        {
            traceId = request.TraceId.ToString();
            recorded = await sender.AppendAsync(StreamName.For("sender", "parcel", parcel.ToString("N")), new ParcelRegistered(parcel, 1));
        }
        Assert.Contains(traceId, EventMetadata.FromBytes(recorded.Metadata)!.TraceParent);

        var deliveries = receiver.Services.GetRequiredService<Deliveries>();
        await Eventually.UntilAsync(() => deliveries.All.Any(d => d.MessageId == recorded.EventId), Timeout, "the event is delivered");
        Assert.Equal(traceId, deliveries.All.Single(d => d.MessageId == recorded.EventId).TraceId);

        // What the consumer stored ties back to the message and to the conversation it came from.
        var noted = await receiver.Store.ReadStreamAsync(DeliveryLog.Stream(parcel)).SingleAsync();
        var metadata = EventMetadata.FromBytes(noted.Metadata)!;
        var source = EventMetadata.FromBytes(recorded.Metadata)!;
        Assert.Equal(source.CorrelationId, metadata.CorrelationId);
        Assert.Equal(recorded.EventId.ToString(), metadata.CausationId);
        Assert.Equal($"message:{recorded.EventId}", metadata.IdempotencyKey);
        Assert.Equal(Actor.System.Id, metadata.ActorId);
        Assert.Contains(traceId, metadata.TraceParent);
    }
}
