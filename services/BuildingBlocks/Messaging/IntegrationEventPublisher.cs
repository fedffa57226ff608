using System.Diagnostics;
using System.Globalization;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.ReadModels;

namespace Platform.BuildingBlocks.Messaging;

/// <summary>Supplied by each service: which integration events (from <c>contracts/</c>) a stored domain event becomes.</summary>
public interface IIntegrationEventMapper
{
    /// <summary>
    /// The messages to publish for <paramref name="domainEvent"/>; none for events that stay internal. Asynchronous
    /// because some mappers read more than the event, e.g. the aggregate's state up to it.
    /// </summary>
    ValueTask<IReadOnlyList<object>> MapAsync(object domainEvent, RecordedEvent recorded, CancellationToken ct);
}

public sealed class IntegrationEventPublisherOptions
{
    /// <summary>Name of the checkpoint row in the service's read-model database.</summary>
    public string CheckpointName { get; set; } = "outbox";

    /// <summary>How long one publish may wait for the broker's confirmation before it is tried again.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MinBackoff { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>
/// The event store is the outbox: a checkpointed subscription to the service's own streams publishes
/// each mapped event, and moves the checkpoint only once the broker has confirmed. A failure is retried
/// for ever, never skipped; after a crash at most the unconfirmed tail is published again, under the
/// same message ids, so consumers drop the repeats.
/// </summary>
public sealed class IntegrationEventPublisher(
    IEventStore store,
    ReadModelDatabase database,
    EventTypeMap types,
    IIntegrationEventMapper mapper,
    IBus bus,
    PlatformMessagingOptions messaging,
    IntegrationEventPublisherOptions options,
    TimeProvider time,
    ILogger<IntegrationEventPublisher> logger) : BackgroundService
{
    public const string ActivitySourceName = "Platform.Messaging";
    private static readonly ActivitySource Source = new(ActivitySourceName);

    // The last position whose messages the broker confirmed (or that needed none); only this loop touches it.
    private GlobalPosition? _checkpoint;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var prefix = StreamName.Prefix(messaging.ServiceName);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                _checkpoint = LoadCheckpoint();
                await foreach (var message in store.SubscribeToAllAsync(_checkpoint, prefix, stoppingToken))
                {
                    switch (message)
                    {
                        case SubscriptionMessage.Event { Recorded: var recorded }:
                            await PublishAsync(recorded, stoppingToken);
                            SaveCheckpoint(recorded.Position);
                            break;
                        case SubscriptionMessage.Checkpoint { Position: var position }:
                            SaveCheckpoint(position);
                            break;
                    }
                    failures = 0;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                // The subscription or the checkpoint database failed: start over from the stored checkpoint.
                failures++;
                logger.LogError(error, "Outbox subscription of {Service} failed; resubscribing from {Checkpoint}",
                    messaging.ServiceName, _checkpoint);
                await DelayAsync(failures, stoppingToken);
            }
        }
    }

    private async Task PublishAsync(RecordedEvent recorded, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var messages = await MessagesForAsync(recorded, ct);
                for (var index = 0; index < messages.Count; index++)
                    await PublishOneAsync(recorded, messages[index], index, ct);
                return;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception error)
            {
                logger.LogWarning(error, "Publishing event {EventId} at {Position} failed (attempt {Attempt}); retrying",
                    recorded.EventId, recorded.Position, attempt);
                await DelayAsync(attempt, ct);
            }
        }
    }

    private async Task<IReadOnlyList<object>> MessagesForAsync(RecordedEvent recorded, CancellationToken ct)
    {
        if (!types.IsKnown(recorded.EventType))
        {
            logger.LogWarning("Event {EventId} has type {EventType} that this service does not know; nothing published",
                recorded.EventId, recorded.EventType);
            return [];
        }
        return await mapper.MapAsync(types.Deserialize(recorded.EventType, recorded.Data), recorded, ct);
    }

    private async Task PublishOneAsync(RecordedEvent recorded, object message, int index, CancellationToken ct)
    {
        var metadata = EventMetadata.FromBytes(recorded.Metadata);
        // The first message keeps the event's id; further ones get ids derived from it, equally stable across republishing.
        var messageId = index == 0 ? recorded.EventId : DeterministicId.Create(recorded.EventId, index.ToString(CultureInfo.InvariantCulture));

        using var activity = StartActivity(metadata);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.PublishTimeout);

        // MassTransit waits for the broker's publisher confirmation before this completes.
        await bus.Publish(message, message.GetType(), context =>
        {
            context.MessageId = messageId;
            if (metadata is not null)
            {
                context.Headers.Set(PlatformMessageHeaders.CorrelationId, metadata.CorrelationId);
                if (Guid.TryParse(metadata.CorrelationId, out var correlationId)) context.CorrelationId = correlationId;
            }
            context.Headers.Set(PlatformMessageHeaders.SourceEventType, recorded.EventType);
            context.Headers.Set(PlatformMessageHeaders.SourcePosition, recorded.Position.ToString());
        }, timeout.Token);
    }

    /// <summary>
    /// Continues the trace of the request that stored the event, so MassTransit's send activity (and so the
    /// consumer) joins it. Without a listener on our source the activity is made by hand: the parent must
    /// still be current for whoever listens to MassTransit's.
    /// </summary>
    private static Activity? StartActivity(EventMetadata? metadata)
    {
        if (metadata?.TraceParent is not { } traceParent
            || !ActivityContext.TryParse(traceParent, metadata.TraceState, isRemote: true, out var parent))
            return null;

        var activity = Source.StartActivity("outbox publish", ActivityKind.Producer, parent);
        if (activity is not null) return activity;

        var manual = new Activity("outbox publish").SetParentId(parent.TraceId, parent.SpanId, parent.TraceFlags);
        manual.TraceStateString = parent.TraceState;
        return manual.Start();
    }

    private GlobalPosition? LoadCheckpoint()
    {
        using var connection = database.Open();
        return Checkpoints.Load(connection, null, options.CheckpointName);
    }

    private void SaveCheckpoint(GlobalPosition position)
    {
        if (_checkpoint is { } current && position <= current) return;
        using var connection = database.Open();
        Checkpoints.Save(connection, null, options.CheckpointName, position);
        _checkpoint = position;
    }

    private Task DelayAsync(int attempt, CancellationToken ct)
    {
        var factor = Math.Pow(2, Math.Min(attempt - 1, 16));
        var delay = TimeSpan.FromMilliseconds(Math.Min(options.MinBackoff.TotalMilliseconds * factor, options.MaxBackoff.TotalMilliseconds));
        return Task.Delay(delay, time, ct);
    }
}
