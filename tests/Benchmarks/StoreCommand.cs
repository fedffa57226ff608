using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.EventStore.EventStoreDb;
using Platform.BuildingBlocks.EventStore.Sqlite;

namespace Platform.Benchmarks;

/// <summary>
/// `store [--quick]`: the embedded SQLite store, with power-loss durability (FULL) and with process-crash
/// durability (NORMAL), and EventStoreDB beside them when EVENTSTORE_CONNECTION names a server.
/// </summary>
public static class StoreCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var settings = args.Contains("--quick")
            ? new StoreBenchmarkSettings(WarmupAppends: 50, SingleWriterAppends: 300, AppendsPerConcurrentWriter: 50, CatchUpEvents: 10_000)
            : new StoreBenchmarkSettings();
        Console.WriteLine($"Event store benchmark: {Environment.ProcessorCount} cores, .NET {Environment.Version}, one event (~300 B JSON + metadata) per append");

        foreach (var synchronousFull in new[] { true, false })
        {
            var folder = Directory.CreateTempSubdirectory("platform-bench-").FullName;
            try
            {
                var options = new SqliteEventStoreOptions { Path = Path.Combine(folder, "events.db"), SynchronousFull = synchronousFull };
                var rows = await new StoreBenchmark(() => new SqliteEventStore(options), settings).RunAsync();
                StoreBenchmark.Print($"SQLite, synchronous={(synchronousFull ? "FULL" : "NORMAL")} (WAL), file in {folder}", rows);
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
            }
        }

        if (Environment.GetEnvironmentVariable(EventStoreRegistration.ConnectionEnvironmentVariable) is { Length: > 0 } connection)
        {
            var server = EventStoreDbSettings.Parse(connection);
            var rows = await new StoreBenchmark(() => new EventStoreDbEventStore(server, new EventStoreDbOptions(), null, null), settings).RunAsync();
            StoreBenchmark.Print($"EventStoreDB at {server}", rows);
        }
        else
        {
            Console.WriteLine("EventStoreDB: not measured (set EVENTSTORE_CONNECTION=esdb://host:2113?tls=false to compare).");
        }
        return 0;
    }
}
