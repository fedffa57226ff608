using System.Diagnostics;
using System.Globalization;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.Hosting;
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
    /// <summary>The checkpoint row in the replica's read-model database where versions before the lease kept the outbox's position: read once, on the service's first lease.</summary>
    public string CheckpointName { get; set; } = "outbox";

    /// <summary>How long one publish may wait for the broker's confirmation before it is tried again.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MinBackoff { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Short, so publishing resumes within seconds of the broker's return.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>
/// The event store is the outbox: a checkpointed subscription to the service's own streams publishes each mapped
/// event, after running the service's own reactions to it (<see cref="IEventReaction"/>). An event it cannot map or react
/// to, or of a type it does not know, is parked (<see cref="ParkedOutboxEvents"/>) and the
/// outbox goes on; an operator re-drives it. Only the lead replica publishes (<see cref="LeadReplicaLease"/>), from the checkpoint the lease carries, so
/// N replicas publish each event once and a replica on an empty volume never republishes history. A failure is
/// retried for ever, never skipped; after a crash or a hand-over at most the tail since the last recorded checkpoint
/// is published again, under the same message ids, so consumers drop the repeats.
/// </summary>
public sealed class IntegrationEventPublisher(
    IEventStore store,
    ReadModelDatabase database,
    EventTypeMap types,
    IIntegrationEventMapper mapper,
    IBus bus,
    LeadReplicaLease lease,
    ParkedOutboxEvents parked,
    IEnumerable<IEventReaction> reactions,
    PlatformMessagingOptions messaging,
    IntegrationEventPublisherOptions options,
    ILogger<IntegrationEventPublisher> logger) : BackgroundService
{
    public const string ActivitySourceName = "Platform.Messaging";
    private static readonly ActivitySource Source = new(ActivitySourceName);

    // Back-off is infrastructure time: the real clock, whatever clock the service's business rules run on.
    private readonly TimeProvider _clock = TimeProvider.System;

    // The last position whose messages the broker confirmed (or that needed none); only this loop writes it.
    private GlobalPosition? _checkpoint;
    private readonly Lock _checkpointLock = new();

    /// <summary>The last position whose messages the broker confirmed on this replica, or null.</summary>
    public GlobalPosition? Checkpoint
    {
        get { lock (_checkpointLock) return _checkpoint; }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            LeaseTerm term;
            try
            {
                term = await lease.WaitForTermAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            using var leading = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, term.Lost);
            lock (_checkpointLock) _checkpoint = term.OutboxCheckpoint ?? (term.FirstEver ? LegacyLocalCheckpoint() : null);
            logger.LogInformation("Outbox of {Service} publishes on this replica after {Checkpoint}",
                messaging.ServiceName, _checkpoint?.ToString() ?? "the start");
            await PublishWhileLeadingAsync(leading.Token);
            if (stoppingToken.IsCancellationRequested) return;
            logger.LogInformation("Outbox of {Service} stops publishing on this replica at {Checkpoint}: it no longer leads",
                messaging.ServiceName, _checkpoint?.ToString() ?? "the start");
        }
    }

    private async Task PublishWhileLeadingAsync(CancellationToken ct)
    {
        var prefix = StreamName.Prefix(messaging.ServiceName);
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await foreach (var message in store.SubscribeToAllAsync(_checkpoint, prefix, ct))
                {
                    switch (message)
                    {
                        case SubscriptionMessage.Event { Recorded: var recorded }:
                            await PublishAsync(recorded, ct);
                            Advance(recorded.Position);
                            break;
                        case SubscriptionMessage.Checkpoint { Position: var position }:
                            Advance(position);
                            break;
                    }
                    failures = 0;
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                // The subscription failed: start over from the last confirmed position.
                failures++;
                logger.LogError(error, "Outbox subscription of {Service} failed; resubscribing from {Checkpoint}",
                    messaging.ServiceName, _checkpoint);
                try
                {
                    await DelayAsync(failures, ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task PublishAsync(RecordedEvent recorded, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (await MessagesOrParkAsync(recorded, ct) is { } messages) await PublishAllAsync(recorded, messages, ct);
                return;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception error)
            {
                // The broker or the store is away: that heals, so the same event is tried again, never skipped.
                logger.LogWarning(error, "Publishing event {EventId} at {Position} failed (attempt {Attempt}); retrying",
                    recorded.EventId, recorded.Position, attempt);
                await DelayAsync(attempt, ct);
            }
        }
    }

    /// <summary>
    /// The messages for the event; null when it was parked instead: a type this version does not know, or a mapper that
    /// fails on it for any reason but an unreachable store, which would fail the same way on every try and stop the outbox.
    /// </summary>
    private async Task<IReadOnlyList<object>?> MessagesOrParkAsync(RecordedEvent recorded, CancellationToken ct)
    {
        string reason;
        if (!types.IsKnown(recorded.EventType))
        {
            reason = $"The event type {recorded.EventType} is unknown to this version of the service.";
        }
        else
        {
            try
            {
                return await MessagesForAsync(recorded, ct);
            }
            catch (Exception error) when (error is not OperationCanceledException && !StoreUnavailable.Is(error))
            {
                reason = $"{error.GetType().Name}: {error.Message}";
            }
        }
        await parked.ParkAsync(recorded, reason, _clock.GetUtcNow(), ct);
        Hosting.PlatformMetrics.OutboxParked();
        logger.LogError("Outbox of {Service} parked event {EventId} ({EventType}) at {Position}: {Reason}. Re-drive it once fixed.",
            messaging.ServiceName, recorded.EventId, recorded.EventType, recorded.Position, reason);
        return null;
    }

    /// <summary>Runs the service's reactions to the event, then maps it to the messages to publish.</summary>
    private async Task<IReadOnlyList<object>> MessagesForAsync(RecordedEvent recorded, CancellationToken ct)
    {
        var domainEvent = types.Deserialize(recorded.EventType, recorded.Data);
        foreach (var reaction in reactions) await reaction.ReactAsync(domainEvent, recorded, ct);
        return await mapper.MapAsync(domainEvent, recorded, ct);
    }

    /// <summary>
    /// Publishes every parked event again, from its stream, under its original message ids; each that succeeds leaves the
    /// parked list. Returns how many were re-driven and how many still fail (they stay parked).
    /// </summary>
    public async Task<(int Redriven, int StillFailing)> RedriveParkedAsync(CancellationToken ct)
    {
        var redriven = 0;
        var failing = 0;
        foreach (var entry in await parked.ListAsync(ct))
        {
            RecordedEvent? recorded = null;
            await foreach (var e in store.ReadStreamAsync(entry.StreamId, entry.Revision, ct))
            {
                recorded = e;
                break;
            }
            try
            {
                if (recorded is null || !types.IsKnown(recorded.EventType))
                    throw new InvalidOperationException($"Event {entry.EventId} cannot be read as a type this version knows.");
                await PublishAllAsync(recorded, await MessagesForAsync(recorded, ct), ct);
                await parked.MarkRedrivenAsync(entry.EventId, ct);
                redriven++;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogWarning(error, "Re-driving parked event {EventId} failed; it stays parked", entry.EventId);
                failing++;
            }
        }
        return (redriven, failing);
    }

    private async Task PublishAllAsync(RecordedEvent recorded, IReadOnlyList<object> messages, CancellationToken ct)
    {
        for (var index = 0; index < messages.Count; index++)
            await PublishOneAsync(recorded, messages[index], index, ct);
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
        Hosting.PlatformMetrics.OutboxPublished(message);
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

    private void Advance(GlobalPosition position)
    {
        if (_checkpoint is { } current && position <= current) return;
        lock (_checkpointLock) _checkpoint = position;
        lease.RecordOutboxProgress(position);
    }

    /// <summary>Where an outbox of an earlier version, which kept its checkpoint in the replica's own file, had got to.</summary>
    private GlobalPosition? LegacyLocalCheckpoint()
    {
        using var connection = database.Open();
        return Checkpoints.Load(connection, null, options.CheckpointName);
    }

    private Task DelayAsync(int attempt, CancellationToken ct)
    {
        var factor = Math.Pow(2, Math.Min(attempt - 1, 16));
        var delay = TimeSpan.FromMilliseconds(Math.Min(options.MinBackoff.TotalMilliseconds * factor, options.MaxBackoff.TotalMilliseconds));
        return Task.Delay(delay, _clock, ct);
    }
}
