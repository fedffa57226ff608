using System.Diagnostics.Metrics;
using Platform.BuildingBlocks.EventSourcing;

namespace Platform.BuildingBlocks.Hosting;

/// <summary>
/// The platform's own instruments, exported at <c>/metrics</c> beside ASP.NET Core's and MassTransit's: command
/// outcomes per command type, what the outbox published and parked, the events each projection applied and whether it
/// has caught up, and what the watchers did. Names follow OpenTelemetry; Prometheus sees them as
/// <c>platform_commands_total</c> and so on.
/// </summary>
public static class PlatformMetrics
{
    public const string MeterName = "Platform";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Commands = Meter.CreateCounter<long>("platform.commands", description:
        "Commands handled, by command type and outcome: accepted (stored), unchanged (nothing to store, or a repeat), rejected (by a rule; reason is its code), conflict.");

    private static readonly Counter<long> Published = Meter.CreateCounter<long>("platform.outbox.published", description: "Integration events the outbox published, by message type.");

    private static readonly Counter<long> Parked = Meter.CreateCounter<long>("platform.outbox.parked", description: "Stored events the outbox could not publish and parked for an operator.");

    private static readonly Counter<long> Projected = Meter.CreateCounter<long>("platform.projection.events", description: "Events each projection applied.");

    private static readonly Counter<long> WatcherActions = Meter.CreateCounter<long>("platform.watcher.actions",
        description: "What the watchers did to items that fell due: acted, or parked after repeated failures.");

    public static void Command<TState>(object command, CommandOutcome<TState> outcome)
    {
        var (result, reason) = outcome switch
        {
            CommandOutcome<TState>.Done { Appended: true } => ("accepted", null),
            CommandOutcome<TState>.Done or CommandOutcome<TState>.Repeated => ("unchanged", null),
            CommandOutcome<TState>.PreconditionFailed => ("conflict", "revision-mismatch"),
            CommandOutcome<TState>.Rejected { Rejection.Code: "concurrent-update" } => ("conflict", "concurrent-update"),
            CommandOutcome<TState>.Rejected rejected => ("rejected", rejected.Rejection.Code),
            _ => ("rejected", "idempotency-key-reused"),
        };
        Commands.Add(1, new("command", command.GetType().Name), new("outcome", result), new("reason", reason ?? ""));
    }

    public static void OutboxPublished(object message) => Published.Add(1, new KeyValuePair<string, object?>("message", message.GetType().Name));

    public static void OutboxParked() => Parked.Add(1);

    public static void ProjectionApplied(string projection, int events) => Projected.Add(events, new KeyValuePair<string, object?>("projection", projection));

    public static void WatcherActed(string watcher, string outcome) =>
        WatcherActions.Add(1, new("watcher", watcher), new("outcome", outcome));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Func<bool>> Projections = new();

    private static readonly ObservableGauge<int> ProjectionsCaughtUp = Meter.CreateObservableGauge("platform.projection.caught_up",
        () => Projections.Select(p => new Measurement<int>(p.Value() ? 1 : 0, new KeyValuePair<string, object?>("projection", p.Key))),
        description: "1 once the projection has caught up with the store since it started or was rebuilt, else 0: a stalled replay stays at 0.");

    /// <summary>Reports whether <paramref name="projection"/> has caught up, for the gauge <c>platform.projection.caught_up</c>.</summary>
    public static void TrackProjection(string projection, Func<bool> caughtUp) => Projections[projection] = caughtUp;
}
