using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.ReadModels;
using Platform.TestSupport;

namespace Platform.BuildingBlocks.Tests;

/// <summary>EventStoreDB's end-of-log marker is never a position: taken for one, a subscription goes deaf on a new node.</summary>
public sealed class CheckpointTests : IDisposable
{
    private readonly TempDirectory _folder = new("checkpoints");

    [Fact]
    public void The_end_of_log_marker_is_never_stored_as_a_checkpoint()
    {
        var database = new ReadModelDatabase(_folder.File("read-model.db"));
        using var connection = database.Open();

        Assert.True(GlobalPosition.End.IsEnd);
        Assert.Throws<ArgumentException>(() => Checkpoints.Save(connection, null, "outbox", GlobalPosition.End));
        Assert.Null(Checkpoints.Load(connection, null, "outbox"));
    }

    [Fact]
    public void An_end_of_log_marker_stored_by_an_earlier_version_reads_as_from_the_start()
    {
        var database = new ReadModelDatabase(_folder.File("read-model.db"));
        using var connection = database.Open();
        using (var command = connection.CreateCommand())
        {
            // As the earlier version wrote it: both parts 2^64-1, stored as signed integers.
            command.CommandText = "INSERT INTO checkpoints (name, commit_position, prepare_position) VALUES ('complaint-list', -1, -1);";
            command.ExecuteNonQuery();
        }

        Assert.Null(Checkpoints.Load(connection, null, "complaint-list"));
        Checkpoints.Save(connection, null, "complaint-list", GlobalPosition.Of(42));
        Assert.Equal(GlobalPosition.Of(42), Checkpoints.Load(connection, null, "complaint-list"));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
