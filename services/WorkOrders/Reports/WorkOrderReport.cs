using Microsoft.Data.Sqlite;
using Platform.BuildingBlocks.ReadModels;

namespace Platform.WorkOrders.Reports;

/// <summary>The work-order figures of brief 4.7 for one estate and the orders logged in [from, to).</summary>
public sealed record WorkOrderReport(
    string EstateId,
    DateTimeOffset From,
    DateTimeOffset To,
    DateTimeOffset AsOf,
    int Logged,
    int Completed,
    IReadOnlyDictionary<string, int> ByCategory,
    int ResponsesDue,
    int RespondedOnTime,
    decimal? TimelyResponseRatePercent,
    int FollowUpsDue,
    int FollowUpsRecorded,
    decimal? FollowUpRatePercent,
    int FollowUpsSatisfied,
    decimal? PassRatePercent,
    int ReworkCount,
    int SlaBreaches);

/// <summary>
/// All figures are over the orders logged in the period, as they stand now:
/// timely response = orders whose handle deadline is decided (work started, or the deadline recorded as breached)
/// and that started in time (「报修响应及时率」, 000:1055); orders without a handle deadline, or still inside it, are not
/// counted. Follow-up rate = recorded follow-ups / follow-ups due by now, including recorded early ones and excluding
/// the ones rework withdrew (「回访处理率」, 001:205). Pass rate = satisfied / recorded follow-ups. Rework count = rework
/// orders placed by follow-ups. Percentages are rounded to two places.
/// </summary>
public static class WorkOrderReportQuery
{
    public static WorkOrderReport Query(SqliteConnection connection, string estateId, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        using var orders = Command(connection, """
            SELECT COUNT(*),
                   COALESCE(SUM(first_completed_at IS NOT NULL), 0),
                   COALESCE(SUM(handle_due_at IS NOT NULL AND (work_started_at IS NOT NULL OR handle_breached = 1)), 0),
                   COALESCE(SUM(handle_due_at IS NOT NULL AND work_started_at IS NOT NULL AND handle_breached = 0), 0),
                   COALESCE(SUM(rework_count), 0),
                   COALESCE(SUM(breach_count), 0)
            FROM work_orders
            WHERE estate_id = $estate AND logged_at >= $from AND logged_at < $to;
            """, estateId, from, to, now);
        using var totals = orders.ExecuteReader();
        totals.Read();
        var (logged, completed, responsesDue, onTime, rework, breaches) =
            (totals.GetInt32(0), totals.GetInt32(1), totals.GetInt32(2), totals.GetInt32(3), totals.GetInt32(4), totals.GetInt32(5));

        using var followUps = Command(connection, """
            SELECT COALESCE(SUM(f.outcome IS NOT NULL OR (f.withdrawn = 0 AND f.due_at IS NOT NULL AND f.due_at <= $now)), 0),
                   COALESCE(SUM(f.outcome IS NOT NULL), 0),
                   COALESCE(SUM(f.outcome = 'satisfied'), 0)
            FROM work_order_follow_ups f JOIN work_orders w ON w.work_order_id = f.work_order_id
            WHERE w.estate_id = $estate AND w.logged_at >= $from AND w.logged_at < $to;
            """, estateId, from, to, now);
        using var followUpCounts = followUps.ExecuteReader();
        followUpCounts.Read();
        var (due, recorded, satisfied) = (followUpCounts.GetInt32(0), followUpCounts.GetInt32(1), followUpCounts.GetInt32(2));

        var byCategory = new SortedDictionary<string, int>(StringComparer.Ordinal);
        using (var categories = Command(connection, """
            SELECT category, COUNT(*) FROM work_orders
            WHERE estate_id = $estate AND logged_at >= $from AND logged_at < $to
            GROUP BY category;
            """, estateId, from, to, now))
        using (var reader = categories.ExecuteReader())
            while (reader.Read()) byCategory[reader.GetString(0)] = reader.GetInt32(1);

        return new WorkOrderReport(
            estateId, from, to, now, logged, completed, byCategory,
            responsesDue, onTime, Percent(onTime, responsesDue),
            due, recorded, Percent(recorded, due),
            satisfied, Percent(satisfied, recorded),
            rework, breaches);
    }

    private static decimal? Percent(int part, int whole) =>
        whole == 0 ? null : decimal.Round(part * 100m / whole, 2, MidpointRounding.AwayFromZero);

    private static SqliteCommand Command(SqliteConnection connection, string sql, string estateId, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$estate", estateId);
        command.Parameters.AddWithValue("$from", SqlValues.Instant(from));
        command.Parameters.AddWithValue("$to", SqlValues.Instant(to));
        command.Parameters.AddWithValue("$now", SqlValues.Instant(now));
        return command;
    }
}
