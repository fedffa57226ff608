using System.Text.Json.Serialization;
using System.Xml;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Projections;

namespace Platform.BuildingBlocks.Hosting;

/// <summary>
/// The domain clock of a Development run: the real clock plus an offset that an integrator moves forward, never back,
/// through <c>POST /dev/clock</c>, so deadlines and SLAs can be tried without waiting for days. Timers and delays keep
/// real time; the offset is kept in a file beside the read model, so a restarted instance goes on from where it was,
/// in step with the instances that kept running.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private readonly TimeProvider _real;
    private readonly string? _file;
    private readonly Lock _gate = new();
    private long _offsetTicks;

    public TestClock(TimeProvider real, string? file = null)
    {
        _real = real;
        _file = file;
        if (file is not null && File.Exists(file))
            _offsetTicks = Math.Max(0, XmlConvert.ToTimeSpan(File.ReadAllText(file).Trim()).Ticks);
    }

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => _real.GetUtcNow() + Offset;

    /// <summary>Moves the clock to <paramref name="target"/> if that is later than now; returns the time after.</summary>
    public DateTimeOffset AdvanceTo(DateTimeOffset target)
    {
        lock (_gate)
        {
            var offset = target - _real.GetUtcNow();
            if (offset > Offset)
            {
                Interlocked.Exchange(ref _offsetTicks, offset.Ticks);
                if (_file is not null)
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
                    File.WriteAllText(_file, XmlConvert.ToString(offset));
                }
            }
            return GetUtcNow();
        }
    }
}

/// <summary>
/// <c>POST /dev/clock</c> asks for <c>advanceBy</c> (an ISO 8601 duration, e.g. <c>PT25H</c>) or <c>advanceTo</c> (an
/// instant: at least this time). The gateway sends every instance the same <c>advanceTo</c>.
/// </summary>
public sealed record ClockAdvance(string? AdvanceBy, DateTimeOffset? AdvanceTo);

/// <param name="Acted">How many overdue items this instance's watchers acted on at once (none on a replica that does not lead).</param>
public sealed record ClockReading(
    DateTimeOffset Now,
    string Offset,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Acted = null);

/// <summary>A checked move: by a positive duration, or to an instant (at least).</summary>
public sealed record ClockMove(TimeSpan? By, DateTimeOffset? To)
{
    public DateTimeOffset From(DateTimeOffset now) => To ?? now + By!.Value;
}

public static class TestClockEndpoints
{
    public const string Path = "/dev/clock";
    public const string SettingKey = "Platform:TestClock";

    /// <summary>The most an integrator may move the clock in one request.</summary>
    public static readonly TimeSpan MaxAdvance = TimeSpan.FromDays(3660);

    /// <summary>Whether this host runs on a <see cref="TestClock"/>: Development only, unless turned off.</summary>
    public static bool Enabled(IHostEnvironment environment, IConfiguration configuration) =>
        environment.IsDevelopment() && configuration.GetValue(SettingKey, true);

    /// <summary>In Development, the domain clock (<see cref="TimeProvider"/>) is a <see cref="TestClock"/>; elsewhere the real clock.</summary>
    public static void AddPlatformClock(this WebApplicationBuilder builder, string serviceName)
    {
        if (Enabled(builder.Environment, builder.Configuration))
        {
            var dataPath = builder.Configuration[EventStoreRegistration.DataPathKey] is { Length: > 0 } data ? data : "./.data";
            var clock = new TestClock(TimeProvider.System, System.IO.Path.Combine(dataPath, serviceName, "test-clock.txt"));
            builder.Services.TryAddSingleton<TimeProvider>(clock);
        }
        builder.Services.TryAddSingleton(TimeProvider.System);
    }

    /// <summary>
    /// <c>GET</c> and <c>POST /dev/clock</c> on a service, in Development only. A move runs this instance's watchers at
    /// once, so what fell due is marked before the answer.
    /// </summary>
    public static void MapTestClock(this IEndpointRouteBuilder app)
    {
        // Only where the test clock is the domain clock: a test that drives a fake clock has no use for it.
        if (app.ServiceProvider.GetService<TimeProvider>() is not TestClock clock) return;
        var group = app.MapGroup(Path).AllowAnonymous().ExcludeFromDescription();
        group.MapGet("", () => Results.Ok(Reading(clock)));
        group.MapPost("", async (ClockAdvance? request, IEnumerable<IHostedService> hosted, ProjectionRegistry projections,
            LeadReplicaLease lease, ILoggerFactory loggers, CancellationToken ct) =>
        {
            var (move, problem) = ParseMove(request);
            if (problem is not null) return problem;
            clock.AdvanceTo(move!.From(clock.GetUtcNow()));
            // Only the lead acts. While nobody holds the lease (just after a start, or a hand-over), let this one take it.
            if (lease.Lead is null)
                await Task.WhenAny(lease.WaitForTermAsync(ct), Task.Delay(lease.TakeOverWithin, ct));
            var acted = 0;
            foreach (var watcher in hosted.OfType<PeriodicWatcher>())
            {
                // The watchers look in the read models: let each see every write made before it, an earlier watcher's too.
                foreach (var projection in projections.All)
                    await projection.CatchUpWithStoreAsync(TimeSpan.FromSeconds(30), ct);
                acted += await watcher.CheckAsync(ct);
            }
            loggers.CreateLogger(typeof(TestClock)).LogInformation(
                "Test clock moved to {Now} (offset {Offset}); the watchers acted on {Acted} items; this instance {Leads}.",
                clock.GetUtcNow(), clock.Offset, acted, lease.IsLead ? "leads" : $"does not lead ({lease.Lead ?? "no lead"})");
            return Results.Ok(Reading(clock) with { Acted = acted });
        });
    }

    /// <summary>The move a request asks for, or a problem naming the field: the gateway checks requests the same way.</summary>
    public static (ClockMove? Move, IResult? Problem) ParseMove(ClockAdvance? request)
    {
        const string Example = "{\"advanceBy\":\"PT25H\"} or {\"advanceTo\":\"2027-01-01T08:00:00+08:00\"}";
        if (request is null || (request.AdvanceBy is null) == (request.AdvanceTo is null))
            return (null, ApiProblems.InvalidField("advanceBy", "clock-move-required",
                $"Give exactly one of advanceBy and advanceTo: {Example}.", StatusCodes.Status400BadRequest));
        if (request.AdvanceTo is { } to) return (new ClockMove(null, to), null);

        TimeSpan by;
        try
        {
            by = XmlConvert.ToTimeSpan(request.AdvanceBy!);
        }
        catch (FormatException)
        {
            return (null, ApiProblems.InvalidField("advanceBy", "duration-invalid",
                $"'{Truncate(request.AdvanceBy!)}' is not a duration such as PT25H or P3D.", StatusCodes.Status400BadRequest));
        }
        catch (OverflowException)
        {
            by = TimeSpan.MaxValue;
        }
        if (by <= TimeSpan.Zero)
            return (null, ApiProblems.InvalidField("advanceBy", "clock-never-goes-back",
                "The clock moves forward only: advanceBy must be a positive duration.", StatusCodes.Status400BadRequest));
        if (by > MaxAdvance)
            return (null, ApiProblems.InvalidField("advanceBy", "duration-too-long",
                $"One move may be at most {MaxAdvance.TotalDays:0} days.", StatusCodes.Status400BadRequest));
        return (new ClockMove(by, null), null);
    }

    private static ClockReading Reading(TestClock clock) => new(clock.GetUtcNow(), XmlConvert.ToString(clock.Offset));

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
