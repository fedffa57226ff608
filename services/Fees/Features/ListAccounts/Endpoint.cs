using Microsoft.Data.Sqlite;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Projections;
using Platform.BuildingBlocks.ReadModels;
using Platform.Fees.Api;
using Platform.Fees.ReadModel;

namespace Platform.Fees.Features;

/// <summary>A row of the account list: ids and figures, no personal data.</summary>
public sealed record AccountSummary(Guid Id, UnitView Unit, string PayerKind, string Occupancy, decimal Owed, decimal Credit, bool Disputed, int DunningLevelReached);

public sealed record AccountPage(IReadOnlyList<AccountSummary> Items, string? NextCursor);

public sealed record BillingRunSummary(Guid Id, string Kind, string Period, DateTimeOffset StartedAt, DateTimeOffset? CompletedAt, int? Accounts, int? ChargesIssued,
    decimal? Total, int? Skipped);

public static class ListAccountsEndpoint
{
    public static void Map(RouteGroupBuilder fees)
    {
        fees.MapGet("/accounts", ListAsync)
            .WithName("ListPayerAccounts")
            .WithSummary("The payer accounts of the estates in the caller's token, by unit; cursor-paged.")
            .Produces<AccountPage>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);

        fees.MapGet("/billing-runs", RunsAsync)
            .WithName("ListBillingRuns")
            .WithSummary("The estate's billing runs, newest first: what each issued, and how many accounts it could not bill.")
            .Produces<IReadOnlyList<BillingRunSummary>>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<IResult> ListAsync(
        HttpContext http, ReadModelDatabase database, ProjectionRunner<FeesProjection> runner, CancellationToken ct,
        string? estateId = null, string? cursor = null, int? limit = null)
    {
        if (await ReadModelQueries.CatchUpAsync(http, runner, ct) is { } waitProblem) return waitProblem;
        var (page, pageProblem) = PageRequest.From(limit, cursor);
        if (pageProblem is not null) return pageProblem;

        using var connection = database.Open();
        using var command = connection.CreateCommand();
        var filter = new ListFilter(command, http.User, residentColumn: "account_id");
        if (filter.Estate(http.User, estateId) is { } notVisible) return notVisible;
        filter.After(page!, "opened_at", "account_id");
        command.CommandText = $"""
            SELECT account_id, estate_id, building, entrance, room, payer_kind, occupancy,
                   (SELECT COALESCE(SUM(owed_fen), 0) FROM fee_charges c WHERE c.account_id = a.account_id), credit_fen, disputed, dunning_level, opened_at
            FROM fee_accounts a
            {filter.Where}
            ORDER BY opened_at DESC, account_id DESC
            LIMIT $take;
            """;
        var (items, next) = PageCursor.ReadPage(command, page!.Take, reader =>
        {
            var summary = new AccountSummary(Guid.Parse(reader.GetString(0)),
                new UnitView(reader.GetString(1), reader.GetString(2), Text(reader, 3), Text(reader, 4)),
                reader.GetString(5), reader.GetString(6), Yuan.FromFen(reader.GetInt64(7)), Yuan.FromFen(reader.GetInt64(8)),
                reader.GetInt32(9) == 1, reader.GetInt32(10));
            return (summary, reader.GetString(11), summary.Id);
        });
        return Results.Ok(new AccountPage(items, next));
    }

    private static async Task<IResult> RunsAsync(
        HttpContext http, ReadModelDatabase database, ProjectionRunner<FeesProjection> runner, CancellationToken ct, string? estateId = null)
    {
        if (await ReadModelQueries.CatchUpAsync(http, runner, ct) is { } waitProblem) return waitProblem;
        if (FeeReportEndpoints.Estate(http, estateId) is { } estateProblem) return estateProblem;

        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT run_id, kind, period, started_at, completed_at, accounts, charges_issued, total_fen, skipped
            FROM fee_billing_runs WHERE estate_id = $estate ORDER BY period DESC, kind LIMIT 200;
            """;
        command.Parameters.AddWithValue("$estate", estateId);
        var runs = new List<BillingRunSummary>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
            runs.Add(new BillingRunSummary(Guid.Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2), SqlValues.ParseInstant(reader.GetString(3)),
                reader.IsDBNull(4) ? null : SqlValues.ParseInstant(reader.GetString(4)),
                reader.IsDBNull(5) ? null : reader.GetInt32(5), reader.IsDBNull(6) ? null : reader.GetInt32(6),
                reader.IsDBNull(7) ? null : Yuan.FromFen(reader.GetInt64(7)), reader.IsDBNull(8) ? null : reader.GetInt32(8)));
        return Results.Ok(runs);
    }

    private static string? Text(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
