using Microsoft.Data.Sqlite;
using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.Projections;

namespace Platform.Complaints.ReadModel;

/// <summary>Runs <see cref="ComplaintListProjection"/> under the kernel's checkpointed projection runner.</summary>
public sealed class ComplaintListReadModel : IProjection
{
    public string Name => ComplaintListProjection.Name;

    public void EnsureSchema(SqliteConnection connection, SqliteTransaction transaction) =>
        ComplaintListProjection.EnsureSchema(connection, transaction);

    public void Reset(SqliteConnection connection, SqliteTransaction transaction) =>
        ComplaintListProjection.Reset(connection, transaction);

    public void Apply(SqliteConnection connection, SqliteTransaction transaction, RecordedEvent recorded, object @event) =>
        ComplaintListProjection.Apply(connection, transaction, @event,
            ComplaintsService.Streams.IdOf(recorded.StreamId), recorded.StreamRevision, recorded.Position.Commit);
}
