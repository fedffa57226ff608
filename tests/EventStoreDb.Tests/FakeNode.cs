using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.BuildingBlocks.EventStore.EventStoreDb;
using Platform.BuildingBlocks.EventStore.EventStoreDb.Grpc;

namespace Platform.EventStoreDb.Tests;

public sealed record ReceivedAppend(AppendReq.Types.Options Options, IReadOnlyList<AppendReq.Types.ProposedMessage> Events, Metadata Headers);

public sealed record ReceivedRead(ReadReq Request, Metadata Headers);

public delegate Task ReadScript(ReadReq request, IServerStreamWriter<ReadResp> responses, ServerCallContext context);

/// <summary>
/// An in-process stand-in for one EventStoreDB node: Kestrel on a random loopback port speaking h2c,
/// serving the Streams service generated from the adapter's own protos. Each test scripts its answers.
/// </summary>
public sealed class FakeNode : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReadScript> _readScripts = new();
    private int _cancelledReads;

    private FakeNode(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }
    public EventStoreDbEndpoint Endpoint => new("127.0.0.1", Port);
    public string ConnectionString => $"esdb://127.0.0.1:{Port}?tls=false";

    public ConcurrentQueue<ReceivedAppend> Appends { get; } = new();
    public ConcurrentQueue<ReceivedRead> Reads { get; } = new();

    /// <summary>Answers every append; the default accepts it at revision (events - 1).</summary>
    public Func<ReceivedAppend, ServerCallContext, AppendResp> OnAppend { get; set; } = (append, _) => new AppendResp
    {
        Success = new AppendResp.Types.Success
        {
            CurrentRevision = (ulong)append.Events.Count - 1,
            Position = new AppendResp.Types.Position { CommitPosition = 1, PreparePosition = 1 },
        },
    };

    /// <summary>Answers reads once the queued one-off scripts are used up.</summary>
    public ReadScript OnRead { get; set; } = (_, _, _) => Task.CompletedTask;

    /// <summary>Queues a script for the next read call only; calls after the queue empties use <see cref="OnRead"/>.</summary>
    public FakeNode ThenRead(ReadScript script)
    {
        _readScripts.Enqueue(script);
        return this;
    }

    /// <param name="certificate">Serve TLS with it (HTTP/2 negotiated by ALPN); null for h2c.</param>
    public static async Task<FakeNode> StartAsync(X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, l =>
        {
            l.Protocols = HttpProtocols.Http2;
            if (certificate is not null) l.UseHttps(certificate);
        }));
        builder.Services.AddGrpc();
        var holder = new NodeHolder();
        builder.Services.AddSingleton(holder);
        var app = builder.Build();
        app.MapGrpcService<FakeStreamsService>();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var node = new FakeNode(app, new Uri(address).Port);
        holder.Node = node;
        return node;
    }

    /// <summary>A throwaway certificate for 127.0.0.1 that no client trusts.</summary>
    public static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Kestrel on Linux needs the key in a form it can hand to OpenSSL: round-trip through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    /// <summary>A loopback port with nothing listening: connecting to it is refused at once.</summary>
    public static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    internal async Task<AppendResp> HandleAppendAsync(IAsyncStreamReader<AppendReq> requests, ServerCallContext context)
    {
        AppendReq.Types.Options? options = null;
        var events = new List<AppendReq.Types.ProposedMessage>();
        await foreach (var request in requests.ReadAllAsync(context.CancellationToken))
        {
            if (request.ContentCase == AppendReq.ContentOneofCase.Options) options = request.Options;
            else events.Add(request.ProposedMessage);
        }
        var received = new ReceivedAppend(options ?? throw new RpcException(new Status(StatusCode.InvalidArgument, "no options")), events, context.RequestHeaders);
        Appends.Enqueue(received);
        return OnAppend(received, context);
    }

    internal async Task HandleReadAsync(ReadReq request, IServerStreamWriter<ReadResp> responses, ServerCallContext context)
    {
        Reads.Enqueue(new ReceivedRead(request, context.RequestHeaders));
        var script = _readScripts.TryDequeue(out var next) ? next : OnRead;
        try
        {
            await script(request, responses, context);
        }
        finally
        {
            if (context.CancellationToken.IsCancellationRequested) Interlocked.Increment(ref _cancelledReads);
        }
    }

    /// <summary>Read calls that ended because the client went away.</summary>
    public int CancelledReads => Volatile.Read(ref _cancelledReads);

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stopping.Token);
        await _app.DisposeAsync();
    }

    private sealed class NodeHolder
    {
        public FakeNode? Node { get; set; }
    }

    private sealed class FakeStreamsService(NodeHolder holder) : Streams.StreamsBase
    {
        public override Task<AppendResp> Append(IAsyncStreamReader<AppendReq> requestStream, ServerCallContext context) =>
            holder.Node!.HandleAppendAsync(requestStream, context);

        public override Task Read(ReadReq request, IServerStreamWriter<ReadResp> responseStream, ServerCallContext context) =>
            holder.Node!.HandleReadAsync(request, responseStream, context);
    }
}

/// <summary>Builders for what a node says, and the trailers of its refusals.</summary>
public static class Wire
{
    public static ReadResp Event(
        string stream, long revision, ulong commit, ulong prepare, string type = "Thing.v1", Guid? id = null,
        string data = "{}", string metadata = "{\"correlationId\":\"c\"}", long createdTicks = 0)
    {
        var recorded = new ReadResp.Types.ReadEvent.Types.RecordedEvent
        {
            Id = new UUID { String = (id ?? Guid.NewGuid()).ToString() },
            StreamIdentifier = new StreamIdentifier { StreamName = ByteString.CopyFromUtf8(stream) },
            StreamRevision = (ulong)revision,
            CommitPosition = commit,
            PreparePosition = prepare,
            Data = ByteString.CopyFromUtf8(data),
            CustomMetadata = ByteString.CopyFromUtf8(metadata),
        };
        recorded.Metadata["type"] = type;
        recorded.Metadata["content-type"] = "application/json";
        recorded.Metadata["created"] = createdTicks.ToString();
        return new ReadResp { Event = new ReadResp.Types.ReadEvent { Event = recorded, CommitPosition = commit } };
    }

    public static ReadResp Confirmation() => new() { Confirmation = new ReadResp.Types.SubscriptionConfirmation { SubscriptionId = Guid.NewGuid().ToString() } };

    public static ReadResp Checkpoint(ulong commit, ulong prepare) => new() { Checkpoint = new ReadResp.Types.Checkpoint { CommitPosition = commit, PreparePosition = prepare } };

    public static ReadResp CaughtUp() => new() { CaughtUp = new ReadResp.Types.CaughtUp() };

    public static ReadResp StreamNotFound(string stream) => new()
    {
        StreamNotFound = new ReadResp.Types.StreamNotFound { StreamIdentifier = new StreamIdentifier { StreamName = ByteString.CopyFromUtf8(stream) } },
    };

    public static RpcException Refusal(StatusCode status, string exception, params (string Key, string Value)[] more)
    {
        var trailers = new Metadata { { "exception", exception } };
        foreach (var (key, value) in more) trailers.Add(key, value);
        return new RpcException(new Status(status, exception), trailers);
    }

    public static RpcException NotLeader(FakeNode leader) => Refusal(
        StatusCode.NotFound, "not-leader", ("leader-endpoint-host", "127.0.0.1"), ("leader-endpoint-port", leader.Port.ToString()));

    /// <summary>Writes the answers in order, then keeps the call open until the client goes away.</summary>
    public static ReadScript ThenHold(params ReadResp[] responses) => async (_, writer, context) =>
    {
        foreach (var response in responses) await writer.WriteAsync(response);
        try { await Task.Delay(Timeout.Infinite, context.CancellationToken); }
        catch (OperationCanceledException) { }
    };

    /// <summary>Writes the answers in order, then ends the call normally.</summary>
    public static ReadScript ThenEnd(params ReadResp[] responses) => async (_, writer, _) =>
    {
        foreach (var response in responses) await writer.WriteAsync(response);
    };

    /// <summary>Writes the answers in order, then fails the call with <paramref name="error"/>.</summary>
    public static ReadScript ThenFail(RpcException error, params ReadResp[] responses) => async (_, writer, _) =>
    {
        foreach (var response in responses) await writer.WriteAsync(response);
        throw error;
    };
}
