using Microsoft.Data.Sqlite;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Projections;
using Platform.BuildingBlocks.ReadModels;
using Platform.BuildingBlocks.Security;
using Platform.Fees.Api;
using Platform.Fees.ReadModel;

namespace Platform.Fees.Features;

public sealed record CollectionFigures(decimal Billed, decimal Collected, decimal? Rate, int Accounts);

public sealed record CollectionRateRow(string FeeType, CollectionFigures IncludingDisputed, CollectionFigures ExcludingDisputed);

/// <summary>
/// The collection rate (收缴率) of charges for the periods asked, by fee type, twice: over every account, and without
/// the accounts whose charges are disputed (as 000:136 reports it, 「不含…拒交物业费的xx户」). Billed is net of
/// reversals and credit notes; collected is what payments and credit paid on those charges.
/// </summary>
public sealed record CollectionRateReport(string EstateId, string From, string To, int DisputedAccounts, IReadOnlyList<CollectionRateRow> ByFeeType,
    CollectionRateRow Total);

public sealed record IncomeRow(string FeeType, decimal Amount);

/// <summary>Money received in the period, by the fee type it paid; "credit" is what waits on accounts as credit (000:34).</summary>
public sealed record IncomeReport(string EstateId, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<IncomeRow> ByFeeType, decimal Total);

public sealed record ArrearsRow(Guid AccountId, UnitView Unit, decimal Owed, DateOnly OldestDueOn, int DaysOverdue, int DunningLevelReached,
    int DunningLevelDue, IReadOnlyList<string> MethodsDue, bool Disputed, string? DisputeReason);

/// <summary>Who owes what, since when, and the dunning level reached; the dunning tasks are the rows whose level due is higher.</summary>
public sealed record ArrearsReport(string EstateId, DateTimeOffset AsOf, IReadOnlyList<ArrearsRow> Accounts, decimal Total);

public sealed record HandOverRow(Guid PaymentId, string ReceiptNumber, Guid AccountId, UnitView Unit, decimal Amount, string? ReceivedBy, DateTimeOffset ReceivedAt,
    string? HandedOverTo);

/// <summary>The front desk's collections of a day (S26), for the hand-over to customer service (002:58).</summary>
public sealed record HandOverReport(string EstateId, DateOnly Day, IReadOnlyList<HandOverRow> Payments, decimal Total, decimal NotHandedOver);

public static class FeeReportEndpoints
{
    public static void Map(RouteGroupBuilder fees)
    {
        fees.MapGet("/reports/collection-rate", CollectionRateAsync)
            .WithName("CollectionRateReport")
            .WithSummary("The collection rate by fee type over the months from..to (\"2026-01\"), with and without disputed accounts, each labelled.")
            .Produces<CollectionRateReport>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);

        fees.MapGet("/reports/income", IncomeAsync)
            .WithName("IncomeReport")
            .WithSummary("Money received in [from, to) by fee type.")
            .Produces<IncomeReport>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);

        fees.MapGet("/reports/arrears", ArrearsAsync)
            .WithName("ArrearsReport")
            .WithSummary("The arrears list: accounts owing on charges past due, oldest due date, the dunning level reached and the level due. dunningDue=true lists only the dunning tasks.")
            .Produces<ArrearsReport>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);

        fees.MapGet("/reports/hand-over", HandOverAsync)
            .WithName("HandOverList")
            .WithSummary("The front desk's collections of a day (the estate's calendar), with what is not yet handed over.")
            .Produces<HandOverReport>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<IResult> CollectionRateAsync(
        HttpContext http, ReadModelDatabase database, ProjectionRunner<FeesProjection> runner, CancellationToken ct,
        string? estateId = null, string? from = null, string? to = null)
    {
        if (await ReadModelQueries.CatchUpAsync(http, runner, ct) is { } waitProblem) return waitProblem;
        if (Estate(http, estateId) is { } estateProblem) return estateProblem;
        if (!BillingPeriod.TryParse(from, out var first)) return Bad("from", "period-invalid", "from is a month, \"2026-01\".");
        if (!BillingPeriod.TryParse(to, out var last)) return Bad("to", "period-invalid", "to is a month, \"2026-03\".");
        if (last.CompareTo(first) < 0) return Bad("to", "period-empty", "to is not before from.");

        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT c.fee_type, a.disputed, SUM(CASE WHEN c.reversed = 1 THEN 0 ELSE c.amount_fen - c.credited_fen END),
                   SUM(CASE WHEN c.reversed = 1 THEN 0 ELSE MIN(c.paid_fen, c.amount_fen - c.credited_fen) END), COUNT(DISTINCT c.account_id)
            FROM fee_charges c JOIN fee_accounts a ON a.account_id = c.account_id
            WHERE c.estate_id = $estate AND c.period >= $from AND c.period <= $to
            GROUP BY c.fee_type, a.disputed ORDER BY c.fee_type;
            SELECT COUNT(*) FROM fee_accounts WHERE estate_id = $estate AND disputed = 1;
            """;
        command.Parameters.AddWithValue("$estate", estateId);
        command.Parameters.AddWithValue("$from", first.ToString());
        command.Parameters.AddWithValue("$to", last.ToString());
        var figures = new List<(string Type, bool Disputed, long Billed, long Collected, int Accounts)>();
        int disputedAccounts;
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read()) figures.Add((reader.GetString(0), reader.GetInt32(1) == 1, reader.GetInt64(2), reader.GetInt64(3), reader.GetInt32(4)));
            reader.NextResult();
            reader.Read();
            disputedAccounts = reader.GetInt32(0);
        }

        CollectionRateRow Row(string type, IEnumerable<(string Type, bool Disputed, long Billed, long Collected, int Accounts)> rows)
        {
            var all = rows.ToList();
            var undisputed = all.Where(r => !r.Disputed).ToList();
            return new CollectionRateRow(type, Figures(all), Figures(undisputed));
        }
        var byType = figures.GroupBy(f => f.Type).Select(g => Row(g.Key, g)).ToList();
        return Results.Ok(new CollectionRateReport(estateId!, first.ToString(), last.ToString(), disputedAccounts, byType, Row("all", figures)));
    }

    private static CollectionFigures Figures(IReadOnlyCollection<(string Type, bool Disputed, long Billed, long Collected, int Accounts)> rows)
    {
        var billed = rows.Sum(r => r.Billed);
        var collected = rows.Sum(r => r.Collected);
        return new CollectionFigures(Yuan.FromFen(billed), Yuan.FromFen(collected),
            billed == 0 ? null : decimal.Round((decimal)collected / billed, 4), rows.Sum(r => r.Accounts));
    }

    private static async Task<IResult> IncomeAsync(
        HttpContext http, ReadModelDatabase database, ProjectionRunner<FeesProjection> runner, CancellationToken ct,
        string? estateId = null, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        if (await ReadModelQueries.CatchUpAsync(http, runner, ct) is { } waitProblem) return waitProblem;
        var (period, problem) = ReportPeriod.Read(http.User, estateId, from, to);
        if (problem is not null) return problem;

        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT fee_type, SUM(amount_fen) FROM fee_allocations
            WHERE estate_id = $estate AND posted_at >= $from AND posted_at < $to
            GROUP BY fee_type ORDER BY fee_type;
            """;
        command.Parameters.AddWithValue("$estate", period!.EstateId);
        command.Parameters.AddWithValue("$from", SqlValues.Instant(period.From));
        command.Parameters.AddWithValue("$to", SqlValues.Instant(period.To));
        var rows = new List<IncomeRow>();
        using (var reader = command.ExecuteReader())
            while (reader.Read()) rows.Add(new IncomeRow(reader.GetString(0), Yuan.FromFen(reader.GetInt64(1))));
        return Results.Ok(new IncomeReport(period.EstateId, period.From, period.To, rows, rows.Sum(r => r.Amount)));
    }

    private static async Task<IResult> ArrearsAsync(
        HttpContext http, ReadModelDatabase database, ProjectionRunner<FeesProjection> runner, FeePolicies policies, TimeProvider time, CancellationToken ct,
        string? estateId = null, bool? dunningDue = null)
    {
        if (await ReadModelQueries.CatchUpAsync(http, runner, ct) is { } waitProblem) return waitProblem;
        if (Estate(http, estateId) is { } estateProblem) return estateProblem;
        var now = time.GetUtcNow();
        var policy = policies.For(estateId!);
        var today = FeeRules.LocalDay(now, policy.TimeZone);

        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT a.account_id, a.building, a.entrance, a.room, SUM(c.owed_fen), MIN(c.due_on), a.dunning_level, a.disputed, a.dispute_reason,
                   GROUP_CONCAT(DISTINCT c.fee_type)
            FROM fee_charges c JOIN fee_accounts a ON a.account_id = c.account_id
            WHERE c.estate_id = $estate AND c.owed_fen > 0 AND c.overdue_from <= $now
            GROUP BY a.account_id ORDER BY MIN(c.due_on), a.account_id
            LIMIT 1000;
            """;
        command.Parameters.AddWithValue("$estate", estateId);
        command.Parameters.AddWithValue("$now", SqlValues.Instant(now));
        var rows = new List<ArrearsRow>();
        using (var reader = command.ExecuteReader())
            while (reader.Read())
            {
                var oldest = DateOnly.ParseExact(reader.GetString(5), "yyyy-MM-dd");
                var days = today.DayNumber - oldest.DayNumber;
                var disputed = reader.GetInt32(7) == 1;
                var due = reader.GetString(9).Split(',')
                    .Select(t => WireName.TryParse<FeeType>(t, out var type) ? policy.LevelDue(type, days) : null)
                    .Where(l => l is not null).MaxBy(l => l!.Level);
                rows.Add(new ArrearsRow(
                    Guid.Parse(reader.GetString(0)), new UnitView(estateId!, reader.GetString(1), Text(reader, 2), Text(reader, 3)),
                    Yuan.FromFen(reader.GetInt64(4)), oldest, days, reader.GetInt32(6), disputed ? 0 : due?.Level ?? 0,
                    disputed || due is null ? [] : due.Methods.Select(WireName.Of).ToList(), disputed, Text(reader, 8)));
            }
        if (dunningDue is true) rows = rows.Where(r => r.DunningLevelDue > r.DunningLevelReached).ToList();
        return Results.Ok(new ArrearsReport(estateId!, now, rows, rows.Sum(r => r.Owed)));
    }

    private static async Task<IResult> HandOverAsync(
        HttpContext http, ReadModelDatabase database, ProjectionRunner<FeesProjection> runner, FeePolicies policies, CancellationToken ct,
        string? estateId = null, DateOnly? day = null)
    {
        if (await ReadModelQueries.CatchUpAsync(http, runner, ct) is { } waitProblem) return waitProblem;
        if (Estate(http, estateId) is { } estateProblem) return estateProblem;
        if (day is null) return Bad("day", "day-required", "Give the day, \"2026-03-02\".");
        var policy = policies.For(estateId!);

        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT p.payment_id, p.receipt_number, p.account_id, a.building, a.entrance, a.room, p.amount_fen, p.received_by, p.received_at, p.handed_over_to
            FROM fee_payments p JOIN fee_accounts a ON a.account_id = p.account_id
            WHERE p.estate_id = $estate AND p.channel = 'front-desk' AND p.received_at >= $from AND p.received_at < $to
            ORDER BY p.receipt_number;
            """;
        command.Parameters.AddWithValue("$estate", estateId);
        command.Parameters.AddWithValue("$from", SqlValues.Instant(FeeRules.StartOfDay(day.Value, policy.TimeZone)));
        command.Parameters.AddWithValue("$to", SqlValues.Instant(FeeRules.StartOfDay(day.Value.AddDays(1), policy.TimeZone)));
        var rows = new List<HandOverRow>();
        using (var reader = command.ExecuteReader())
            while (reader.Read())
                rows.Add(new HandOverRow(Guid.Parse(reader.GetString(0)), reader.GetString(1), Guid.Parse(reader.GetString(2)),
                    new UnitView(estateId!, reader.GetString(3), Text(reader, 4), Text(reader, 5)), Yuan.FromFen(reader.GetInt64(6)), Text(reader, 7),
                    SqlValues.ParseInstant(reader.GetString(8)), Text(reader, 9)));
        return Results.Ok(new HandOverReport(estateId!, day.Value, rows, rows.Sum(r => r.Amount), rows.Where(r => r.HandedOverTo is null).Sum(r => r.Amount)));
    }

    /// <summary>The estate a report or list is asked for: a 400 when it is missing, a 403 when the caller's token does not cover it.</summary>
    public static IResult? Estate(HttpContext http, string? estateId)
    {
        if (string.IsNullOrWhiteSpace(estateId)) return Bad("estateId", "estate-required", "Name the estate.");
        return http.User.CanSeeEstate(estateId) ? null : ApiProblems.EstateNotVisible(estateId);
    }

    private static string? Text(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static IResult Bad(string field, string code, string detail) => ApiProblems.InvalidField(field, code, detail, StatusCodes.Status400BadRequest);
}
