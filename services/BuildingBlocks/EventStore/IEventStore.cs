namespace Platform.BuildingBlocks.EventStore;

/// <summary>
/// The one storage contract every service uses. Both adapters (embedded SQLite, EventStoreDB) pass
/// the same conformance suite, so no service code knows which one it runs on.
/// </summary>
public interface IEventStore
{
    /// <summary>Appends all events or none. Throws <see cref="WrongExpectedRevisionException"/> on a conflict.</summary>
    Task<AppendResult> AppendAsync(
        string streamId, ExpectedRevision expected, IReadOnlyList<EventData> events, CancellationToken ct = default);

    /// <summary>Reads one stream forwards from a revision (inclusive). A missing stream reads as empty.</summary>
    IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string streamId, long fromRevision = 0, CancellationToken ct = default);

    /// <summary>Reads the global log forwards, strictly after <paramref name="after"/> (null: from the start),
    /// keeping only streams whose id starts with <paramref name="streamPrefix"/>.</summary>
    IAsyncEnumerable<RecordedEvent> ReadAllAsync(
        GlobalPosition? after, string streamPrefix, int maxCount, CancellationToken ct = default);

    /// <summary>
    /// Catch-up subscription to the global log: history strictly after <paramref name="after"/>, then
    /// <see cref="SubscriptionMessage.CaughtUp"/>, then live appends, until cancelled. Each event is
    /// delivered once and in global order; the adapter reconnects by itself after a drop.
    /// </summary>
    IAsyncEnumerable<SubscriptionMessage> SubscribeToAllAsync(
        GlobalPosition? after, string streamPrefix, CancellationToken ct = default);

    /// <summary>
    /// Stream reads start at <paramref name="beforeRevision"/> from now on; revisions go on from where they were.
    /// For small streams rewritten often (a lease), so they stay small. The global log may keep the truncated events
    /// until the store reclaims their space.
    /// </summary>
    Task TruncateBeforeAsync(string streamId, long beforeRevision, CancellationToken ct = default);
}

/// <summary>A position in the global log. EventStoreDB has a commit and a prepare part; SQLite uses one number for both.</summary>
public readonly record struct GlobalPosition(ulong Commit, ulong Prepare) : IComparable<GlobalPosition>
{
    public static GlobalPosition Of(ulong position) => new(position, position);

    /// <summary>
    /// EventStoreDB's end-of-log marker (commit = prepare = 2^64-1). The server sends it as the checkpoint of a filtered
    /// subscription whose catch-up reached the end of a short log. It is not a position: taken for one, every later event
    /// would look already seen. Adapters never deliver it and checkpoints never store it.
    /// </summary>
    public static GlobalPosition End { get; } = new(ulong.MaxValue, ulong.MaxValue);

    /// <summary>Whether this is <see cref="End"/> (or any position with a part at 2^64-1, which no real event has).</summary>
    public bool IsEnd => Commit == ulong.MaxValue || Prepare == ulong.MaxValue;

    public int CompareTo(GlobalPosition other)
    {
        var byCommit = Commit.CompareTo(other.Commit);
        return byCommit != 0 ? byCommit : Prepare.CompareTo(other.Prepare);
    }

    public static bool operator <(GlobalPosition a, GlobalPosition b) => a.CompareTo(b) < 0;
    public static bool operator >(GlobalPosition a, GlobalPosition b) => a.CompareTo(b) > 0;
    public static bool operator <=(GlobalPosition a, GlobalPosition b) => a.CompareTo(b) <= 0;
    public static bool operator >=(GlobalPosition a, GlobalPosition b) => a.CompareTo(b) >= 0;

    /// <summary>"commit/prepare", or one number when both parts are equal. Used in headers and checkpoints.</summary>
    public override string ToString() => Commit == Prepare ? Commit.ToString() : $"{Commit}/{Prepare}";

    public static bool TryParse(string? text, out GlobalPosition position)
    {
        position = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var parts = text.Split('/');
        if (parts.Length == 1 && ulong.TryParse(parts[0], out var single))
        {
            position = Of(single);
            return true;
        }
        if (parts.Length == 2 && ulong.TryParse(parts[0], out var commit) && ulong.TryParse(parts[1], out var prepare))
        {
            position = new GlobalPosition(commit, prepare);
            return true;
        }
        return false;
    }
}

/// <summary>The revision an append expects the stream to be at. Revisions start at 0 for the first event.</summary>
public readonly record struct ExpectedRevision
{
    private const long AnyValue = -2, NoStreamValue = -1, StreamExistsValue = -4;

    private ExpectedRevision(long value) => Value = value;

    public long Value { get; }

    public static ExpectedRevision Any { get; } = new(AnyValue);
    public static ExpectedRevision NoStream { get; } = new(NoStreamValue);
    public static ExpectedRevision StreamExists { get; } = new(StreamExistsValue);

    public static ExpectedRevision Exactly(long revision) =>
        revision >= 0 ? new(revision) : throw new ArgumentOutOfRangeException(nameof(revision), "A revision is 0 or more.");

    /// <summary>The revision a stream must be at, given its current revision (-1 when it does not exist).</summary>
    public static ExpectedRevision FromCurrent(long currentRevision) =>
        currentRevision < 0 ? NoStream : Exactly(currentRevision);

    public bool IsAny => Value == AnyValue;
    public bool IsNoStream => Value == NoStreamValue;
    public bool IsStreamExists => Value == StreamExistsValue;
    public bool IsExact => Value >= 0;

    /// <summary>Whether a stream at <paramref name="currentRevision"/> (-1: none) satisfies this expectation.</summary>
    public bool IsSatisfiedBy(long currentRevision) => Value switch
    {
        AnyValue => true,
        NoStreamValue => currentRevision < 0,
        StreamExistsValue => currentRevision >= 0,
        _ => currentRevision == Value,
    };

    public override string ToString() => Value switch
    {
        AnyValue => "any",
        NoStreamValue => "no-stream",
        StreamExistsValue => "stream-exists",
        _ => Value.ToString(),
    };
}

public sealed record EventData(Guid EventId, string EventType, byte[] Data, byte[] Metadata);

public sealed record RecordedEvent(
    string StreamId,
    long StreamRevision,
    GlobalPosition Position,
    Guid EventId,
    string EventType,
    byte[] Data,
    byte[] Metadata,
    DateTimeOffset Created);

/// <param name="CurrentRevision">The revision of the last event written.</param>
/// <param name="Position">The global position of the last event written.</param>
public sealed record AppendResult(long CurrentRevision, GlobalPosition Position);

public abstract record SubscriptionMessage
{
    private SubscriptionMessage() { }

    public sealed record Event(RecordedEvent Recorded) : SubscriptionMessage;

    /// <summary>The subscription has passed <paramref name="Position"/> without an event for this filter:
    /// a consumer may store it as its checkpoint.</summary>
    public sealed record Checkpoint(GlobalPosition Position) : SubscriptionMessage;

    /// <summary>History is read; what follows is live.</summary>
    public sealed record CaughtUp : SubscriptionMessage;
}

public sealed class WrongExpectedRevisionException(string streamId, ExpectedRevision expected, long actualRevision)
    : Exception($"Stream '{streamId}' expected at revision {expected} but is at {(actualRevision < 0 ? "no stream" : actualRevision)}.")
{
    public string StreamId { get; } = streamId;
    public ExpectedRevision Expected { get; } = expected;

    /// <summary>The stream's actual revision, -1 when it does not exist.</summary>
    public long ActualRevision { get; } = actualRevision;
}
