using Platform.BuildingBlocks.EventSourcing;
using Microsoft.Data.Sqlite;
using Platform.Complaints.ReadModel;

namespace Platform.Complaints.Reports;

/// <summary>A complaint received in the report's period, as the KPIs see it.</summary>
public sealed record KpiComplaint(Category Category, bool? Valid, bool Completed);

/// <summary>The complaint KPIs of brief 2.7 for one estate and period.</summary>
public sealed record ComplaintKpis(
    string EstateId,
    DateTimeOffset From,
    DateTimeOffset To,
    int Received,
    int Completed,
    decimal? HandlingRatePercent,
    decimal HandlingRateTarget,
    bool? HandlingRateTargetMet,
    int ValidComplaints,
    int Households,
    decimal? ValidPer10kHouseholds,
    decimal ComplaintRateTargetPer10k,
    bool? ComplaintRateTargetMet,
    int FollowUps,
    int SatisfiedFollowUps,
    decimal? SatisfactionPercent,
    decimal SatisfactionTarget,
    bool? SatisfactionTargetMet,
    IReadOnlyDictionary<string, int> ByCategory);

/// <summary>
/// Handling rate = completed / received (000:280: 1420 of 1432 = 99.16 %) against the policy's target (100 %, 001:47); valid complaints per 10,000 households against
/// the policy's ceiling (001:47, decision 2); satisfaction = satisfied follow-ups / follow-ups against the policy's target
/// (001:47). The ceiling is a yearly one (「年 0.5‰以下」, 001:201), so compare it over a year. Percentages are rounded to
/// two places for display; whether a target is met is judged on the exact values.
/// </summary>
public static class ComplaintKpiReport
{
    public static ComplaintKpis Calculate(
        string estateId, DateTimeOffset from, DateTimeOffset to, EstatePolicy policy,
        IReadOnlyCollection<KpiComplaint> complaints, int followUps, int satisfiedFollowUps)
    {
        var received = complaints.Count;
        var completed = complaints.Count(c => c.Completed);
        var valid = complaints.Count(c => c.Valid == true);

        decimal? validPer10k = policy.Households > 0 ? valid * 10_000m / policy.Households : null;
        decimal? satisfaction = followUps > 0 ? (decimal)satisfiedFollowUps / followUps : null;

        return new ComplaintKpis(
            estateId, from, to,
            received, completed,
            received > 0 ? Percent((decimal)completed / received) : null,
            policy.HandlingRateTarget,
            received > 0 ? (decimal)completed / received >= policy.HandlingRateTarget : null,
            valid, policy.Households,
            validPer10k is { } rate ? decimal.Round(rate, 2, MidpointRounding.AwayFromZero) : null,
            policy.ComplaintRateTargetPer10k,
            validPer10k is { } exactRate ? exactRate <= policy.ComplaintRateTargetPer10k : null,
            followUps, satisfiedFollowUps,
            satisfaction is { } s ? Percent(s) : null,
            policy.SatisfactionTarget,
            satisfaction is { } share ? share >= policy.SatisfactionTarget : null,
            Enum.GetValues<Category>().ToDictionary(WireName.Of, category => complaints.Count(c => c.Category == category)));
    }

    /// <summary>The KPIs from the <see cref="ComplaintListProjection"/> tables: complaints registered and follow-ups recorded in [from, to).</summary>
    public static ComplaintKpis Query(
        SqliteConnection connection, string estateId, DateTimeOffset from, DateTimeOffset to, EstatePolicy policy)
    {
        var complaints = new List<KpiComplaint>();
        using (var command = Command(connection, """
            SELECT category, valid, status FROM complaint_list
            WHERE estate_id = $estate AND registered_at >= $from AND registered_at < $to;
            """, estateId, from, to))
        using (var reader = command.ExecuteReader())
        {
            var categories = Enum.GetValues<Category>().ToDictionary(WireName.Of);
            while (reader.Read())
            {
                complaints.Add(new KpiComplaint(
                    categories[reader.GetString(0)],
                    reader.IsDBNull(1) ? null : reader.GetInt64(1) != 0,
                    // Completed = handled as of now (resolved or closed), as the annual reports count it (000:280).
                    reader.GetString(2) is "resolved" or "closed"));
            }
        }

        using var followUps = Command(connection, """
            SELECT COUNT(*), COALESCE(SUM(satisfied), 0) FROM complaint_follow_ups
            WHERE estate_id = $estate AND recorded_at >= $from AND recorded_at < $to;
            """, estateId, from, to);
        using var counts = followUps.ExecuteReader();
        counts.Read();
        return Calculate(estateId, from, to, policy, complaints, counts.GetInt32(0), counts.GetInt32(1));
    }

    private static decimal Percent(decimal share) => decimal.Round(share * 100, 2, MidpointRounding.AwayFromZero);

    private static SqliteCommand Command(SqliteConnection connection, string sql, string estateId, DateTimeOffset from, DateTimeOffset to)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$estate", estateId);
        command.Parameters.AddWithValue("$from", ComplaintListProjection.Instant(from));
        command.Parameters.AddWithValue("$to", ComplaintListProjection.Instant(to));
        return command;
    }
}
