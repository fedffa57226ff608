using Microsoft.Extensions.Logging;
using Platform.BuildingBlocks.ReadModels;

namespace Platform.BuildingBlocks.Hosting;

/// <summary>
/// A <see cref="PeriodicWatcher"/> that finds what fell due with one query on the instance's read model: the query
/// selects the aggregate ids, with <c>$now</c> (an instant as <see cref="SqlValues.Instant(DateTimeOffset)"/>) and
/// <c>$batch</c> as its parameters, and <c>$today</c> (the day as <see cref="SqlValues.Day"/>) in the watcher's
/// <see cref="Calendar"/> when it has one.
/// </summary>
public abstract class ReadModelWatcher(ReadModelDatabase database, WatcherOptions options, LeadReplicaLease lease, TimeProvider time, ILogger logger)
    : PeriodicWatcher(options, lease, time, logger)
{
    protected abstract string DueQuery { get; }

    /// <summary>The instance's read model, for what a watcher reads beyond the ids (what the command needs to know).</summary>
    protected ReadModelDatabase Database => database;

    /// <summary>The time zone whose day <c>$today</c> is; UTC unless the watcher counts in a calendar of its own.</summary>
    protected virtual TimeZoneInfo Calendar => TimeZoneInfo.Utc;

    protected sealed override IReadOnlyList<Guid> FindDue(DateTimeOffset now, int batchSize)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = DueQuery;
        command.Parameters.AddWithValue("$now", SqlValues.Instant(now));
        command.Parameters.AddWithValue("$batch", batchSize);
        if (command.CommandText.Contains("$today", StringComparison.Ordinal))
            command.Parameters.AddWithValue("$today", SqlValues.Day(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Calendar).DateTime)));
        var ids = new List<Guid>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) ids.Add(Guid.Parse(reader.GetString(0)));
        return ids;
    }
}
