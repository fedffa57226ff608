using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Platform.BuildingBlocks.EventStore.Sqlite;

public sealed record SqliteEventStoreOptions
{
    /// <summary>Path of the database file; its folder is created if missing.</summary>
    public required string Path { get; init; }

    /// <summary>FULL survives power loss; NORMAL (still WAL) survives a process crash and is faster.</summary>
    public bool SynchronousFull { get; init; } = true;

    /// <summary>How often a live subscription looks for appends made by other processes sharing the file.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    public int ReadBatchSize { get; init; } = 512;
}

/// <summary>
/// The embedded store: one SQLite file per service, in WAL mode.
/// <para>
/// Global order: every append runs in a <c>BEGIN IMMEDIATE</c> transaction, which holds the database's
/// single write lock from before the position is assigned until the commit. Positions are therefore
/// handed out in commit order across threads and processes, and a reader that has seen position N can
/// never later find a committed event below N: no append that commits late can be skipped.
/// </para>
/// <para>
/// Group commit: appends made concurrently in one process share a transaction (and so one fsync), each
/// in its own savepoint, so every append stays atomic and a conflict fails only the append it concerns.
/// </para>
/// </summary>
public sealed class SqliteEventStore : IEventStore
{
    private const int MaxAppendsPerTransaction = 256, MaxEventsPerTransaction = 10_000, ConstraintViolation = 19;
    private static readonly ConcurrentDictionary<string, AppendSignal> Signals = new(StringComparer.Ordinal);

    private readonly SqliteEventStoreOptions _options;
    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private readonly AppendSignal _signal;
    private readonly SemaphoreSlim _writeGate;

    public SqliteEventStore(SqliteEventStoreOptions options, TimeProvider? time = null)
    {
        _options = options;
        _time = time ?? TimeProvider.System;
        var fullPath = System.IO.Path.GetFullPath(options.Path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(fullPath)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 60,
        }.ToString();
        // One queue, write gate and signal per file in this process: in-process writers share
        // transactions instead of spinning on SQLITE_BUSY; other processes are handled by the busy timeout.
        _signal = Signals.GetOrAdd(fullPath, _ => new AppendSignal());
        _writeGate = _signal.WriteGate;
        Initialise();
    }

    private void Initialise()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS events (
                position        INTEGER PRIMARY KEY AUTOINCREMENT,
                stream_id       TEXT    NOT NULL,
                stream_revision INTEGER NOT NULL,
                event_id        TEXT    NOT NULL,
                event_type      TEXT    NOT NULL,
                data            BLOB    NOT NULL,
                metadata        BLOB    NOT NULL,
                created         INTEGER NOT NULL,
                UNIQUE (stream_id, stream_revision)
            );
            CREATE TABLE IF NOT EXISTS streams (
                stream_id TEXT PRIMARY KEY,
                revision  INTEGER NOT NULL
            ) WITHOUT ROWID;
            """;
        command.ExecuteNonQuery();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = $"PRAGMA synchronous = {(_options.SynchronousFull ? "FULL" : "NORMAL")}; PRAGMA busy_timeout = 60000;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    public async Task<AppendResult> AppendAsync(
        string streamId, ExpectedRevision expected, IReadOnlyList<EventData> events, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        if (events.Count == 0) throw new ArgumentException("An append needs at least one event.", nameof(events));

        // Group commit: whoever holds the write gate writes every append queued so far in one
        // transaction (one fsync), each in its own savepoint so a conflict fails only that append.
        var pending = new PendingAppend(streamId, expected, events);
        _signal.Queue.Enqueue(pending);
        var holdsGate = false;
        try
        {
            await _writeGate.WaitAsync(ct);
            holdsGate = true;
        }
        catch (OperationCanceledException) when (pending.TryAbandon())
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            // Another writer already took this append into its transaction: its outcome is what happened.
        }

        if (holdsGate)
        {
            try
            {
                while (!pending.Outcome.IsCompleted) await WriteQueuedAsync();
            }
            finally
            {
                _writeGate.Release();
            }
        }
        return await pending.Outcome;
    }

    /// <summary>Writes the oldest queued appends in one transaction and completes each with its own outcome.</summary>
    private async Task WriteQueuedAsync()
    {
        var batch = new List<PendingAppend>();
        var eventCount = 0;
        while (batch.Count < MaxAppendsPerTransaction && eventCount < MaxEventsPerTransaction && _signal.Queue.TryDequeue(out var next))
        {
            if (!next.TryTake()) continue;
            batch.Add(next);
            eventCount += next.Events.Count;
        }
        if (batch.Count == 0) return;

        var outcomes = new (AppendResult? Result, Exception? Error)[batch.Count];
        try
        {
            await using var connection = Open();
            await using var transaction = connection.BeginTransaction(deferred: false);
            var created = _time.GetUtcNow().ToUnixTimeMilliseconds();
            for (var i = 0; i < batch.Count; i++)
            {
                await transaction.SaveAsync("append");
                try
                {
                    outcomes[i] = (await AppendOneAsync(connection, transaction, batch[i], created), null);
                }
                catch (Exception ex) when (ex is WrongExpectedRevisionException or SqliteException { SqliteErrorCode: ConstraintViolation })
                {
                    await transaction.RollbackAsync("append");
                    outcomes[i] = (null, ex);
                }
                await transaction.ReleaseAsync("append");
            }
            await transaction.CommitAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Nothing of this transaction was committed.
            foreach (var append in batch) append.Fail(ex);
            return;
        }

        if (outcomes.Any(o => o.Result is not null)) _signal.Pulse();
        for (var i = 0; i < batch.Count; i++)
        {
            if (outcomes[i].Result is { } result) batch[i].Succeed(result);
            else batch[i].Fail(outcomes[i].Error!);
        }
    }

    private static async Task<AppendResult> AppendOneAsync(
        SqliteConnection connection, SqliteTransaction transaction, PendingAppend append, long created)
    {
        var current = await CurrentRevisionAsync(connection, transaction, append.StreamId, CancellationToken.None);
        if (!append.Expected.IsSatisfiedBy(current))
            throw new WrongExpectedRevisionException(append.StreamId, append.Expected, current);

        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO events (stream_id, stream_revision, event_id, event_type, data, metadata, created)
            VALUES ($stream, $revision, $id, $type, $data, $metadata, $created)
            RETURNING position;
            """;
        var pStream = insert.Parameters.Add("$stream", SqliteType.Text);
        var pRevision = insert.Parameters.Add("$revision", SqliteType.Integer);
        var pId = insert.Parameters.Add("$id", SqliteType.Text);
        var pType = insert.Parameters.Add("$type", SqliteType.Text);
        var pData = insert.Parameters.Add("$data", SqliteType.Blob);
        var pMetadata = insert.Parameters.Add("$metadata", SqliteType.Blob);
        var pCreated = insert.Parameters.Add("$created", SqliteType.Integer);
        pStream.Value = append.StreamId;
        pCreated.Value = created;

        var revision = current;
        long position = 0;
        foreach (var e in append.Events)
        {
            revision++;
            pRevision.Value = revision;
            pId.Value = e.EventId.ToString();
            pType.Value = e.EventType;
            pData.Value = e.Data;
            pMetadata.Value = e.Metadata;
            position = (long)(await insert.ExecuteScalarAsync())!;
        }

        await using (var upsert = connection.CreateCommand())
        {
            upsert.Transaction = transaction;
            upsert.CommandText = """
                INSERT INTO streams (stream_id, revision) VALUES ($stream, $revision)
                ON CONFLICT (stream_id) DO UPDATE SET revision = excluded.revision;
                """;
            upsert.Parameters.AddWithValue("$stream", append.StreamId);
            upsert.Parameters.AddWithValue("$revision", revision);
            await upsert.ExecuteNonQueryAsync();
        }
        return new AppendResult(revision, GlobalPosition.Of((ulong)position));
    }

    private static async Task<long> CurrentRevisionAsync(
        SqliteConnection connection, SqliteTransaction transaction, string streamId, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT revision FROM streams WHERE stream_id = $stream;";
        command.Parameters.AddWithValue("$stream", streamId);
        return await command.ExecuteScalarAsync(ct) is long revision ? revision : -1;
    }

    public async IAsyncEnumerable<RecordedEvent> ReadStreamAsync(
        string streamId, long fromRevision = 0, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var connection = Open();
        var next = Math.Max(0, fromRevision);
        while (true)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT position, stream_id, stream_revision, event_id, event_type, data, metadata, created
                FROM events WHERE stream_id = $stream AND stream_revision >= $from
                ORDER BY stream_revision LIMIT $limit;
                """;
            command.Parameters.AddWithValue("$stream", streamId);
            command.Parameters.AddWithValue("$from", next);
            command.Parameters.AddWithValue("$limit", _options.ReadBatchSize);
            var count = 0;
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    var recorded = Map(reader);
                    next = recorded.StreamRevision + 1;
                    count++;
                    yield return recorded;
                }
            }
            if (count < _options.ReadBatchSize) yield break;
        }
    }

    public async IAsyncEnumerable<RecordedEvent> ReadAllAsync(
        GlobalPosition? after, string streamPrefix, int maxCount, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var connection = Open();
        var from = (long)(after?.Commit ?? 0);
        var remaining = maxCount;
        while (remaining > 0)
        {
            var batch = await ReadBatchAsync(connection, from, streamPrefix, Math.Min(remaining, _options.ReadBatchSize), ct);
            foreach (var recorded in batch.Events)
            {
                remaining--;
                yield return recorded;
            }
            if (batch.ScannedUpTo == from) yield break;
            from = batch.ScannedUpTo;
        }
    }

    public async IAsyncEnumerable<SubscriptionMessage> SubscribeToAllAsync(
        GlobalPosition? after, string streamPrefix, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var connection = Open();
        var from = (long)(after?.Commit ?? 0);
        var caughtUp = false;
        while (!ct.IsCancellationRequested)
        {
            // Take the signal's generation before reading, so an append that lands after the read wakes us.
            var wake = _signal.Current;
            var batch = await ReadBatchAsync(connection, from, streamPrefix, _options.ReadBatchSize, ct);
            foreach (var recorded in batch.Events)
                yield return new SubscriptionMessage.Event(recorded);

            if (batch.ScannedUpTo > from)
            {
                if (batch.Events.Count == 0)
                    yield return new SubscriptionMessage.Checkpoint(GlobalPosition.Of((ulong)batch.ScannedUpTo));
                from = batch.ScannedUpTo;
                continue;
            }

            if (!caughtUp)
            {
                caughtUp = true;
                yield return new SubscriptionMessage.CaughtUp();
            }

            try
            {
                await wake.WaitAsync(_options.PollInterval, _time, ct);
            }
            catch (TimeoutException)
            {
                // Nothing appended in this process: look again for appends made by other processes.
            }
        }
    }

    public async Task TruncateBeforeAsync(string streamId, long beforeRevision, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        // The streams table keeps the revision, so numbering goes on; the rows themselves go.
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM events WHERE stream_id = $stream AND stream_revision < $before;";
        command.Parameters.AddWithValue("$stream", streamId);
        command.Parameters.AddWithValue("$before", beforeRevision);
        await command.ExecuteNonQueryAsync(ct);
    }

    private sealed record Batch(IReadOnlyList<RecordedEvent> Events, long ScannedUpTo);

    /// <summary>Reads the next matching events and reports how far the scan got, so filtered-out runs still advance.</summary>
    private static async Task<Batch> ReadBatchAsync(
        SqliteConnection connection, long after, string prefix, int limit, CancellationToken ct)
    {
        await using var tx = connection.BeginTransaction(deferred: true);
        long head;
        await using (var max = connection.CreateCommand())
        {
            max.Transaction = tx;
            max.CommandText = "SELECT coalesce(max(position), 0) FROM events;";
            head = (long)(await max.ExecuteScalarAsync(ct))!;
        }

        var events = new List<RecordedEvent>(Math.Min(limit, 64));
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = tx;
            command.CommandText = """
                SELECT position, stream_id, stream_revision, event_id, event_type, data, metadata, created
                FROM events
                WHERE position > $after AND position <= $head AND substr(stream_id, 1, length($prefix)) = $prefix
                ORDER BY position LIMIT $limit;
                """;
            command.Parameters.AddWithValue("$after", after);
            command.Parameters.AddWithValue("$head", head);
            command.Parameters.AddWithValue("$prefix", prefix);
            command.Parameters.AddWithValue("$limit", limit);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) events.Add(Map(reader));
        }
        await tx.CommitAsync(ct);

        // A full batch may stop short of the head; otherwise everything up to the head has been scanned.
        var scannedUpTo = events.Count == limit ? (long)events[^1].Position.Commit : head;
        return new Batch(events, Math.Max(scannedUpTo, after));
    }

    private static RecordedEvent Map(SqliteDataReader reader)
    {
        var position = (ulong)reader.GetInt64(0);
        return new RecordedEvent(
            reader.GetString(1),
            reader.GetInt64(2),
            GlobalPosition.Of(position),
            Guid.Parse(reader.GetString(3)),
            reader.GetString(4),
            (byte[])reader.GetValue(5),
            (byte[])reader.GetValue(6),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)));
    }

    /// <summary>An append waiting for a writer to take it into a transaction.</summary>
    private sealed class PendingAppend(string streamId, ExpectedRevision expected, IReadOnlyList<EventData> events)
    {
        private const int Waiting = 0, Taken = 1, Abandoned = 2;
        private readonly TaskCompletionSource<AppendResult> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _state;

        public string StreamId { get; } = streamId;
        public ExpectedRevision Expected { get; } = expected;
        public IReadOnlyList<EventData> Events { get; } = events;
        public Task<AppendResult> Outcome => _outcome.Task;

        /// <summary>A writer claims it; fails if its caller gave up first.</summary>
        public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Waiting) == Waiting;

        /// <summary>The caller gives up; fails if a writer already claimed it.</summary>
        public bool TryAbandon() => Interlocked.CompareExchange(ref _state, Abandoned, Waiting) == Waiting;

        public void Succeed(AppendResult result) => _outcome.TrySetResult(result);

        public void Fail(Exception error) => _outcome.TrySetException(error);
    }

    /// <summary>
    /// Per file in this process: the appends waiting to be written, the gate whose holder writes them,
    /// and a wake-up for live subscribers (each append completes the current generation and starts a new one).
    /// </summary>
    private sealed class AppendSignal
    {
        private TaskCompletionSource _current = NewSource();

        public SemaphoreSlim WriteGate { get; } = new(1, 1);

        public ConcurrentQueue<PendingAppend> Queue { get; } = new();

        public Task Current => Volatile.Read(ref _current).Task;

        public void Pulse() => Interlocked.Exchange(ref _current, NewSource()).TrySetResult();

        private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
