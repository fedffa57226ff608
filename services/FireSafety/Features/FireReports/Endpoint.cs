using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Projections;
using Platform.BuildingBlocks.ReadModels;
using Platform.BuildingBlocks.Security;
using Platform.FireSafety.ReadModel;

namespace Platform.FireSafety.Features;

public sealed record HazardRegisterRow(Guid HazardId, string Location, string Description, bool Major, bool Electrical, string Source, string Status, int Round,
    string? ResponsibleUnit, DateTimeOffset? Deadline, bool Overdue, DateTimeOffset FoundAt, DateTimeOffset? ClosedAt);

/// <summary>The hazard register (brief 7.6): every hazard with its status, deadline and whether it is overdue.</summary>
public sealed record HazardRegister(string EstateId, DateTimeOffset AsOf, IReadOnlyList<HazardRegisterRow> Hazards, int Open, int Overdue);

public sealed record PatrolLogRow(Guid KeyLocationId, string Code, string Name, int Expected, int Recorded, int WithFindings);

/// <summary>Key-location patrol log completeness for one day: 12 patrols expected per location at one every 2 h (brief 7.6).</summary>
public sealed record PatrolLog(string EstateId, DateOnly Day, IReadOnlyList<PatrolLogRow> Locations);

public static class FireReportEndpoints
{
    public static void Map(RouteGroupBuilder fire)
    {
        fire.MapGet("/reports/hazards", HazardsAsync)
            .WithName("HazardRegisterReport")
            .WithSummary("The hazard register of an estate, with status, deadline and overdue; format=csv gives it for the fire authority.")
            .Produces<HazardRegister>().Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);

        fire.MapGet("/reports/patrols", PatrolsAsync)
            .WithName("PatrolLogReport")
            .WithSummary("Patrol log completeness of an estate's key locations for a day (UTC): expected 12 each, recorded, with findings.")
            .Produces<PatrolLog>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<IResult> HazardsAsync(HttpContext http, ReadModelDatabase database, ProjectionRunner<FireSafetyProjection> runner, TimeProvider time,
        CancellationToken ct, string? estateId = null, string? format = null)
    {
        if (EstateProblem(http, estateId) is { } problem) return problem;
        if (await ReadModelQueries.CatchUpAsync(http, runner, ct) is { } wait) return wait;
        var now = time.GetUtcNow();
        var rows = database.Query("""
            SELECT hazard_id, location, description, major, electrical, source, status, round, responsible_unit, deadline, overdue_round, found_at, closed_at
            FROM fs_hazards WHERE estate_id = $estate ORDER BY found_at, hazard_id;
            """, r => new HazardRegisterRow(Guid.Parse(r.GetString(0)), r.GetString(1), r.GetString(2), r.GetInt32(3) == 1, r.GetInt32(4) == 1,
                r.GetString(5), r.GetString(6), r.GetInt32(7), r.TextOrNull(8), r.InstantOrNull(9), r.GetInt32(10) >= r.GetInt32(7) && r.GetInt32(7) > 0 && r.GetString(6) != "closed",
                SqlValues.ParseInstant(r.GetString(11)), r.InstantOrNull(12)), ("$estate", estateId));
        var register = new HazardRegister(estateId!, now, rows, rows.Count(h => h.Status != "closed"), rows.Count(h => h.Overdue));
        return format == "csv" ? Results.Text(Csv(register), "text/csv", Encoding.UTF8) : Results.Ok(register);
    }

    private static async Task<IResult> PatrolsAsync(HttpContext http, ReadModelDatabase database, ProjectionRunner<FireSafetyProjection> runner, CancellationToken ct,
        string? estateId = null, DateOnly? day = null)
    {
        if (EstateProblem(http, estateId) is { } problem) return problem;
        if (day is null) return ApiProblems.InvalidField("day", "day-required", "Give the day, YYYY-MM-DD.", StatusCodes.Status400BadRequest);
        if (await ReadModelQueries.CatchUpAsync(http, runner, ct) is { } wait) return wait;
        var from = SqlValues.Instant(new DateTimeOffset(day.Value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        var to = SqlValues.Instant(new DateTimeOffset(day.Value.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        var rows = database.Query("""
            SELECT k.key_location_id, k.code, k.name,
                   (SELECT COUNT(*) FROM fs_patrols p WHERE p.key_location_id = k.key_location_id AND p.patrolled_at >= $from AND p.patrolled_at < $to),
                   (SELECT COUNT(*) FROM fs_patrols p WHERE p.key_location_id = k.key_location_id AND p.patrolled_at >= $from AND p.patrolled_at < $to AND p.has_findings = 1)
            FROM fs_key_locations k WHERE k.estate_id = $estate ORDER BY k.code;
            """, r => new PatrolLogRow(Guid.Parse(r.GetString(0)), r.GetString(1), r.GetString(2), 12, r.GetInt32(3), r.GetInt32(4)),
            ("$estate", estateId), ("$from", from), ("$to", to));
        return Results.Ok(new PatrolLog(estateId!, day.Value, rows));
    }

    private static IResult? EstateProblem(HttpContext http, string? estateId) =>
        string.IsNullOrWhiteSpace(estateId) ? ApiProblems.InvalidField("estateId", "estate-required", "Name the estate to report on.", StatusCodes.Status400BadRequest)
        : !http.User.CanSeeEstate(estateId) ? ApiProblems.EstateNotVisible(estateId)
        : null;

    private static string Csv(HazardRegister register)
    {
        var csv = new StringBuilder("hazard_id,location,description,major,electrical,source,status,round,responsible_unit,deadline,overdue,found_at,closed_at\n");
        foreach (var h in register.Hazards)
            csv.AppendLine(string.Join(',', h.HazardId, Cell(h.Location), Cell(h.Description), h.Major, h.Electrical, h.Source, h.Status, h.Round, Cell(h.ResponsibleUnit),
                h.Deadline?.ToString("O", CultureInfo.InvariantCulture), h.Overdue, h.FoundAt.ToString("O", CultureInfo.InvariantCulture),
                h.ClosedAt?.ToString("O", CultureInfo.InvariantCulture)));
        return csv.ToString();
    }

    /// <summary>Quoted, with quotes doubled; a leading formula character is neutralised for spreadsheets.</summary>
    private static string Cell(string? value) =>
        value is null ? "" : "\"" + (value is [ '=' or '+' or '-' or '@', ..] ? "'" + value : value).Replace("\"", "\"\"") + "\"";
}
