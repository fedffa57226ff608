using Microsoft.Data.Sqlite;
using Platform.BuildingBlocks.ReadModels;
using Platform.Complaints.ReadModel;

namespace Platform.Complaints.Tests;

/// <summary>A read-model SQLite file of its own in a temp folder, with the complaint tables, deleted afterwards.</summary>
public sealed class TempReadModel : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "complaints-tests-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<Guid, long> _revisions = new();
    private ulong _position;

    public TempReadModel()
    {
        Database = new ReadModelDatabase(Path.Combine(_folder, "read.db"));
        Connection = Database.Open();
        ComplaintListProjection.EnsureSchema(Connection);
    }

    public ReadModelDatabase Database { get; }
    public SqliteConnection Connection { get; }

    /// <summary>Applies events as the subscription would: in one transaction, each with its stream revision and global position.</summary>
    public void Feed(Guid complaintId, params IEnumerable<object>[] history)
    {
        using var transaction = Connection.BeginTransaction();
        foreach (var @event in history.SelectMany(e => e))
        {
            var revision = _revisions.TryGetValue(complaintId, out var r) ? r + 1 : 0;
            _revisions[complaintId] = revision;
            ComplaintListProjection.Apply(Connection, transaction, @event, complaintId, revision, ++_position);
        }
        transaction.Commit();
    }

    /// <summary>Applies one event again at a revision already applied, as a replay after a crash would.</summary>
    public void Replay(Guid complaintId, object @event, long revision)
    {
        using var transaction = Connection.BeginTransaction();
        ComplaintListProjection.Apply(Connection, transaction, @event, complaintId, revision, _position);
        transaction.Commit();
    }

    public Dictionary<string, object?> Row(Guid complaintId)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = "SELECT * FROM complaint_list WHERE complaint_id = $id;";
        command.Parameters.AddWithValue("$id", complaintId.ToString());
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read(), $"No list row for {complaintId}.");
        return Enumerable.Range(0, reader.FieldCount)
            .ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i));
    }

    public long Scalar(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose()
    {
        Connection.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
