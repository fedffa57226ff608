using Platform.Complaints.Api;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Hosting;
using Platform.BuildingBlocks.ReadModels;
using Platform.Complaints.Features;
using Platform.Complaints.ReadModel;

namespace Platform.Complaints.Deadlines;

public sealed record DeadlineWatcherOptions(TimeSpan Interval, int BatchSize)
{
    public static DeadlineWatcherOptions FromConfiguration(IConfiguration configuration) => new(
        configuration.GetValue("Complaints:DeadlineWatcher:Interval", TimeSpan.FromSeconds(30)),
        configuration.GetValue("Complaints:DeadlineWatcher:BatchSize", 200));
}

/// <summary>
/// Looks in the read model for complaints whose reply, resolve or follow-up deadline has passed unmet and
/// issues <see cref="MarkDeadlineMissed"/> for each. The decider decides on the stream itself, so a stale
/// read model or two watchers at once cannot mark a deadline twice.
/// </summary>
public sealed class DeadlineWatcher(
    ReadModelDatabase database,
    ComplaintCommandsForSystem commands,
    DeadlineWatcherOptions options,
    TimeProvider time,
    ILogger<DeadlineWatcher> logger) : PeriodicWatcher(options.Interval, time, logger)
{
    public override async Task<int> CheckAsync(CancellationToken ct)
    {
        var now = Time.GetUtcNow();
        var due = FindDue(now);
        foreach (var complaintId in due)
            await commands.MarkDeadlineMissedAsync(complaintId, ct);
        if (due.Count > 0) logger.LogInformation("Marked missed deadlines on {Count} complaints.", due.Count);
        return due.Count;
    }

    private List<Guid> FindDue(DateTimeOffset now)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT complaint_id FROM complaint_list
            WHERE status <> 'closed' AND (
                (overdue_reply = 0 AND replied_at IS NULL AND reply_due_at <= $now)
             OR (overdue_resolve = 0 AND status NOT IN ('resolved', 'closed') AND resolve_due_at IS NOT NULL AND resolve_due_at <= $now)
             OR (overdue_follow_up = 0 AND status = 'resolved' AND follow_up_due_at IS NOT NULL AND follow_up_due_at <= $now))
            LIMIT $batch;
            """;
        command.Parameters.AddWithValue("$now", ComplaintListProjection.Instant(now));
        command.Parameters.AddWithValue("$batch", options.BatchSize);
        var ids = new List<Guid>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) ids.Add(Guid.Parse(reader.GetString(0)));
        return ids;
    }
}
