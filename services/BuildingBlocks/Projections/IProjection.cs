using Microsoft.Data.Sqlite;
using Platform.BuildingBlocks.EventStore;

namespace Platform.BuildingBlocks.Projections;

/// <summary>
/// A query model kept in the instance's read-model database. Every method runs on the runner's
/// connection and transaction, which also carries the checkpoint, so model and checkpoint commit together.
/// </summary>
public interface IProjection
{
    /// <summary>Stable name: the checkpoint's key and what an operator names to rebuild it.</summary>
    string Name { get; }

    /// <summary>
    /// The version of the projection's tables. Raise it when they change: at start, a model kept by another version is
    /// reset (<see cref="Reset"/>, which must then work on the older tables) and replayed from the first event.
    /// </summary>
    int SchemaVersion => 1;

    /// <summary>Creates the projection's tables if missing. Runs at every start and after a reset.</summary>
    void EnsureSchema(SqliteConnection connection, SqliteTransaction transaction);

    /// <summary>Drops or clears the projection's tables, ahead of a replay from the start.</summary>
    void Reset(SqliteConnection connection, SqliteTransaction transaction);

    /// <summary>Applies one event (already upcast to its current type). Throwing rolls back the whole batch.</summary>
    void Apply(SqliteConnection connection, SqliteTransaction transaction, RecordedEvent recorded, object @event);
}
