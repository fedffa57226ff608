using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.Messaging;

namespace Platform.Messaging.Tests;

// A tiny "sender" service that stores parcel events and publishes some of them, and a "receiver"
// service that turns the messages into commands on its own store.

[EventType("ParcelRegistered.v1")]
public sealed record ParcelRegistered(Guid ParcelId, int Number);

/// <summary>Stays inside the sender: the mapper publishes nothing for it.</summary>
[EventType("ParcelWeighed.v1")]
public sealed record ParcelWeighed(Guid ParcelId, int Grams);

/// <summary>Becomes one message per part: several messages from one event.</summary>
[EventType("ParcelSplit.v1")]
public sealed record ParcelSplit(Guid ParcelId, int Parts);

[EntityName("tests.parcel-registered.v1"), MessageUrn("tests.parcel-registered.v1")]
public sealed record ParcelRegisteredV1(Guid ParcelId, int Number);

[EntityName("tests.parcel-part-created.v1"), MessageUrn("tests.parcel-part-created.v1")]
public sealed record ParcelPartCreatedV1(Guid ParcelId, int Part);

/// <summary>Whether the mapper still fails on parcels with a negative number: a poison event until the "fix" is deployed.</summary>
public sealed class PoisonSwitch
{
    public volatile bool Cured;
}

public sealed class ParcelMapper(PoisonSwitch poison) : IIntegrationEventMapper
{
    public ValueTask<IReadOnlyList<object>> MapAsync(object domainEvent, RecordedEvent recorded, CancellationToken ct) =>
        ValueTask.FromResult<IReadOnlyList<object>>(domainEvent switch
        {
            ParcelRegistered { Number: < 0 } when !poison.Cured => throw new InvalidOperationException("A parcel number is never negative."),
            ParcelRegistered e => [new ParcelRegisteredV1(e.ParcelId, e.Number)],
            ParcelSplit e => Enumerable.Range(1, e.Parts).Select(part => (object)new ParcelPartCreatedV1(e.ParcelId, part)).ToList(),
            _ => [],
        });
}

[EventType("DeliveryNoted.v1")]
public sealed record DeliveryNoted(Guid ParcelId, int Number);

public sealed record NoteDelivery(Guid ParcelId, int Number);

/// <summary>Accepts every command, so only the idempotency key keeps a repeated message from appending twice.</summary>
public sealed class DeliveryLog : Decider<int, NoteDelivery>
{
    public override int Initial => 0;
    public override int Evolve(int state, object @event) => @event is DeliveryNoted ? state + 1 : state;
    public override Decision Decide(NoteDelivery command, int state, DateTimeOffset now) =>
        Decision.Accept(new DeliveryNoted(command.ParcelId, command.Number));

    public static string Stream(Guid parcelId) => StreamName.For("receiver", "delivery", parcelId.ToString("N"));
}

public sealed record Delivery(Guid MessageId, object Message, string? TraceId, bool Appended);

/// <summary>What the receiver's consumers saw, in order.</summary>
public sealed class Deliveries
{
    private readonly ConcurrentQueue<Delivery> _all = new();

    public IReadOnlyList<Delivery> All => [.. _all];

    public void Add(Delivery delivery) => _all.Enqueue(delivery);
}

/// <summary>The idempotent consumer: the message becomes a command with the message id as idempotency key.</summary>
public sealed class ParcelRegisteredConsumer(CommandHandler<int, NoteDelivery> handler, Deliveries deliveries) : IConsumer<ParcelRegisteredV1>
{
    public async Task Consume(ConsumeContext<ParcelRegisteredV1> context)
    {
        var message = context.Message;
        var outcome = await handler.HandleAsync(
            DeliveryLog.Stream(message.ParcelId), new NoteDelivery(message.ParcelId, message.Number),
            CommandEnvelope.FromMessage(context), context.CancellationToken);
        deliveries.Add(new Delivery(context.MessageId!.Value, message, Activity.Current?.TraceId.ToString(),
            outcome is CommandOutcome<int>.Done { Appended: true }));
    }
}

public sealed class ParcelPartCreatedConsumer(Deliveries deliveries) : IConsumer<ParcelPartCreatedV1>
{
    public Task Consume(ConsumeContext<ParcelPartCreatedV1> context)
    {
        deliveries.Add(new Delivery(context.MessageId!.Value, context.Message, Activity.Current?.TraceId.ToString(), Appended: false));
        return Task.CompletedTask;
    }
}

/// <summary>Fails every attempt while <see cref="Broken"/> is set: a poison message until someone fixes it.</summary>
public sealed class FlakySwitch
{
    private int _attempts;
    public volatile bool Broken = true;
    public int Attempts => Volatile.Read(ref _attempts);
    public void CountAttempt() => Interlocked.Increment(ref _attempts);
}

public sealed class FlakyParcelConsumer(FlakySwitch flaky, Deliveries deliveries) : IConsumer<ParcelRegisteredV1>
{
    public Task Consume(ConsumeContext<ParcelRegisteredV1> context)
    {
        flaky.CountAttempt();
        if (flaky.Broken) throw new InvalidOperationException($"Parcel {context.Message.Number} cannot be handled yet.");
        deliveries.Add(new Delivery(context.MessageId!.Value, context.Message, null, Appended: false));
        return Task.CompletedTask;
    }
}

/// <summary>Refuses every parcel as a decider would: the same answer however often it is asked.</summary>
public sealed class RefusingParcelConsumer(FlakySwitch attempts) : IConsumer<ParcelRegisteredV1>
{
    public Task Consume(ConsumeContext<ParcelRegisteredV1> context)
    {
        attempts.CountAttempt();
        throw new CommandRejectedException($"Parcel {context.Message.Number} was refused.",
            Rejection.Conflict("parcel-refused", "Parcels are refused here."));
    }
}
