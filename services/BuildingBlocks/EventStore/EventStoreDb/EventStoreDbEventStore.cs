using System.Runtime.CompilerServices;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.BuildingBlocks.EventStore.EventStoreDb.Grpc;

namespace Platform.BuildingBlocks.EventStore.EventStoreDb;

public sealed record EventStoreDbOptions
{
    /// <summary>First wait before resubscribing after a drop; doubles per failure up to <see cref="ResubscribeMaxDelay"/>.</summary>
    public TimeSpan ResubscribeMinDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan ResubscribeMaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How many events the server scans per page of a filtered read.</summary>
    public uint FilterSearchWindow { get; init; } = 32;

    /// <summary>A filtered subscription reports a checkpoint every window × this many scanned events.</summary>
    public uint CheckpointIntervalMultiplier { get; init; } = 16;
}

/// <summary>
/// <see cref="IEventStore"/> on EventStoreDB, through the project's own gRPC client (protos written from
/// the wire contract in shared/eventstoredb-grpc.md). Positions map to EventStoreDB's (commit, prepare).
/// </summary>
public sealed class EventStoreDbEventStore : IEventStore, IDisposable
{
    // Stream reads have no natural bound; the server takes the count as a signed number.
    private const ulong ReadEverything = long.MaxValue;

    private readonly EventStoreDbConnection _connection;
    private readonly EventStoreDbOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public EventStoreDbEventStore(
        EventStoreDbSettings settings,
        EventStoreDbOptions? options = null,
        TimeProvider? time = null,
        ILogger<EventStoreDbEventStore>? logger = null)
    {
        _options = options ?? new EventStoreDbOptions();
        _time = time ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _connection = new EventStoreDbConnection(settings, _logger);
    }

    /// <summary>The node calls currently go to.</summary>
    public EventStoreDbEndpoint CurrentNode => _connection.Current;

    public async Task<AppendResult> AppendAsync(
        string streamId, ExpectedRevision expected, IReadOnlyList<EventData> events, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        if (events.Count == 0) throw new ArgumentException("An append needs at least one event.", nameof(events));

        var header = new AppendReq { Options = AppendOptions(streamId, expected) };
        var proposed = events.Select(e => new AppendReq { ProposedMessage = Proposed(e) }).ToList();

        var response = await _connection.CallAsync(async (client, options, _) =>
        {
            using var call = client.Append(options);
            try
            {
                await call.RequestStream.WriteAsync(header);
                foreach (var message in proposed) await call.RequestStream.WriteAsync(message);
                await call.RequestStream.CompleteAsync();
            }
            catch (RpcException)
            {
                // The server may answer (not-leader, stream-deleted...) before it has read every message;
                // its answer, awaited below, says why.
            }
            return await call.ResponseAsync;
        }, streamId, withDeadline: true, ct);

        switch (response.ResultCase)
        {
            case AppendResp.ResultOneofCase.Success:
                var success = response.Success;
                var revision = success.CurrentRevisionOptionCase == AppendResp.Types.Success.CurrentRevisionOptionOneofCase.CurrentRevision
                    ? (long)success.CurrentRevision
                    : throw new EventStoreDbException("no-revision", StatusCode.Internal, $"EventStoreDB accepted the append to '{streamId}' without a revision.");
                var position = success.PositionOptionCase == AppendResp.Types.Success.PositionOptionOneofCase.Position
                    ? new GlobalPosition(success.Position.CommitPosition, success.Position.PreparePosition)
                    : await PositionOfAsync(streamId, revision, ct);
                return new AppendResult(revision, position);

            case AppendResp.ResultOneofCase.WrongExpectedVersion:
                var wrong = response.WrongExpectedVersion;
                // Servers since 20.6.1 always fill this oneof; "no stream" is its only other answer.
                var actual = wrong.CurrentRevisionOptionCase == AppendResp.Types.WrongExpectedVersion.CurrentRevisionOptionOneofCase.CurrentRevision
                    ? (long)wrong.CurrentRevision
                    : -1;
                throw new WrongExpectedRevisionException(streamId, expected, actual);

            default:
                throw new EventStoreDbException("unknown-append-result", StatusCode.Internal, $"EventStoreDB answered the append to '{streamId}' with nothing we understand.");
        }
    }

    /// <summary>
    /// An append the server recognised as a repeat (same event ids) comes back without a position:
    /// read the event at the revision it reported to find it.
    /// </summary>
    private async Task<GlobalPosition> PositionOfAsync(string streamId, long revision, CancellationToken ct)
    {
        var request = StreamRequest(streamId, revision, 1);
        await foreach (var recorded in ReadStreamEventsAsync(request, streamId, withDeadline: true, ct))
            return recorded.Position;
        throw new EventStoreDbException("no-position", StatusCode.Internal, $"EventStoreDB reported revision {revision} of '{streamId}' but it cannot be read.");
    }

    public IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string streamId, long fromRevision = 0, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        return ReadStreamEventsAsync(StreamRequest(streamId, Math.Max(0, fromRevision), ReadEverything), streamId, withDeadline: false, ct);
    }

    private async IAsyncEnumerable<RecordedEvent> ReadStreamEventsAsync(
        ReadReq request, string streamId, bool withDeadline, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var response in ReadAsync(request, streamId, withDeadline, ct))
        {
            switch (response.ContentCase)
            {
                case ReadResp.ContentOneofCase.Event:
                    yield return Map(response.Event);
                    break;
                case ReadResp.ContentOneofCase.StreamNotFound:
                    // Missing or soft-deleted: our contract says that reads as empty.
                    yield break;
            }
        }
    }

    public async IAsyncEnumerable<RecordedEvent> ReadAllAsync(
        GlobalPosition? after, string streamPrefix, int maxCount, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(streamPrefix);
        var bound = after;
        var remaining = maxCount;
        while (remaining > 0)
        {
            // The server starts at the position inclusively and counts system events: ask for one more
            // than we need and carry on from the last event seen if skips left us short.
            var count = (ulong)remaining + 1;
            var received = 0UL;
            var lastSeen = bound;
            await foreach (var response in ReadAsync(AllRequest(bound, streamPrefix, count), null, withDeadline: false, ct))
            {
                if (response.ContentCase != ReadResp.ContentOneofCase.Event) continue;
                received++;
                var recorded = Map(response.Event);
                if (bound is { } b && recorded.Position <= b) continue;
                lastSeen = recorded.Position;
                if (IsSystem(recorded)) continue;
                yield return recorded;
                if (--remaining == 0) yield break;
            }
            if (received < count || lastSeen == bound) yield break;
            bound = lastSeen;
        }
    }

    public async IAsyncEnumerable<SubscriptionMessage> SubscribeToAllAsync(
        GlobalPosition? after, string streamPrefix, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(streamPrefix);
        var last = after;
        var caughtUpSent = false;
        var failures = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var (endpoint, client) = _connection.Connect();
            using var call = client.Read(SubscriptionRequest(last, streamPrefix), _connection.Options(ct, withDeadline: false));
            RpcException? dropped = null;
            while (true)
            {
                ReadResp response;
                try
                {
                    if (!await call.ResponseStream.MoveNext(ct)) break;
                    response = call.ResponseStream.Current;
                }
                catch (Exception error) when (EventStoreDbErrors.AsRpc(error) is { } ex)
                {
                    if (ct.IsCancellationRequested || IsFatal(ex)) throw EventStoreDbErrors.Translate(ex, null, ct);
                    dropped = ex;
                    break;
                }

                switch (response.ContentCase)
                {
                    case ReadResp.ContentOneofCase.Event:
                        var recorded = Map(response.Event);
                        // A resubscription may start with what was already delivered.
                        if (last is { } l && recorded.Position <= l) continue;
                        failures = 0;
                        if (IsSystem(recorded)) continue;
                        last = recorded.Position;
                        yield return new SubscriptionMessage.Event(recorded);
                        break;
                    case ReadResp.ContentOneofCase.Checkpoint:
                        var position = new GlobalPosition(response.Checkpoint.CommitPosition, response.Checkpoint.PreparePosition);
                        // The end-of-log marker says "caught up", not where: keeping it would drop every later event.
                        if (position.IsEnd) continue;
                        if (last is { } lc && position <= lc) continue;
                        failures = 0;
                        last = position;
                        yield return new SubscriptionMessage.Checkpoint(position);
                        break;
                    case ReadResp.ContentOneofCase.CaughtUp:
                        failures = 0;
                        if (caughtUpSent) continue;
                        caughtUpSent = true;
                        yield return new SubscriptionMessage.CaughtUp();
                        break;
                }
            }

            failures++;
            var redirected = dropped is not null && _connection.TryRecover(endpoint, dropped) && dropped.Leader() is not null;
            // Straight to a newly named leader; anything else (or a redirect that keeps failing) waits first.
            var delay = redirected && failures == 1 ? TimeSpan.Zero : Backoff(failures);
            _logger.LogWarning(
                "Subscription to $all ({Prefix}) from {Position} dropped on {Node} ({Reason}); resubscribing in {Delay} ms",
                streamPrefix, last?.ToString() ?? "start", endpoint, dropped?.Status.ToString() ?? "the server ended it",
                (long)delay.TotalMilliseconds);
            if (delay > TimeSpan.Zero) await Task.Delay(delay, _time, ct);
        }
    }

    /// <summary>
    /// Writes the stream's metadata with <c>$tb</c> (truncate before): the server then reads the stream from that
    /// revision, and scavenging reclaims the rest. Metadata lives in the stream <c>$${stream}</c>.
    /// </summary>
    public async Task TruncateBeforeAsync(string streamId, long beforeRevision, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        ArgumentOutOfRangeException.ThrowIfNegative(beforeRevision);
        var metadata = System.Text.Encoding.UTF8.GetBytes($$"""{"$tb":{{beforeRevision}}}""");
        await AppendAsync("$$" + streamId, ExpectedRevision.Any, [new EventData(Guid.NewGuid(), "$metadata", metadata, [])], ct);
    }

    /// <summary>Exponential, halved by a random amount so that many subscribers do not return in step.</summary>
    private TimeSpan Backoff(int failures)
    {
        var ceiling = Math.Min(
            _options.ResubscribeMaxDelay.TotalMilliseconds,
            _options.ResubscribeMinDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, 30)));
        return TimeSpan.FromMilliseconds(ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2);
    }

    /// <summary>Errors a resubscription cannot cure: it would only repeat them forever.</summary>
    private static bool IsFatal(RpcException ex) => ex.StatusCode is
        StatusCode.PermissionDenied or StatusCode.Unauthenticated or StatusCode.InvalidArgument or StatusCode.Unimplemented;

    /// <summary>Reads the node is the leader: the connection follows redirects, so success means a leader answered.</summary>
    internal Task<EventStoreDbEndpoint> ProbeLeaderAsync(CancellationToken ct) =>
        _connection.CallAsync(async (client, options, endpoint) =>
        {
            using var call = client.Read(StreamRequest("platform-health-probe", 0, 1), options);
            while (await call.ResponseStream.MoveNext(ct)) { }
            return endpoint;
        }, null, withDeadline: true, ct);

    /// <summary>
    /// A server-streaming read. A failure before the first answer (a follower's not-leader, an unreachable
    /// node) is retried on the next node; once events have flowed, it is the caller's error. Reads that
    /// the caller enumerates at its own pace get no deadline: a slow consumer must not fail the read.
    /// </summary>
    private async IAsyncEnumerable<ReadResp> ReadAsync(
        ReadReq request, string? streamId, bool withDeadline, [EnumeratorCancellation] CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (endpoint, client) = _connection.Connect();
            using var call = client.Read(request, _connection.Options(ct, withDeadline));
            var received = false;
            while (true)
            {
                ReadResp response;
                try
                {
                    if (!await call.ResponseStream.MoveNext(ct)) yield break;
                    response = call.ResponseStream.Current;
                }
                catch (Exception error) when (EventStoreDbErrors.AsRpc(error) is { } ex && !received && !ct.IsCancellationRequested
                                              && attempt < _connection.MaxAttempts && _connection.TryRecover(endpoint, ex))
                {
                    break;
                }
                catch (Exception error) when (EventStoreDbErrors.AsRpc(error) is { } ex)
                {
                    throw EventStoreDbErrors.Translate(ex, streamId, ct);
                }
                received = true;
                yield return response;
            }
        }
    }

    private static bool IsSystem(RecordedEvent recorded) =>
        recorded.EventType.StartsWith('$') || recorded.StreamId.StartsWith('$');

    private static AppendReq.Types.Options AppendOptions(string streamId, ExpectedRevision expected)
    {
        var options = new AppendReq.Types.Options { StreamIdentifier = StreamIdentifierOf(streamId) };
        if (expected.IsAny) options.Any = new Empty();
        else if (expected.IsNoStream) options.NoStream = new Empty();
        else if (expected.IsStreamExists) options.StreamExists = new Empty();
        else options.Revision = (ulong)expected.Value;
        return options;
    }

    private static AppendReq.Types.ProposedMessage Proposed(EventData e)
    {
        ArgumentException.ThrowIfNullOrEmpty(e.EventType);
        return new AppendReq.Types.ProposedMessage
        {
            Id = new UUID { String = e.EventId.ToString() },
            Metadata = { ["type"] = e.EventType, ["content-type"] = "application/json" },
            CustomMetadata = ByteString.CopyFrom(e.Metadata),
            Data = ByteString.CopyFrom(e.Data),
        };
    }

    private static ReadReq.Types.Options BaseReadOptions() => new()
    {
        ReadDirection = ReadReq.Types.Options.Types.ReadDirection.Forwards,
        ResolveLinks = false,
        UuidOption = new ReadReq.Types.Options.Types.UUIDOption { String = new Empty() },
        // 1 asks the server for end-of-stream markers instead of an error on a missing stream.
        ControlOption = new ReadReq.Types.Options.Types.ControlOption { Compatibility = 1 },
    };

    private static ReadReq StreamRequest(string streamId, long fromRevision, ulong count)
    {
        var options = BaseReadOptions();
        options.Stream = new ReadReq.Types.Options.Types.StreamOptions
        {
            StreamIdentifier = StreamIdentifierOf(streamId),
            Revision = (ulong)fromRevision,
        };
        options.Count = count;
        options.NoFilter = new Empty();
        return new ReadReq { Options = options };
    }

    private ReadReq AllRequest(GlobalPosition? from, string streamPrefix, ulong count)
    {
        var options = BaseReadOptions();
        options.All = AllFrom(from);
        options.Count = count;
        SetFilter(options, streamPrefix);
        return new ReadReq { Options = options };
    }

    private ReadReq SubscriptionRequest(GlobalPosition? from, string streamPrefix)
    {
        var options = BaseReadOptions();
        options.All = AllFrom(from);
        options.Subscription = new ReadReq.Types.Options.Types.SubscriptionOptions();
        SetFilter(options, streamPrefix);
        return new ReadReq { Options = options };
    }

    private static ReadReq.Types.Options.Types.AllOptions AllFrom(GlobalPosition? from) => from is { } p
        ? new() { Position = new() { CommitPosition = p.Commit, PreparePosition = p.Prepare } }
        : new() { Start = new Empty() };

    private void SetFilter(ReadReq.Types.Options options, string streamPrefix)
    {
        if (streamPrefix.Length == 0)
        {
            options.NoFilter = new Empty();
            return;
        }
        options.Filter = new ReadReq.Types.Options.Types.FilterOptions
        {
            StreamIdentifier = new ReadReq.Types.Options.Types.FilterOptions.Types.Expression { Prefix = { streamPrefix } },
            Max = _options.FilterSearchWindow,
            CheckpointIntervalMultiplier = _options.CheckpointIntervalMultiplier,
        };
    }

    private static StreamIdentifier StreamIdentifierOf(string streamId) =>
        new() { StreamName = ByteString.CopyFromUtf8(streamId) };

    private static RecordedEvent Map(ReadResp.Types.ReadEvent read)
    {
        var e = read.Event;
        e.Metadata.TryGetValue("type", out var type);
        return new RecordedEvent(
            e.StreamIdentifier.StreamName.ToStringUtf8(),
            (long)e.StreamRevision,
            new GlobalPosition(e.CommitPosition, e.PreparePosition),
            GuidOf(e.Id),
            type ?? "",
            e.Data.ToByteArray(),
            e.CustomMetadata.ToByteArray(),
            CreatedOf(e.Metadata));
    }

    private static Guid GuidOf(UUID? id) => id?.ValueCase switch
    {
        UUID.ValueOneofCase.String => Guid.Parse(id.String),
        UUID.ValueOneofCase.Structured => StructuredGuid(id.Structured),
        _ => Guid.Empty,
    };

    /// <summary>The two halves are the UUID's big-endian bytes, as Java's UUID splits them.</summary>
    private static Guid StructuredGuid(UUID.Types.Structured s)
    {
        Span<byte> bytes = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(bytes, s.MostSignificantBits);
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(bytes[8..], s.LeastSignificantBits);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>"created" is 100 ns ticks since the Unix epoch, as a decimal string.</summary>
    private static DateTimeOffset CreatedOf(IDictionary<string, string> metadata) =>
        metadata.TryGetValue("created", out var text) && long.TryParse(text, out var ticks)
            ? DateTimeOffset.UnixEpoch.AddTicks(ticks)
            : DateTimeOffset.UnixEpoch;

    public void Dispose() => _connection.Dispose();
}
