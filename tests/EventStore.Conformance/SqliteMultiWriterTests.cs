using Platform.TestSupport;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.EventStore.Sqlite;
using static Platform.EventStore.Conformance.Conformance;

namespace Platform.EventStore.Conformance;

/// <summary>
/// What only the embedded store has to prove: several OS processes and threads share one file, and
/// the global order stays gap-free and in commit order for every reader.
/// </summary>
public sealed class SqliteMultiWriterTests : IDisposable
{
    private const int PerWriter = 1_000;
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task Writers_in_two_other_processes_and_in_process_share_one_file_and_every_event_lands_once()
    {
        var prefix = NewPrefix();
        var store = new SqliteEventStore(new SqliteEventStoreOptions { Path = _database.Path });
        string[] processWriters = ["proc-a", "proc-b"], localWriters = ["local-a", "local-b"];

        var processes = processWriters.Select(name => RunWriterProcessAsync(prefix, name, PerWriter)).ToArray();
        await UntilWritingAsync(store, prefix, processWriters);
        var locals = localWriters.Select(name => Task.Run(() => WriteAsync(store, prefix, name, PerWriter))).ToArray();
        await Task.WhenAll([.. processes, .. locals]);

        var all = await store.ReadAllToListAsync(prefix);
        AssertEveryWriteOnce(all, [.. processWriters, .. localWriters]);
        AssertStrictlyIncreasing(all);
        AssertContiguousRevisions(all);
    }

    [Fact]
    public async Task A_subscriber_during_concurrent_appends_never_skips_an_event_that_commits_late()
    {
        var prefix = NewPrefix();
        var store = new SqliteEventStore(new SqliteEventStoreOptions { Path = _database.Path });
        string[] processWriters = ["proc-a"], localWriters = ["local-a", "local-b", "local-c", "local-d"];
        var total = (processWriters.Length + localWriters.Length) * PerWriter;

        // The subscriber starts first, so it reads while writers in this and another process commit.
        await using var probe = new SubscriptionProbe(store, null, prefix);
        var processes = processWriters.Select(name => RunWriterProcessAsync(prefix, name, PerWriter)).ToArray();
        await UntilWritingAsync(store, prefix, processWriters);
        var locals = localWriters.Select(name => Task.Run(() => WriteAsync(store, prefix, name, PerWriter))).ToArray();

        var received = new List<RecordedEvent>(total);
        await probe.CollectAsync(received, total, TimeSpan.FromMinutes(3));
        await Task.WhenAll([.. processes, .. locals]);

        AssertEveryWriteOnce(received, [.. processWriters, .. localWriters]);
        AssertStrictlyIncreasing(received);
        Assert.Equal((await store.ReadAllToListAsync(prefix)).Select(e => e.EventId), received.Select(e => e.EventId));
    }

    /// <summary>Waits until each writer process has committed something, so the in-process writers overlap with them.</summary>
    private static async Task UntilWritingAsync(IEventStore store, string prefix, IReadOnlyList<string> writers)
    {
        await Eventually.UntilAsync(async () =>
        {
            var seen = (await store.ReadAllToListAsync(prefix)).Select(e => WriteOf(e).Writer).ToHashSet();
            return writers.All(seen.Contains);
        }, TimeSpan.FromMinutes(1), "each writer process should commit something");
    }

    /// <summary>The same appends the Writer process makes, from this process.</summary>
    private static async Task WriteAsync(IEventStore store, string prefix, string writer, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var data = Encoding.UTF8.GetBytes($$"""{"writer":"{{writer}}","index":{{i}}}""");
            await store.AppendAsync($"{prefix}shared-{i % 4}", ExpectedRevision.Any, [new EventData(Guid.NewGuid(), "Written.v1", data, [])]);
        }
    }

    private async Task RunWriterProcessAsync(string prefix, string writer, int count)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Platform.EventStore.Conformance.Writer.dll");
        Assert.True(File.Exists(dll), $"the writer is built beside the tests: {dll}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { dll, _database.Path, prefix, writer, count.ToString() })
            start.ArgumentList.Add(argument);

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"writer {writer} did not finish in time");
        }
        Assert.True(process.ExitCode == 0, $"writer {writer} exited {process.ExitCode}: {await stderr}{await stdout}");
    }

    private static void AssertEveryWriteOnce(IReadOnlyList<RecordedEvent> events, IReadOnlyList<string> writers)
    {
        var written = events.Select(WriteOf).ToList();
        var expected = writers.SelectMany(w => Enumerable.Range(0, PerWriter).Select(i => (Writer: w, Index: i)));

        Assert.Equal(written.Count, written.Distinct().Count());
        Assert.Equal(expected.Order(), written.Order());
    }

    private static (string Writer, int Index) WriteOf(RecordedEvent recorded)
    {
        using var json = JsonDocument.Parse(recorded.Data);
        return (json.RootElement.GetProperty("writer").GetString()!, json.RootElement.GetProperty("index").GetInt32());
    }

    public void Dispose() => _database.Dispose();
}
