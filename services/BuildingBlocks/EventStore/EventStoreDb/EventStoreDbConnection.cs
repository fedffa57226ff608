using System.Text;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;
using Platform.BuildingBlocks.EventStore.EventStoreDb.Grpc;

namespace Platform.BuildingBlocks.EventStore.EventStoreDb;

/// <summary>
/// The gRPC channels to the cluster and the choice of node. Every call carries <c>requires-leader: true</c>,
/// so a follower answers <c>not-leader</c> (naming the leader) instead of forwarding: the connection then
/// moves to that leader. An unreachable node moves it to the next host of the connection string.
/// </summary>
internal sealed class EventStoreDbConnection : IDisposable
{
    // The largest event EventStoreDB accepts is 16 MiB; leave room for the envelope.
    private const int MaxMessageSize = 17 * 1024 * 1024;

    private readonly EventStoreDbSettings _settings;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<EventStoreDbEndpoint, GrpcChannel> _channels = [];
    private readonly string? _authorization;
    private EventStoreDbEndpoint _current;
    private int _seedIndex;
    private bool _disposed;

    public EventStoreDbConnection(EventStoreDbSettings settings, ILogger logger)
    {
        if (settings.Endpoints.Count == 0) throw new ArgumentException("At least one EventStoreDB host is needed.", nameof(settings));
        _settings = settings;
        _logger = logger;
        _current = settings.Endpoints[0];
        if (settings.UserName is not null)
            _authorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.UserName}:{settings.Password}"));
    }

    /// <summary>A redirect and a try on every seed, with one to spare.</summary>
    public int MaxAttempts => _settings.Endpoints.Count + 2;

    public EventStoreDbEndpoint Current
    {
        get { lock (_gate) return _current; }
    }

    public (EventStoreDbEndpoint Endpoint, Streams.StreamsClient Client) Connect()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            // Channels stay open per node: a subscription may still be using the one we move away from.
            if (!_channels.TryGetValue(_current, out var channel))
            {
                channel = CreateChannel(_current);
                _channels[_current] = channel;
            }
            return (_current, new Streams.StreamsClient(channel));
        }
    }

    public CallOptions Options(CancellationToken ct, bool withDeadline)
    {
        var headers = new Metadata { { "requires-leader", "true" } };
        if (_authorization is not null) headers.Add("authorization", _authorization);
        if (_settings.ConnectionName is not null) headers.Add("connection-name", _settings.ConnectionName);
        DateTime? deadline = withDeadline && _settings.DefaultDeadline != Timeout.InfiniteTimeSpan
            ? DateTime.UtcNow + _settings.DefaultDeadline
            : null;
        return new CallOptions(headers, deadline, ct);
    }

    /// <summary>
    /// After a failed call on <paramref name="failed"/>: moves to the named leader or to the next host and
    /// says whether trying again can help. A follower's not-leader answer wrote nothing; a connection lost
    /// mid-append may have written, and the retry is then absorbed by EventStoreDB's idempotence on event ids.
    /// </summary>
    public bool TryRecover(EventStoreDbEndpoint failed, RpcException ex)
    {
        if (ex.Leader() is { } leader)
        {
            lock (_gate)
            {
                if (_current == failed) _current = leader;
            }
            _logger.LogInformation("EventStoreDB node {Node} is not the leader; moving to {Leader}", failed, leader);
            return true;
        }
        if (ex.StatusCode != StatusCode.Unavailable) return false;
        lock (_gate)
        {
            if (_current == failed)
            {
                _seedIndex = (_seedIndex + 1) % _settings.Endpoints.Count;
                _current = _settings.Endpoints[_seedIndex];
            }
        }
        _logger.LogWarning("EventStoreDB node {Node} is unavailable ({Detail}); trying {Next}", failed, ex.Status.Detail, Current);
        return true;
    }

    /// <summary>Runs a call on the current node, following the leader and moving past unreachable hosts.</summary>
    public async Task<T> CallAsync<T>(
        Func<Streams.StreamsClient, CallOptions, EventStoreDbEndpoint, Task<T>> call,
        string? streamId, bool withDeadline, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (endpoint, client) = Connect();
            try
            {
                return await call(client, Options(ct, withDeadline), endpoint);
            }
            catch (Exception error) when (EventStoreDbErrors.AsRpc(error) is { } ex && !ct.IsCancellationRequested && attempt < MaxAttempts && TryRecover(endpoint, ex))
            {
            }
            catch (Exception error) when (EventStoreDbErrors.AsRpc(error) is { } ex)
            {
                throw EventStoreDbErrors.Translate(ex, streamId, ct);
            }
        }
    }

    private GrpcChannel CreateChannel(EventStoreDbEndpoint endpoint)
    {
        var handler = new SocketsHttpHandler
        {
            // HTTP/2 pings find a dead connection under a quiet subscription, which would otherwise wait forever.
            KeepAlivePingDelay = AtLeastOneSecond(_settings.KeepAliveInterval),
            KeepAlivePingTimeout = AtLeastOneSecond(_settings.KeepAliveTimeout),
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always,
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            ConnectTimeout = _settings.DefaultDeadline,
        };
        if (!_settings.VerifyCertificate)
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;

        return GrpcChannel.ForAddress(endpoint.ToUri(_settings.UseTls), new GrpcChannelOptions
        {
            HttpHandler = handler,
            DisposeHttpClient = true,
            // Off: when on, an exceeded deadline also surfaces as OperationCanceledException. Translate tells them apart.
            ThrowOperationCanceledOnCancellation = false,
            MaxReceiveMessageSize = MaxMessageSize,
            MaxSendMessageSize = MaxMessageSize,
        });
    }

    /// <summary>SocketsHttpHandler refuses ping settings under a second.</summary>
    private static TimeSpan AtLeastOneSecond(TimeSpan value) =>
        value == Timeout.InfiniteTimeSpan || value >= TimeSpan.FromSeconds(1) ? value : TimeSpan.FromSeconds(1);

    public void Dispose()
    {
        List<GrpcChannel> channels;
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            channels = [.. _channels.Values];
            _channels.Clear();
        }
        foreach (var channel in channels) channel.Dispose();
    }
}
