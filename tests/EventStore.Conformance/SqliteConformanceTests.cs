using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.EventStore.Sqlite;

namespace Platform.EventStore.Conformance;

/// <summary>The conformance suite over the embedded SQLite store, one temp file per test.</summary>
public sealed class SqliteConformanceTests : EventStoreConformance, IDisposable
{
    private readonly TempDatabase _database = new();

    protected override IEventStore OpenStore() => new SqliteEventStore(new SqliteEventStoreOptions { Path = _database.Path });

    public void Dispose() => _database.Dispose();
}

/// <summary>A SQLite file in its own temp folder, removed with its WAL files afterwards.</summary>
public sealed class TempDatabase : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("platform-store-").FullName;

    public string Path => System.IO.Path.Combine(_folder, "events.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}
