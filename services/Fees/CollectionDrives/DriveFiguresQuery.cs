using Platform.BuildingBlocks.ReadModels;

namespace Platform.Fees.CollectionDrives;

/// <summary>A drive's figures from the read model: arrears in scope now, and what payments brought to those charges in a span.</summary>
public sealed class DriveFiguresQuery(ReadModelDatabase database)
{
    public DriveFigures Measure(string estateId, DateOnly dueOnOrBefore, DateTimeOffset since, DateTimeOffset until)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT COUNT(DISTINCT account_id), COALESCE(SUM(owed_fen), 0) FROM fee_charges
            WHERE estate_id = $estate AND due_on <= $due AND owed_fen > 0;
            SELECT COALESCE(SUM(a.amount_fen), 0) FROM fee_allocations a JOIN fee_charges c ON c.charge_id = a.charge_id
            WHERE c.estate_id = $estate AND c.due_on <= $due AND a.posted_at >= $since AND a.posted_at <= $until;
            """;
        command.Parameters.AddWithValue("$estate", estateId);
        command.Parameters.AddWithValue("$due", dueOnOrBefore.ToString("yyyy-MM-dd"));
        command.Parameters.AddWithValue("$since", SqlValues.Instant(since));
        command.Parameters.AddWithValue("$until", SqlValues.Instant(until));
        using var reader = command.ExecuteReader();
        reader.Read();
        var (accounts, owed) = (reader.GetInt32(0), reader.GetInt64(1));
        reader.NextResult();
        reader.Read();
        return new DriveFigures(accounts, Yuan.FromFen(owed), Yuan.FromFen(reader.GetInt64(0)));
    }
}
