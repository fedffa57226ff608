using Grpc.Core;

namespace Platform.BuildingBlocks.EventStore.EventStoreDb;

/// <summary>
/// A failure EventStoreDB reported (or the node could not be reached). <see cref="Code"/> is the server's
/// <c>exception</c> trailer (<c>access-denied</c>, <c>missing-required-metadata-property</c>,
/// <c>maximum-append-size-exceeded</c>, <c>not-leader</c>...) or the gRPC status in kebab case when there is none.
/// </summary>
public class EventStoreDbException(string code, StatusCode status, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public string Code { get; } = code;
    public StatusCode Status { get; } = status;
}

/// <summary>The stream was tombstoned: it can never be read or written again.</summary>
public sealed class StreamDeletedException(string streamId, Exception? inner = null)
    : EventStoreDbException(EventStoreDbErrors.StreamDeleted, StatusCode.FailedPrecondition, $"Stream '{streamId}' has been deleted.", inner)
{
    public string StreamId { get; } = streamId;
}

internal static class EventStoreDbErrors
{
    public const string StreamDeleted = "stream-deleted";
    public const string NotLeader = "not-leader";
    public const string ExceptionTrailer = "exception";
    public const string LeaderHostTrailer = "leader-endpoint-host";
    public const string LeaderPortTrailer = "leader-endpoint-port";

    public static string? ExceptionCode(this RpcException ex) => ex.Trailers.GetValue(ExceptionTrailer);

    /// <summary>The leader a follower named in its <c>not-leader</c> answer, if it named one.</summary>
    public static EventStoreDbEndpoint? Leader(this RpcException ex)
    {
        if (ex.ExceptionCode() != NotLeader) return null;
        var host = ex.Trailers.GetValue(LeaderHostTrailer);
        return !string.IsNullOrEmpty(host) && int.TryParse(ex.Trailers.GetValue(LeaderPortTrailer), out var port)
            ? new EventStoreDbEndpoint(host, port)
            : null;
    }

    /// <summary>
    /// The call's failure as gRPC status: an <see cref="RpcException"/> as it is, and a connection that broke while a
    /// response was being read (seen: <c>HttpIOException: ResponseEnded</c> when a leader was killed), which the gRPC
    /// client does not always wrap, as Unavailable. Anything else is not a call failure: null.
    /// </summary>
    public static RpcException? AsRpc(Exception error) => error switch
    {
        RpcException rpc => rpc,
        IOException or HttpRequestException => new RpcException(new Status(StatusCode.Unavailable, $"The connection to the node broke: {error.Message}", error)),
        _ => null,
    };

    /// <summary>Turns what the server said into the exception callers handle.</summary>
    public static Exception Translate(RpcException ex, string? streamId, CancellationToken ct)
    {
        if (ct.IsCancellationRequested) return new OperationCanceledException("The EventStoreDB call was cancelled.", ex, ct);
        var code = ex.ExceptionCode();
        if (code == StreamDeleted) return new StreamDeletedException(streamId ?? "?", ex);
        if (ex.StatusCode == StatusCode.DeadlineExceeded)
            return new TimeoutException($"EventStoreDB did not answer in time{(streamId is null ? "" : $" (stream '{streamId}')")}.", ex);
        code ??= KebabCase(ex.StatusCode);
        var detail = string.IsNullOrEmpty(ex.Status.Detail) ? "" : $": {ex.Status.Detail}";
        return new EventStoreDbException(
            code, ex.StatusCode,
            $"EventStoreDB refused the call{(streamId is null ? "" : $" on stream '{streamId}'")} ({code}){detail}", ex);
    }

    private static string KebabCase(StatusCode status) => status switch
    {
        StatusCode.Unavailable => "unavailable",
        StatusCode.PermissionDenied => "access-denied",
        StatusCode.Unauthenticated => "not-authenticated",
        _ => string.Concat(status.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString())),
    };
}
