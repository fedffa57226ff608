using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.BuildingBlocks.Messaging;
using Platform.TestSupport;
using Xunit;

namespace Platform.Messaging.Tests;

public sealed class ConsumerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Receive_endpoints_are_named_after_the_service_and_the_consumer()
    {
        await using var scope = await VirtualHostScope.CreateAsync();
        await using var receiver = await TestService.StartAsync("receiver", scope.Uri, scope.Folder,
            bus => bus.AddConsumer<ParcelRegisteredConsumer>());
        await receiver.WaitUntilReadyAsync();

        // Re-driving checks that the queue exists; with nothing faulted yet there is nothing to move.
        var deadLetters = receiver.Services.GetRequiredService<DeadLetters>();
        Assert.Equal(0, await deadLetters.RedriveAsync("receiver.parcel-registered"));
        Assert.Empty(await deadLetters.PeekAsync("receiver.parcel-registered", 10));
        await Assert.ThrowsAsync<InvalidOperationException>(() => deadLetters.RedriveAsync("parcel-registered"));

        // The exchange is the contract's [EntityName], not a CLR type name.
        await using var connection = await new RabbitMQ.Client.ConnectionFactory { Uri = scope.Uri }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeclarePassiveAsync("tests.parcel-registered.v1");
    }

    [Fact]
    public async Task A_poison_message_is_parked_in_the_error_queue_after_bounded_retries_and_a_redrive_hands_it_to_the_fixed_consumer()
    {
        const string queue = "receiver.flaky-parcel";
        await using var scope = await VirtualHostScope.CreateAsync();
        await using var receiver = await TestService.StartAsync("receiver", scope.Uri, scope.Folder,
            bus => bus.AddConsumer<FlakyParcelConsumer>());
        await receiver.WaitUntilReadyAsync();
        var flaky = receiver.Services.GetRequiredService<FlakySwitch>();
        var deliveries = receiver.Services.GetRequiredService<Deliveries>();
        var deadLetters = receiver.Services.GetRequiredService<DeadLetters>();

        var messageId = NewId.NextGuid();
        await receiver.Services.GetRequiredService<IBus>().Publish(
            new ParcelRegisteredV1(Guid.NewGuid(), 7), context => context.MessageId = messageId);

        IReadOnlyList<DeadLetter> letters = [];
        await Eventually.UntilAsync(async () => (letters = await deadLetters.PeekAsync(queue, 10)).Count == 1, Timeout,
            "the message is moved to the error queue once its retries are used up");
        var letter = letters[0];
        Assert.Equal(messageId.ToString(), letter.MessageId);
        Assert.Contains(nameof(ParcelRegisteredV1), letter.MessageType);
        Assert.Contains("Parcel 7 cannot be handled yet", letter.FaultReason);
        // One attempt and the configured two retries: parked, not redelivered for ever.
        Assert.Equal(3, flaky.Attempts);
        Assert.Empty(deliveries.All);
        // Peeking leaves it where it is.
        Assert.Single(await deadLetters.PeekAsync(queue, 10));

        flaky.Broken = false;
        Assert.Equal(1, await deadLetters.RedriveAsync(queue));

        await Eventually.UntilAsync(() => deliveries.All.Any(d => d.MessageId == messageId), Timeout,
            "the re-driven message is handled by the fixed consumer");
        Assert.Empty(await deadLetters.PeekAsync(queue, 10));
        Assert.Equal(4, flaky.Attempts);
    }

    [Fact]
    public async Task A_command_the_decider_refused_goes_to_the_error_queue_at_once_without_retries()
    {
        const string queue = "receiver.refusing-parcel";
        await using var scope = await VirtualHostScope.CreateAsync();
        await using var receiver = await TestService.StartAsync("receiver", scope.Uri, scope.Folder,
            bus => bus.AddConsumer<RefusingParcelConsumer>());
        await receiver.WaitUntilReadyAsync();
        var attempts = receiver.Services.GetRequiredService<FlakySwitch>();
        var deadLetters = receiver.Services.GetRequiredService<DeadLetters>();

        await receiver.Services.GetRequiredService<IBus>().Publish(new ParcelRegisteredV1(Guid.NewGuid(), 9));

        await Eventually.UntilAsync(async () => (await deadLetters.PeekAsync(queue, 10)).Count == 1, Timeout,
            "the refused message is parked");
        Assert.Equal(1, attempts.Attempts);
        Assert.Contains("Parcel 9 was refused", (await deadLetters.PeekAsync(queue, 10))[0].FaultReason);
    }

    [Fact]
    public async Task The_consumer_appends_once_for_a_message_delivered_twice()
    {
        await using var scope = await VirtualHostScope.CreateAsync();
        await using var receiver = await TestService.StartAsync("receiver", scope.Uri, scope.Folder,
            bus => bus.AddConsumer<ParcelRegisteredConsumer>());
        await receiver.WaitUntilReadyAsync();
        var deliveries = receiver.Services.GetRequiredService<Deliveries>();
        var bus = receiver.Services.GetRequiredService<IBus>();

        var parcel = Guid.NewGuid();
        var messageId = NewId.NextGuid();
        for (var copy = 0; copy < 2; copy++)
            await bus.Publish(new ParcelRegisteredV1(parcel, 1), context => context.MessageId = messageId);

        await Eventually.UntilAsync(() => deliveries.All.Count == 2, Timeout, "both copies are consumed");
        Assert.Single(deliveries.All, d => d.Appended);
        Assert.Equal(1, await receiver.CountAsync(DeliveryLog.Stream(parcel)));
    }
}
