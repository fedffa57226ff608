using System.Collections.Concurrent;
using System.Collections.Immutable;
using Platform.BuildingBlocks.EventStore;

namespace Platform.BuildingBlocks.EventSourcing;

/// <summary>What handling one command came to.</summary>
public abstract record CommandOutcome<TState>
{
    private CommandOutcome() { }

    /// <summary>Events were appended, or the command changed nothing. <paramref name="Revision"/> is -1 for a stream that does not exist.</summary>
    public sealed record Done(TState State, long Revision, GlobalPosition? Position, bool Appended) : CommandOutcome<TState>;

    /// <summary>The same idempotency key was handled before: nothing was appended, this is the outcome as it stands.</summary>
    public sealed record Repeated(TState State, long Revision) : CommandOutcome<TState>;

    public sealed record Rejected(Rejection Rejection) : CommandOutcome<TState>;

    /// <summary>The caller's If-Match revision is not the stream's revision.</summary>
    public sealed record PreconditionFailed(long CurrentRevision) : CommandOutcome<TState>;

    /// <summary>The idempotency key was used before for a different request.</summary>
    public sealed record KeyReused(string IdempotencyKey) : CommandOutcome<TState>;
}

/// <summary>A stream folded into state, with what the idempotency check needs.</summary>
public sealed record LoadedStream<TState>(TState State, long Revision, IReadOnlyDictionary<string, string?> IdempotencyKeys);

/// <summary>
/// Load, decide, append. The only place that talks to the store on the write side: no rules here,
/// only optimistic concurrency and idempotency. Commands on one stream take turns inside this instance, so commands
/// that do not depend on each other all succeed however many arrive at once; a conflict with another instance is
/// decided again on fresh state, after a short random pause so that the instances fall out of step.
/// </summary>
public sealed class CommandHandler<TState, TCommand>(
    IEventStore store, EventTypeMap types, Decider<TState, TCommand> decider, TimeProvider time)
{
    /// <summary>The state of an aggregate that has no events yet.</summary>
    public TState Initial => decider.Initial;

    private const int ConflictRetries = 10;

    // One gate per stripe of stream ids: a stream's commands queue behind each other; unrelated streams rarely share one.
    private readonly SemaphoreSlim[] _streamGates = Enumerable.Range(0, 256).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    /// <summary>
    /// The stream folded into state. A stream read before is read on from where it was left, so a long stream (a
    /// store's ledger) costs its new events, not all of them, on every command. States are immutable, so the remembered
    /// fold is shared safely; it is only a starting point, and the store is always read to its end.
    /// </summary>
    public async Task<LoadedStream<TState>> LoadAsync(string streamId, CancellationToken ct = default)
    {
        var known = _folded.TryGetValue(streamId, out var cached) ? cached : null;
        var state = known is null ? decider.Initial : known.State;
        var revision = known?.Revision ?? -1;
        var keys = known?.Keys ?? ImmutableDictionary.Create<string, string?>(StringComparer.Ordinal);
        await foreach (var recorded in store.ReadStreamAsync(streamId, revision + 1, ct))
        {
            state = decider.Evolve(state, types.Deserialize(recorded.EventType, recorded.Data));
            revision = recorded.StreamRevision;
            if (EventMetadata.FromBytes(recorded.Metadata) is { IdempotencyKey: { } key } metadata && !keys.ContainsKey(key))
                keys = keys.Add(key, metadata.RequestHash);
        }
        if (revision >= 0 && revision != known?.Revision) Remember(streamId, new Folded(state, revision, keys));
        return new LoadedStream<TState>(state, revision, keys);
    }

    private sealed record Folded(TState State, long Revision, ImmutableDictionary<string, string?> Keys);

    private const int FoldedStreamsKept = 4096;
    private readonly ConcurrentDictionary<string, Folded> _folded = new(StringComparer.Ordinal);

    private void Remember(string streamId, Folded folded)
    {
        // Bounded without bookkeeping: past the limit it starts again empty, and streams are read in full once more.
        if (_folded.Count >= FoldedStreamsKept) _folded.Clear();
        _folded.AddOrUpdate(streamId, folded, (_, current) => current.Revision >= folded.Revision ? current : folded);
    }

    /// <param name="alreadyLoaded">The stream as the caller just read it (e.g. to check who may see it): used for the
    /// first attempt instead of reading it again. A conflict always re-reads.</param>
    public async Task<CommandOutcome<TState>> HandleAsync(
        string streamId, TCommand command, CommandEnvelope envelope, CancellationToken ct = default,
        LoadedStream<TState>? alreadyLoaded = null)
    {
        var gate = _streamGates[(uint)StringComparer.Ordinal.GetHashCode(streamId) % (uint)_streamGates.Length];
        if (!gate.Wait(0))
        {
            await gate.WaitAsync(ct);
            // Others wrote while this one waited: what the caller read is stale.
            alreadyLoaded = null;
        }
        try
        {
            var outcome = await DecideAndAppendAsync(streamId, command, envelope, alreadyLoaded, ct);
            Hosting.PlatformMetrics.Command(command!, outcome);
            return outcome;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<CommandOutcome<TState>> DecideAndAppendAsync(
        string streamId, TCommand command, CommandEnvelope envelope, LoadedStream<TState>? alreadyLoaded, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var loaded = attempt == 1 && alreadyLoaded is not null ? alreadyLoaded : await LoadAsync(streamId, ct);

            if (envelope.IdempotencyKey is { } key && loaded.IdempotencyKeys.TryGetValue(key, out var firstHash))
            {
                return firstHash is not null && envelope.RequestHash is not null && firstHash != envelope.RequestHash
                    ? new CommandOutcome<TState>.KeyReused(key)
                    : new CommandOutcome<TState>.Repeated(loaded.State, loaded.Revision);
            }

            if (envelope.IfMatchRevision is { } ifMatch && ifMatch != loaded.Revision)
                return new CommandOutcome<TState>.PreconditionFailed(loaded.Revision);

            var now = time.GetUtcNow();
            var decision = decider.Decide(command, loaded.State, now);
            if (decision.Rejection is { } rejection)
                return new CommandOutcome<TState>.Rejected(rejection);
            if (decision.Events.Count == 0)
                return new CommandOutcome<TState>.Done(loaded.State, loaded.Revision, null, Appended: false);

            var data = decision.Events.Select(e =>
            {
                var id = Guid.CreateVersion7(now);
                return new EventData(id, types.NameOf(e.GetType()), types.Serialize(e), envelope.MetadataFor(id, now).ToBytes());
            }).ToList();

            try
            {
                var result = await store.AppendAsync(streamId, ExpectedRevision.FromCurrent(loaded.Revision), data, ct);
                var state = decision.Events.Aggregate(loaded.State, decider.Evolve);
                return new CommandOutcome<TState>.Done(state, result.CurrentRevision, result.Position, Appended: true);
            }
            catch (WrongExpectedRevisionException conflict) when (envelope.IfMatchRevision is not null)
            {
                return new CommandOutcome<TState>.PreconditionFailed(conflict.ActualRevision);
            }
            catch (WrongExpectedRevisionException) when (attempt < ConflictRetries)
            {
                // Another instance wrote in between and the caller did not pin a revision: decide again on fresh state.
                // The pause is infrastructure time, on the real clock whatever clock the rules run on.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 * attempt)), TimeProvider.System, ct);
            }
            catch (WrongExpectedRevisionException)
            {
                return new CommandOutcome<TState>.Rejected(Rejection.Conflict("concurrent-update",
                    "Others kept changing this at the same moment; nothing was saved. Try again."));
            }
        }
    }
}
