using Microsoft.Extensions.Logging;
using Platform.BuildingBlocks.ReadModels;

namespace Platform.BuildingBlocks.Hosting;

/// <summary>
/// A <see cref="PeriodicWatcher"/> that finds what fell due with one query on the instance's read model: the query
/// selects the aggregate ids, with <c>$now</c> (an instant as <see cref="SqlValues.Instant(DateTimeOffset)"/>) and
/// <c>$batch</c> as its parameters.
/// </summary>
public abstract class ReadModelWatcher(ReadModelDatabase database, WatcherOptions options, LeadReplicaLease lease, TimeProvider time, ILogger logger)
    : PeriodicWatcher(options, lease, time, logger)
{
    protected abstract string DueQuery { get; }

    protected sealed override IReadOnlyList<Guid> FindDue(DateTimeOffset now, int batchSize)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = DueQuery;
        command.Parameters.AddWithValue("$now", SqlValues.Instant(now));
        command.Parameters.AddWithValue("$batch", batchSize);
        var ids = new List<Guid>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) ids.Add(Guid.Parse(reader.GetString(0)));
        return ids;
    }
}
