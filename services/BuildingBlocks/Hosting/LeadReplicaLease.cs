using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.EventStore;

namespace Platform.BuildingBlocks.Hosting;

public static class LeaseRegistration
{
    /// <summary>The lease that makes one replica of <paramref name="serviceName"/> the lead (settings <c>Lease:*</c>), and its health entry.</summary>
    public static IServiceCollection AddLeadReplicaLease(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        services.AddSingleton(sp => new LeadReplicaLease(sp.GetRequiredService<IEventStore>(), serviceName,
            LeaseOptions.FromConfiguration(configuration), sp.GetRequiredService<ILogger<LeadReplicaLease>>()));
        services.AddHostedService(sp => sp.GetRequiredService<LeadReplicaLease>());
        services.AddHealthChecks().Add(new HealthCheckRegistration(
            LeadReplicaLease.HealthCheckName, sp => sp.GetRequiredService<LeadReplicaLease>(), failureStatus: null, tags: [ServiceDefaults.InformationTag]));
        return services;
    }
}

public sealed record LeaseOptions
{
    /// <summary>How long a lease lasts without renewal: a replica that dies is replaced after at most this plus <see cref="PollInterval"/>.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the lead renews, and how often the others look whether the lease is free.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How soon outbox progress is written to the lease: what a hand-over may publish again.</summary>
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    public static LeaseOptions FromConfiguration(IConfiguration configuration) => new()
    {
        Duration = configuration.GetValue("Lease:Duration", TimeSpan.FromSeconds(10)),
        PollInterval = configuration.GetValue("Lease:PollInterval", TimeSpan.FromSeconds(2)),
        CheckpointInterval = configuration.GetValue("Lease:CheckpointInterval", TimeSpan.FromMilliseconds(250)),
    };
}

/// <summary>One stretch of leading: ends (<see cref="Lost"/>) when the lease is taken over, expires unrenewed, or the host stops.</summary>
public sealed class LeaseTerm
{
    private readonly CancellationTokenSource _lost = new();

    internal LeaseTerm(GlobalPosition? outboxCheckpoint, bool firstEver)
    {
        OutboxCheckpoint = outboxCheckpoint;
        FirstEver = firstEver;
    }

    /// <summary>How far the outbox had published when this term began: every replica continues from the same place.</summary>
    public GlobalPosition? OutboxCheckpoint { get; }

    /// <summary>No replica ever held the lease before: the service's first start on this store (or its first since leases exist).</summary>
    public bool FirstEver { get; }

    public CancellationToken Lost => _lost.Token;

    internal void End() => _lost.Cancel();
}

/// <summary>
/// Makes one replica of a service its lead: the one that publishes the outbox and runs the watchers, so N replicas
/// publish each event once and act on each deadline once. The lease is the last record of the stream
/// <c>leases.{service}</c>: who leads, until when, and how far its outbox has published. Every write is an append at
/// the revision last read, so of two replicas writing at once exactly one wins, and a lead that was replaced finds
/// out at its next write. It runs on the real clock, never the service's business clock (which tests and
/// <c>/dev/clock</c> move), because it measures whether a process is alive.
/// </summary>
public sealed class LeadReplicaLease : BackgroundService, IHealthCheck
{
    public const string EventType = "LeadReplicaLease.v1";
    public const string HealthCheckName = "lead-replica";

    // Truncating every so many writes keeps the stream a few records long however long the service runs.
    private const int TruncateEvery = 64, RecordsKept = 8;

    private readonly IEventStore _store;
    private readonly LeaseOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();

    private long _revision = -1;
    private LeaseRecord? _last;
    private DateTimeOffset _lastWrite;
    private string? _writtenCheckpoint;

    // Guarded by _lock: read by callers on other threads.
    private LeaseTerm? _term;
    private DateTimeOffset _until;
    private GlobalPosition? _progress;
    private TaskCompletionSource<LeaseTerm> _nextTerm = NewTermSignal();

    public LeadReplicaLease(IEventStore store, string serviceName, LeaseOptions options, ILogger<LeadReplicaLease> logger, TimeProvider? clock = null)
    {
        _store = store;
        _options = options;
        _logger = logger;
        _clock = clock ?? TimeProvider.System;
        StreamId = $"leases.{serviceName}";
        Instance = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";
    }

    /// <summary>Outside every service's prefix, so no projection or outbox ever sees the lease's records.</summary>
    public string StreamId { get; }

    /// <summary>This replica's name in the lease: host, process and a random part, new at every start.</summary>
    public string Instance { get; }

    /// <summary>How long a free lease can stay untaken while replicas run: one term and one poll.</summary>
    public TimeSpan TakeOverWithin => _options.Duration + _options.PollInterval;

    public bool IsLead
    {
        get { lock (_lock) return _term is not null && _clock.GetUtcNow() < _until; }
    }

    /// <summary>The lead's instance name as last read, or null when the lease is free.</summary>
    public string? Lead
    {
        get
        {
            var last = _last;
            return last is not null && last.Until > _clock.GetUtcNow() ? last.Holder : null;
        }
    }

    /// <summary>Completes when this replica leads (at once if it does now).</summary>
    public Task<LeaseTerm> WaitForTermAsync(CancellationToken ct)
    {
        lock (_lock)
        {
            if (_term is { } current) return Task.FromResult(current);
            return _nextTerm.Task.WaitAsync(ct);
        }
    }

    /// <summary>The outbox has published up to <paramref name="position"/>; the next write of the lease records it.</summary>
    public void RecordOutboxProgress(GlobalPosition position)
    {
        lock (_lock)
        {
            if (_progress is not { } known || position > known) _progress = position;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception error)
            {
                _logger.LogWarning(error, "Lease {Lease}: the store could not be read or written; trying again", StreamId);
            }
            // Not renewed in time (the store unreachable): stop leading before another replica may start.
            if (IsLeadingPastExpiry()) EndTerm("it expired before it could be renewed");
            try
            {
                await Task.Delay(IsLead ? _options.CheckpointInterval : _options.PollInterval, _clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>A lead that stops hands the lease back at once, so another replica takes over without waiting for expiry.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        LeaseRecord? release = null;
        lock (_lock)
        {
            if (_term is not null) release = new LeaseRecord(Instance, _clock.GetUtcNow(), Format(_progress));
        }
        if (release is null) return;
        EndTerm("the replica is stopping");
        try
        {
            await _store.AppendAsync(StreamId, ExpectedRevision.FromCurrent(_revision), [Serialize(release)], cancellationToken);
            _logger.LogInformation("Lease {Lease} released by {Instance}", StreamId, Instance);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            _logger.LogWarning(error, "Lease {Lease} could not be released; it expires by itself", StreamId);
        }
    }

    private async Task TickAsync(CancellationToken ct)
    {
        var now = _clock.GetUtcNow();
        if (IsLead && !WriteDue(now)) return;

        await foreach (var recorded in _store.ReadStreamAsync(StreamId, _revision + 1, ct))
        {
            _revision = recorded.StreamRevision;
            _last = JsonSerializer.Deserialize<LeaseRecord>(recorded.Data, PlatformJson.Options);
        }

        now = _clock.GetUtcNow();
        var mine = _last?.Holder == Instance;
        if (!mine && _last is not null) EndTerm($"{_last.Holder} holds it now");
        if (!mine && _last is not null && _last.Until > now) return;

        GlobalPosition? checkpoint;
        lock (_lock) checkpoint = _term is not null ? _progress : Parse(_last?.OutboxCheckpoint);
        var record = new LeaseRecord(Instance, now + _options.Duration, Format(checkpoint));
        AppendResult written;
        try
        {
            written = await _store.AppendAsync(StreamId, ExpectedRevision.FromCurrent(_revision), [Serialize(record)], ct);
        }
        catch (WrongExpectedRevisionException)
        {
            EndTerm("another replica wrote it first");
            return;
        }

        var firstEver = _revision < 0;
        _revision = written.CurrentRevision;
        _last = record;
        _lastWrite = now;
        _writtenCheckpoint = record.OutboxCheckpoint;
        lock (_lock)
        {
            // The lease is ours until the instant written, measured from before the append: never longer than others see.
            _until = record.Until;
            if (_term is null) StartTerm(checkpoint, firstEver);
        }
        if (_revision >= RecordsKept && _revision % TruncateEvery == 0)
            await _store.TruncateBeforeAsync(StreamId, _revision - RecordsKept + 1, ct);
    }

    private bool WriteDue(DateTimeOffset now)
    {
        var since = now - _lastWrite;
        if (since >= _options.PollInterval) return true;
        string? progress;
        lock (_lock) progress = Format(_progress);
        return progress != _writtenCheckpoint && since >= _options.CheckpointInterval;
    }

    private bool IsLeadingPastExpiry()
    {
        lock (_lock) return _term is not null && _clock.GetUtcNow() >= _until;
    }

    private void StartTerm(GlobalPosition? checkpoint, bool firstEver)
    {
        var term = new LeaseTerm(checkpoint, firstEver);
        _term = term;
        _progress = checkpoint;
        _nextTerm.TrySetResult(term);
        _nextTerm = NewTermSignal();
        _logger.LogInformation("Lease {Lease}: {Instance} leads, its outbox continuing after {Checkpoint}",
            StreamId, Instance, checkpoint?.ToString() ?? "the start");
    }

    private void EndTerm(string why)
    {
        LeaseTerm? ended;
        lock (_lock)
        {
            ended = _term;
            _term = null;
        }
        if (ended is null) return;
        _logger.LogWarning("Lease {Lease}: {Instance} no longer leads: {Reason}", StreamId, Instance, why);
        ended.End();
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var lead = Lead;
        var data = new Dictionary<string, object> { ["instance"] = Instance, ["lead"] = lead ?? "none", ["isLead"] = IsLead };
        var description = IsLead ? "This replica leads: it publishes the outbox and runs the watchers."
            : lead is null ? "No replica leads at the moment; one takes the lease within seconds."
            : $"{lead} leads.";
        return Task.FromResult(HealthCheckResult.Healthy(description, data));
    }

    private static EventData Serialize(LeaseRecord record) =>
        new(Guid.NewGuid(), EventType, JsonSerializer.SerializeToUtf8Bytes(record, PlatformJson.Options), "{}"u8.ToArray());

    private static string? Format(GlobalPosition? position) => position?.ToString();

    private static GlobalPosition? Parse(string? text) => GlobalPosition.TryParse(text, out var position) ? position : null;

    private static TaskCompletionSource<LeaseTerm> NewTermSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed record LeaseRecord(string Holder, DateTimeOffset Until, string? OutboxCheckpoint);
}
