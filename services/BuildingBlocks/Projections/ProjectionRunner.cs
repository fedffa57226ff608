using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.Hosting;
using Platform.BuildingBlocks.ReadModels;

namespace Platform.BuildingBlocks.Projections;

/// <summary>
/// Keeps one projection up to date: a catch-up subscription to the service's events from the stored
/// checkpoint, applying what has arrived in batches where each batch and its checkpoint commit in one
/// SQLite transaction. A crash or a failing event rolls the batch back and the subscription restarts
/// from the checkpoint, so no event is ever applied twice or skipped.
/// </summary>
public class ProjectionRunner : BackgroundService
{
    private readonly IEventStore _store;
    private readonly EventTypeMap _types;
    private readonly ReadModelDatabase _database;
    private readonly ProjectionRunnerOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    // Held while a batch is applied, a reset runs, or the checkpoint is loaded: the database side is single-file.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _state = new();
    private int _generation;
    private GlobalPosition? _position;
    private bool _caughtUp;
    private TaskCompletionSource _changed = NewSignal();
    private CancellationTokenSource? _currentRun;

    public ProjectionRunner(
        IProjection projection, IEventStore store, EventTypeMap types, ReadModelDatabase database,
        ProjectionRunnerOptions options, ILogger logger, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBatchSize, 1);
        Projection = projection;
        _store = store;
        _types = types;
        _database = database;
        _options = options;
        _logger = logger;
        PlatformMetrics.TrackProjection(Name, () => IsCaughtUp);
        _time = time ?? TimeProvider.System;
    }

    public IProjection Projection { get; }

    public string Name => Projection.Name;

    /// <summary>
    /// The last position the model reflects (null: nothing yet). Read it before querying the model,
    /// so the position a query reports is never ahead of what it read.
    /// </summary>
    public GlobalPosition? Position
    {
        get { lock (_state) return _position; }
    }

    /// <summary>Whether the model has caught up with history at least once since it started or was rebuilt.</summary>
    public bool IsCaughtUp
    {
        get { lock (_state) return _caughtUp; }
    }

    /// <summary>Waits until the model reflects <paramref name="position"/> (e.g. the caller's own write); false on timeout.</summary>
    public async Task<bool> WaitForAsync(GlobalPosition position, TimeSpan timeout, CancellationToken ct = default)
    {
        var deadline = _time.GetUtcNow() + timeout;
        while (true)
        {
            Task changed;
            lock (_state)
            {
                if (_position >= position) return true;
                changed = _changed.Task;
            }
            var left = deadline - _time.GetUtcNow();
            if (left <= TimeSpan.Zero) return false;
            try
            {
                await changed.WaitAsync(left, _time, ct);
            }
            catch (TimeoutException)
            {
                return Position >= position;
            }
        }
    }

    /// <summary>
    /// Waits until the model reflects everything stored so far in its streams: the store is read from the model's
    /// position to its end to find that end. For a caller about to act on the model as a whole (the test clock's
    /// watcher pass), not for a read of one's own write (that names its position).
    /// </summary>
    public async Task<bool> CatchUpWithStoreAsync(TimeSpan timeout, CancellationToken ct = default)
    {
        var end = Position;
        while (true)
        {
            var last = end;
            await foreach (var recorded in _store.ReadAllAsync(last, _options.StreamPrefix, 1000, ct))
                end = recorded.Position;
            if (end == last) break;
        }
        return end is not { } target || await WaitForAsync(target, timeout, ct);
    }

    /// <summary>
    /// A model kept by another schema version (a model with a checkpoint but no recorded version was kept by version 1)
    /// is reset and its checkpoint deleted, so it is replayed into the current tables.
    /// </summary>
    private void ResetIfKeptByAnotherSchema(SqliteConnection connection, SqliteTransaction transaction)
    {
        var kept = Checkpoints.LoadSchemaVersion(connection, transaction, Name)
            ?? (Checkpoints.Load(connection, transaction, Name) is null ? (int?)null : 1);
        if (kept is { } version && version != Projection.SchemaVersion)
        {
            _logger.LogWarning("Projection {Projection} was kept by schema version {Kept}; rebuilding it for version {Current}", Name, version, Projection.SchemaVersion);
            Projection.Reset(connection, transaction);
            Checkpoints.Delete(connection, transaction, Name);
        }
        Checkpoints.SaveSchemaVersion(connection, transaction, Name, Projection.SchemaVersion);
    }

    /// <summary>
    /// Clears the model and its checkpoint in one transaction, then lets the subscription replay from
    /// the start. Returns once the reset is committed; the replay continues in the background.
    /// </summary>
    public async Task RebuildAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            using (var connection = _database.Open())
            using (var transaction = connection.BeginTransaction())
            {
                Projection.Reset(connection, transaction);
                Checkpoints.Delete(connection, transaction, Name);
                Projection.EnsureSchema(connection, transaction);
                transaction.Commit();
            }
            lock (_state)
            {
                // A batch read before the reset must not be applied after it.
                _generation++;
                _position = null;
                _caughtUp = false;
                _currentRun?.Cancel();
                Pulse();
            }
            _logger.LogInformation("Projection {Projection} was reset and replays from the start", Name);
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            using var run = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            lock (_state) _currentRun = run;
            try
            {
                await RunAsync(() => failures = 0, run.Token);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (OperationCanceledException) when (run.IsCancellationRequested)
            {
                // A rebuild restarted the subscription.
            }
            catch (Exception ex)
            {
                failures++;
                var delay = RetryDelay(failures);
                _logger.LogError(ex,
                    "Projection {Projection} failed at {Position}; retrying from its checkpoint in {Delay} (failure {Failures} in a row)",
                    Name, Position?.ToString() ?? "start", delay, failures);
                try
                {
                    await Task.Delay(delay, _time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            finally
            {
                lock (_state) _currentRun = null;
            }
        }
    }

    private TimeSpan RetryDelay(int failures)
    {
        var factor = Math.Pow(2, Math.Min(failures - 1, 16));
        return TimeSpan.FromTicks((long)Math.Min(_options.InitialRetryDelay.Ticks * factor, _options.MaxRetryDelay.Ticks));
    }

    /// <summary>One subscription from the stored checkpoint, until it fails or is cancelled.</summary>
    private async Task RunAsync(Action onProgress, CancellationToken ct)
    {
        var (generation, start) = await LoadAsync(ct);
        _logger.LogInformation("Projection {Projection} subscribes after {Position}", Name, start?.ToString() ?? "the start");

        // The subscription fills a buffer while a batch is being applied; what has arrived makes the next batch.
        var buffer = Channel.CreateBounded<SubscriptionMessage>(
            new BoundedChannelOptions(_options.MaxBatchSize * 2) { SingleReader = true, SingleWriter = true });
        using var stopPump = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var pump = PumpAsync(start, buffer.Writer, stopPump.Token);
        try
        {
            var batch = new List<SubscriptionMessage>(_options.MaxBatchSize);
            while (await buffer.Reader.WaitToReadAsync(ct))
            {
                while (batch.Count < _options.MaxBatchSize && buffer.Reader.TryRead(out var message)) batch.Add(message);
                if (!await ApplyBatchAsync(batch, generation, ct))
                {
                    ct.ThrowIfCancellationRequested();
                    throw new OperationCanceledException("The projection was reset.");
                }
                batch.Clear();
                onProgress();
            }
            throw new InvalidOperationException("The subscription ended without being cancelled.");
        }
        finally
        {
            await stopPump.CancelAsync();
            await pump;
        }
    }

    private async Task PumpAsync(GlobalPosition? start, ChannelWriter<SubscriptionMessage> writer, CancellationToken ct)
    {
        try
        {
            await foreach (var message in _store.SubscribeToAllAsync(start, _options.StreamPrefix, ct))
                await writer.WriteAsync(message, ct);
            writer.TryComplete();
        }
        catch (Exception ex)
        {
            writer.TryComplete(ex);
        }
    }

    private async Task<(int Generation, GlobalPosition? Start)> LoadAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            using var connection = _database.Open();
            using var transaction = connection.BeginTransaction();
            ResetIfKeptByAnotherSchema(connection, transaction);
            Projection.EnsureSchema(connection, transaction);
            var checkpoint = Checkpoints.Load(connection, transaction, Name);
            transaction.Commit();
            lock (_state)
            {
                _position = checkpoint;
                Pulse();
                return (_generation, checkpoint);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Applies a batch and saves its checkpoint in one transaction; false if a reset made the batch stale.</summary>
    internal async Task<bool> ApplyBatchAsync(IReadOnlyList<SubscriptionMessage> batch, int generation, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            lock (_state)
            {
                if (generation != _generation) return false;
            }

            GlobalPosition? last = null;
            var caughtUp = false;
            var applied = 0;
            using (var connection = _database.Open())
            using (var transaction = connection.BeginTransaction())
            {
                foreach (var message in batch)
                {
                    switch (message)
                    {
                        case SubscriptionMessage.Event { Recorded: var recorded }:
                            // Another version's event types are not ours to read; they only move the checkpoint.
                            if (_types.IsKnown(recorded.EventType))
                            {
                                Projection.Apply(connection, transaction, recorded, _types.Deserialize(recorded.EventType, recorded.Data));
                                applied++;
                            }
                            last = recorded.Position;
                            break;
                        case SubscriptionMessage.Checkpoint { Position: var position }:
                            last = position;
                            break;
                        case SubscriptionMessage.CaughtUp:
                            caughtUp = true;
                            break;
                    }
                }
                if (last is { } reached) Checkpoints.Save(connection, transaction, Name, reached);
                transaction.Commit();
            }
            if (applied > 0) PlatformMetrics.ProjectionApplied(Name, applied);

            lock (_state)
            {
                if (last is not null) _position = last;
                _caughtUp |= caughtUp;
                Pulse();
            }
            if (caughtUp)
                _logger.LogInformation("Projection {Projection} caught up at {Position}", Name, last?.ToString() ?? Position?.ToString() ?? "the start");
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The current generation, for tests that drive <see cref="ApplyBatchAsync"/> directly.</summary>
    internal int Generation
    {
        get { lock (_state) return _generation; }
    }

    /// <summary>Wakes every <see cref="WaitForAsync"/> caller; called under the state lock.</summary>
    private void Pulse()
    {
        _changed.TrySetResult();
        _changed = NewSignal();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
