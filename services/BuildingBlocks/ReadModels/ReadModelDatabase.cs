using Microsoft.Data.Sqlite;
using Platform.BuildingBlocks.EventStore;

namespace Platform.BuildingBlocks.ReadModels;

/// <summary>
/// A service instance's local SQLite file for query models and subscription checkpoints. Every
/// replica keeps its own, rebuilt from the event store, so reads need no shared database.
/// </summary>
public sealed class ReadModelDatabase
{
    private readonly string _connectionString;

    public ReadModelDatabase(string path)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(fullPath)!);
        Path = fullPath;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 60,
        }.ToString();

        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS checkpoints (
                name    TEXT PRIMARY KEY,
                commit_position  INTEGER NOT NULL,
                prepare_position INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS projection_schemas (
                name    TEXT PRIMARY KEY,
                version INTEGER NOT NULL
            ) WITHOUT ROWID;
            """;
        command.ExecuteNonQuery();
    }

    public string Path { get; }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 60000; PRAGMA foreign_keys = ON;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    /// <summary>Rows of a report or list query, each read by <paramref name="read"/>; a null parameter value is SQL NULL.</summary>
    public List<T> Query<T>(string sql, Func<SqliteDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(read(reader));
        return rows;
    }
}

/// <summary>
/// Subscription checkpoints, read and written on the caller's connection and transaction so that a
/// projection's model writes and its checkpoint commit together.
/// </summary>
public static class Checkpoints
{
    public static GlobalPosition? Load(SqliteConnection connection, SqliteTransaction? transaction, string name)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT commit_position, prepare_position FROM checkpoints WHERE name = $name;";
        command.Parameters.AddWithValue("$name", name);
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return null;
        var position = new GlobalPosition((ulong)reader.GetInt64(0), (ulong)reader.GetInt64(1));
        // An end-of-log marker stored by an earlier version says nothing about where it was: replay from the start
        // (projections and consumers are idempotent) rather than stay deaf.
        return position.IsEnd ? null : position;
    }

    public static void Save(SqliteConnection connection, SqliteTransaction? transaction, string name, GlobalPosition position)
    {
        if (position.IsEnd) throw new ArgumentException("The end-of-log marker is not a position and is never stored.", nameof(position));
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO checkpoints (name, commit_position, prepare_position) VALUES ($name, $commit, $prepare)
            ON CONFLICT (name) DO UPDATE SET commit_position = excluded.commit_position, prepare_position = excluded.prepare_position;
            """;
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$commit", (long)position.Commit);
        command.Parameters.AddWithValue("$prepare", (long)position.Prepare);
        command.ExecuteNonQuery();
    }

    /// <summary>The schema version the model of <paramref name="name"/> was kept by; null when none was recorded.</summary>
    public static int? LoadSchemaVersion(SqliteConnection connection, SqliteTransaction? transaction, string name)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT version FROM projection_schemas WHERE name = $name;";
        command.Parameters.AddWithValue("$name", name);
        return command.ExecuteScalar() is long version ? (int)version : null;
    }

    public static void SaveSchemaVersion(SqliteConnection connection, SqliteTransaction? transaction, string name, int version)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO projection_schemas (name, version) VALUES ($name, $version) ON CONFLICT (name) DO UPDATE SET version = excluded.version;
            """;
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$version", version);
        command.ExecuteNonQuery();
    }

    public static void Delete(SqliteConnection connection, SqliteTransaction? transaction, string name)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM checkpoints WHERE name = $name;";
        command.Parameters.AddWithValue("$name", name);
        command.ExecuteNonQuery();
    }
}
