using Microsoft.Data.Sqlite;

namespace Platform.BuildingBlocks.ReadModels;

/// <summary>
/// One aggregate's row in a read model, written forward only: the row remembers the stream revision it reflects, and a
/// change is applied only while the row is behind it, so an event applied twice (a replay, a redelivery) changes nothing.
/// Parameters: <c>$id</c>, <c>$revision</c> and <c>$position</c> are always set; the values follow as <c>$a</c>, <c>$b</c>, ….
/// </summary>
public sealed class RevisionGuardedRow(
    SqliteConnection connection, SqliteTransaction transaction, string table, string idColumn, string id, long revision, ulong position)
{
    /// <summary>Creates the row; one that exists already stays as it is.</summary>
    public void Insert(params (string Column, object? Value)[] values)
    {
        var columns = string.Join(", ", values.Select(v => v.Column));
        var parameters = string.Join(", ", values.Select((_, i) => Name(i)));
        Execute($"""
            INSERT INTO {table} ({idColumn}, {columns}, revision, position) VALUES ($id, {parameters}, $revision, $position)
            ON CONFLICT ({idColumn}) DO NOTHING;
            """, [.. values.Select(v => v.Value)]);
    }

    /// <summary>Applies <paramref name="set"/> (null: only the revision) if the row is behind this event; says whether it was.</summary>
    public bool Update(string? set, params object?[] values)
    {
        var assignments = set is null ? "" : set + ", ";
        using var command = Command($"""
            UPDATE {table} SET {assignments}revision = $revision, position = $position
            WHERE {idColumn} = $id AND revision < $revision;
            """, values);
        return command.ExecuteNonQuery() > 0;
    }

    /// <summary>A statement on a side table, run when <see cref="Update"/> said the event is new to the row.</summary>
    public void Execute(string sql, params object?[] values)
    {
        using var command = Command(sql, values);
        command.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, object?[] values)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$revision", revision);
        command.Parameters.AddWithValue("$position", checked((long)position));
        for (var i = 0; i < values.Length; i++)
            command.Parameters.AddWithValue(Name(i), values[i] switch
            {
                null => DBNull.Value,
                bool b => b ? 1 : 0,
                var value => value,
            });
        return command;
    }

    private static string Name(int index) => "$" + (char)('a' + index);

    /// <summary>Runs a statement without parameters in the projection's transaction: a schema, a reset.</summary>
    public static void Run(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
