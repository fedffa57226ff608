using System.Diagnostics;
using System.Text;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.EventStore;

namespace Platform.Benchmarks;

public sealed record StoreBenchmarkSettings(int WarmupAppends = 300, int SingleWriterAppends = 3_000, int ConcurrentWriters = 16,
    int AppendsPerConcurrentWriter = 500, int CatchUpEvents = 100_000);

public sealed record BenchmarkRow(string Scenario, long Operations, TimeSpan Elapsed, string Unit, TimeSpan? P50 = null, TimeSpan? P99 = null)
{
    public double PerSecond => Operations / Elapsed.TotalSeconds;
}

/// <summary>
/// Measures any <see cref="IEventStore"/> the same way: the factory opens the store under test, so the
/// EventStoreDB adapter can be measured with this harness too. Every scenario writes under its own
/// stream prefix, so a shared server's other data does not count.
/// </summary>
public sealed class StoreBenchmark(Func<IEventStore> openStore, StoreBenchmarkSettings settings)
{
    private static readonly byte[] Metadata = new EventMetadata(
        Guid.NewGuid(), "corr-0193a4b1c2d3", null, "agent-1042", [Roles.CallCentreAgent], "idem-7f3a9c", "sha256:9a1f0c",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", null, DateTimeOffset.UtcNow).ToBytes();

    public async Task<IReadOnlyList<BenchmarkRow>> RunAsync()
    {
        var store = openStore();
        var rows = new List<BenchmarkRow>();
        await AppendsAsync(store, writers: 1, perWriter: settings.WarmupAppends);
        rows.Add(await AppendsAsync(store, writers: 1, perWriter: settings.SingleWriterAppends));
        await AppendsAsync(store, writers: settings.ConcurrentWriters, perWriter: settings.WarmupAppends / settings.ConcurrentWriters + 1);
        rows.Add(await AppendsAsync(store, settings.ConcurrentWriters, settings.AppendsPerConcurrentWriter));
        rows.Add(await CatchUpAsync(store, settings.CatchUpEvents));
        return rows;
    }

    /// <summary>Each writer appends one event at a time to its own stream, expecting the revision it wrote last.</summary>
    private static async Task<BenchmarkRow> AppendsAsync(IEventStore store, int writers, int perWriter)
    {
        var prefix = $"bench{Guid.NewGuid():N}.";
        var latencies = new TimeSpan[writers * perWriter];
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            await start.Task;
            var stream = $"{prefix}complaint-{w}";
            for (var i = 0; i < perWriter; i++)
            {
                var began = Stopwatch.GetTimestamp();
                await store.AppendAsync(stream, i == 0 ? ExpectedRevision.NoStream : ExpectedRevision.Exactly(i - 1), [NewEvent(w, i)]);
                latencies[w * perWriter + i] = Stopwatch.GetElapsedTime(began);
            }
        })).ToArray();

        var clock = Stopwatch.StartNew();
        start.SetResult();
        await Task.WhenAll(tasks);
        clock.Stop();

        Array.Sort(latencies);
        return new BenchmarkRow($"append, {writers} writer{(writers == 1 ? "" : "s")}", latencies.Length, clock.Elapsed, "appends",
            latencies[latencies.Length / 2], latencies[(int)(latencies.Length * 0.99)]);
    }

    /// <summary>Writes the history in large batches (not measured), then times a subscription from the start to caught-up.</summary>
    private static async Task<BenchmarkRow> CatchUpAsync(IEventStore store, int count)
    {
        var prefix = $"bench{Guid.NewGuid():N}.";
        const int batch = 500;
        for (var i = 0; i < count; i += batch)
        {
            var events = Enumerable.Range(i, Math.Min(batch, count - i)).Select(n => NewEvent(n % 100, n)).ToList();
            await store.AppendAsync($"{prefix}complaint-{i / batch % 100}", ExpectedRevision.Any, events);
        }

        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var received = 0;
        var clock = Stopwatch.StartNew();
        await foreach (var message in store.SubscribeToAllAsync(null, prefix, stop.Token))
        {
            if (message is SubscriptionMessage.Event) received++;
            else if (message is SubscriptionMessage.CaughtUp) break;
        }
        clock.Stop();
        if (received != count) throw new InvalidOperationException($"Catch-up saw {received} of {count} events.");
        return new BenchmarkRow($"catch-up, {count:N0} events", received, clock.Elapsed, "events");
    }

    /// <summary>A complaint registration of realistic size (about 300 bytes of JSON).</summary>
    private static EventData NewEvent(int writer, int index)
    {
        var json = $$"""
            {"complaintId":"0193a4b1-{{writer:x4}}-7c3e-9f21-{{index:x12}}","propertyId":"prop-0042","unitId":"B3-1204","channel":"callCentre","category":"noise","severity":"normal","summary":"Loud renovation work after 22:00 on weekdays, third report this month","receivedAt":"2026-05-01T21:47:13.512+08:00","replyDueAt":"2026-05-02T21:47:13.512+08:00"}
            """;
        return new EventData(Guid.NewGuid(), "ComplaintRegistered.v1", Encoding.UTF8.GetBytes(json), Metadata);
    }

    public static void Print(string title, IReadOnlyList<BenchmarkRow> rows)
    {
        Console.WriteLine();
        Console.WriteLine(title);
        Console.WriteLine($"| {"scenario",-28} | {"count",9} | {"seconds",8} | {"per second",12} | {"p50 ms",7} | {"p99 ms",7} |");
        Console.WriteLine($"|{new string('-', 30)}|{new string('-', 11)}|{new string('-', 10)}|{new string('-', 14)}|{new string('-', 9)}|{new string('-', 9)}|");
        foreach (var row in rows)
        {
            Console.WriteLine($"| {row.Scenario,-28} | {row.Operations,9:N0} | {row.Elapsed.TotalSeconds,8:F2} | {row.PerSecond,8:N0} {ShortUnit(row.Unit)} | " +
                $"{Millis(row.P50),7} | {Millis(row.P99),7} |");
        }
    }

    private static string ShortUnit(string unit) => unit == "appends" ? "ap/s" : "ev/s";

    private static string Millis(TimeSpan? value) => value is { } v ? v.TotalMilliseconds.ToString("F2") : "-";
}
