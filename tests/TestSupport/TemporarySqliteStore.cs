using Microsoft.Data.Sqlite;
using Platform.BuildingBlocks.EventStore.Sqlite;

namespace Platform.TestSupport;

/// <summary>A real SQLite event store in its own temp folder, deleted on dispose.</summary>
public sealed class TemporarySqliteStore : IDisposable
{
    public TemporarySqliteStore()
    {
        Folder = Directory.CreateTempSubdirectory("platform-test-").FullName;
        Store = Open();
    }

    public string Folder { get; }

    public string EventsPath => Path.Combine(Folder, "events.db");

    public SqliteEventStore Store { get; }

    /// <summary>Another instance over the same file, as a restarted process would open it.</summary>
    public SqliteEventStore Open() => new(new SqliteEventStoreOptions { Path = EventsPath });

    /// <summary>A path for another file in the same folder (read models, say).</summary>
    public string PathFor(string fileName) => Path.Combine(Folder, fileName);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { }
    }
}
