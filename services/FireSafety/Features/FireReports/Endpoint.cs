using System.Globalization;
using Microsoft.Data.Sqlite;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Projections;
using Platform.BuildingBlocks.ReadModels;
using Platform.BuildingBlocks.Security;
using Platform.BuildingBlocks.EventSourcing;
using Platform.FireSafety.DailyChecks;
using Platform.FireSafety.Incidents;
using Platform.FireSafety.ReadModel;
using Platform.FireSafety.Training;

namespace Platform.FireSafety.Features;

public sealed record HazardRegisterRow(Guid HazardId, string Location, string Description, bool Major, bool Electrical, string Source, string Status, int Round,
    string? ResponsibleUnit, DateTimeOffset? Deadline, bool Overdue, DateTimeOffset FoundAt, DateTimeOffset? ClosedAt);

/// <summary>The hazard register (brief 7.6): every hazard with its status, deadline and whether it is overdue.</summary>
public sealed record HazardRegister(string EstateId, DateTimeOffset AsOf, IReadOnlyList<HazardRegisterRow> Hazards, int Open, int Overdue);

public sealed record PatrolLogRow(Guid KeyLocationId, string Code, string Name, int Expected, int Recorded, int WithFindings);

/// <summary>
/// Key-location patrol log completeness for one day: 12 patrols expected per location at one every 2 h (brief 7.6), and
/// whether the day's whole-site patrol (000:609) and the service hall's end-of-day check (000:685) were recorded.
/// </summary>
public sealed record PatrolLog(string EstateId, DateOnly Day, IReadOnlyList<PatrolLogRow> Locations, bool WholeSitePatrol, bool ServiceHallClosing);

public sealed record InspectionRecordRow(Guid InspectionId, string Month, string Department, string InspectorId, int Signers, int Signed, bool FullySigned,
    DateTimeOffset? NotifiedAt, int HazardsFound, DateTimeOffset RecordedAt);

/// <summary>The monthly inspection records of an estate (000:609-611): who inspected, whether everyone concerned signed, the notice, the hazards found.</summary>
public sealed record InspectionRecords(string EstateId, IReadOnlyList<InspectionRecordRow> Inspections);

public sealed record EquipmentTestRow(Guid EquipmentId, string Code, string Type, string Location, string Period, int Tests, int Defects, bool Overdue);

/// <summary>
/// Equipment test compliance per period (brief 7.3): each item's periods with their tests and defects, or overdue. The
/// rate is the share of settled periods that had their test.
/// </summary>
public sealed record EquipmentCompliance(string EstateId, IReadOnlyList<EquipmentTestRow> Periods, int Tested, int Overdue, decimal? ComplianceRate);

public sealed record DrillRow(Guid DrillId, string Kind, DateOnly PlannedFor, string Status, DateTimeOffset? ConductedAt, int? Participants, bool PlanRevised,
    DateOnly? NextDueBy);

public sealed record TrainingRow(Guid TrainingId, string Audience, string Topic, DateOnly HeldOn, int Attendees, int ExamsFailed);

/// <summary>
/// Drills and training of a year: all staff trained at least twice (000:585), the brigade every quarter (000:615), and when
/// the next drill is due (the latest closed drill's due date) and whether that date passed with no drill held.
/// </summary>
public sealed record DrillsAndTraining(
    string EstateId, int Year, IReadOnlyList<DrillRow> Drills, IReadOnlyList<TrainingRow> Training, int AllStaffSessions, bool AllStaffTwice,
    IReadOnlyList<int> BrigadeQuartersMissed, DateOnly? NextDrillDueBy, bool NextDrillOverdue);

public sealed record IncidentRow(Guid IncidentId, string Location, string Source, DateTimeOffset OccurredAt, string Status, DateTimeOffset? AcknowledgedAt,
    string? Outcome, int? Casualties);

/// <summary>Incidents of a year (000:1030): the fires counted, with casualties, beside false alarms and tests.</summary>
public sealed record IncidentLog(string EstateId, int Year, IReadOnlyList<IncidentRow> Incidents, int Fires, int Casualties, int FalseAlarms, int Unresolved);

public static class FireReportEndpoints
{
    public static void Map(RouteGroupBuilder fire)
    {
        Report<HazardRegister>(fire, "hazards", HazardsAsync, "HazardRegisterReport",
            "The hazard register of an estate, with status, deadline and overdue; format=csv gives it for the fire authority.");
        Report<PatrolLog>(fire, "patrols", PatrolsAsync, "PatrolLogReport",
            "Patrol log completeness of an estate's key locations for a day (UTC): expected 12 each, recorded, with findings; and the day's daily checks.");
        Report<InspectionRecords>(fire, "inspections", InspectionsAsync, "InspectionRecordsReport",
            "The monthly inspection records of an estate, optionally of one month (YYYY-MM): signatures, notice, hazards found; format=csv.");
        Report<EquipmentCompliance>(fire, "equipment-tests", EquipmentTestsAsync, "EquipmentComplianceReport",
            "Equipment test compliance per calendar period: tests, defects and overdue periods per item, and the compliance rate; format=csv.");
        Report<DrillsAndTraining>(fire, "drills-and-training", DrillsAndTrainingAsync, "DrillsAndTrainingReport",
            "A year's drills and training, whether all staff were trained twice and the brigade every quarter, and when the next drill is due.", csv: false);
        Report<IncidentLog>(fire, "incidents", IncidentsAsync, "IncidentReport",
            "A year's incidents: fires counted with casualties (000:1030), false alarms, tests, and those still open; format=csv.");
    }

    private static void Report<TReport>(RouteGroupBuilder fire, string route, Delegate handler, string name, string summary, bool csv = true)
    {
        var endpoint = fire.MapGet($"/reports/{route}", handler).WithName(name).WithSummary(summary).Produces<TReport>();
        if (csv) endpoint.Produces(StatusCodes.Status200OK, contentType: "text/csv");
        endpoint.ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
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
        return format == "csv" ? CsvReport.Of(rows) : Results.Ok(new HazardRegister(estateId!, now, rows, rows.Count(h => h.Status != "closed"), rows.Count(h => h.Overdue)));
    }

    private static async Task<IResult> PatrolsAsync(HttpContext http, ReadModelDatabase database, ProjectionRunner<FireSafetyProjection> runner, CancellationToken ct,
        string? estateId = null, DateOnly? day = null, string? format = null)
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
        if (format == "csv") return CsvReport.Of(rows);
        var checks = database.Query("SELECT kind FROM fs_daily_checks WHERE estate_id = $estate AND day = $day;", r => r.GetString(0),
            ("$estate", estateId), ("$day", SqlValues.Day(day.Value)));
        return Results.Ok(new PatrolLog(estateId!, day.Value, rows, checks.Contains(WireName.Of(DailyCheckKind.WholeSitePatrol)),
            checks.Contains(WireName.Of(DailyCheckKind.ServiceHallClosing))));
    }

    private static async Task<IResult> InspectionsAsync(HttpContext http, ReadModelDatabase database, ProjectionRunner<FireSafetyProjection> runner, CancellationToken ct,
        string? estateId = null, string? month = null, string? format = null)
    {
        if (EstateProblem(http, estateId) is { } problem) return problem;
        if (month is not null && !DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            return ApiProblems.InvalidField("month", "month-invalid", "A month is YYYY-MM.", StatusCodes.Status400BadRequest);
        if (await ReadModelQueries.CatchUpAsync(http, runner, ct) is { } wait) return wait;
        var rows = database.Query("""
            SELECT i.inspection_id, i.month, i.department, i.inspector_id, i.signers, i.signed, i.notified_at,
                   (SELECT COUNT(*) FROM fs_hazards h WHERE h.source_id = i.inspection_id), i.recorded_at
            FROM fs_inspections i WHERE i.estate_id = $estate AND ($month IS NULL OR i.month = $month) ORDER BY i.month, i.department;
            """, r => new InspectionRecordRow(Guid.Parse(r.GetString(0)), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4), r.GetInt32(5),
                r.GetInt32(5) >= r.GetInt32(4), r.InstantOrNull(6), r.GetInt32(7), SqlValues.ParseInstant(r.GetString(8))), ("$estate", estateId), ("$month", month));
        return format == "csv" ? CsvReport.Of(rows) : Results.Ok(new InspectionRecords(estateId!, rows));
    }

    private static async Task<IResult> EquipmentTestsAsync(HttpContext http, ReadModelDatabase database, ProjectionRunner<FireSafetyProjection> runner, CancellationToken ct,
        string? estateId = null, string? format = null)
    {
        if (EstateProblem(http, estateId) is { } problem) return problem;
        if (await ReadModelQueries.CatchUpAsync(http, runner, ct) is { } wait) return wait;
        var rows = database.Query("""
            SELECT e.equipment_id, e.code, e.type, e.location, p.period, p.tests, p.defects, p.overdue
            FROM fs_equipment_periods p JOIN fs_equipment e ON e.equipment_id = p.equipment_id
            WHERE e.estate_id = $estate ORDER BY e.code, p.period;
            """, r => new EquipmentTestRow(Guid.Parse(r.GetString(0)), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetInt32(5), r.GetInt32(6),
                r.GetInt32(7) == 1), ("$estate", estateId));
        if (format == "csv") return CsvReport.Of(rows);
        var tested = rows.Count(p => p.Tests > 0 && !p.Overdue);
        var overdue = rows.Count(p => p.Overdue);
        return Results.Ok(new EquipmentCompliance(estateId!, rows, tested, overdue, tested + overdue == 0 ? null : Math.Round((decimal)tested / (tested + overdue), 4)));
    }

    private static async Task<IResult> DrillsAndTrainingAsync(HttpContext http, ReadModelDatabase database, ProjectionRunner<FireSafetyProjection> runner,
        CancellationToken ct, string? estateId = null, int? year = null)
    {
        if (EstateProblem(http, estateId) is { } problem) return problem;
        if (year is not (>= 2000 and <= 2100)) return ApiProblems.InvalidField("year", "year-required", "Give the year, e.g. 2026.", StatusCodes.Status400BadRequest);
        if (await ReadModelQueries.CatchUpAsync(http, runner, ct) is { } wait) return wait;
        var (from, to) = (SqlValues.Day(new DateOnly(year.Value, 1, 1)), SqlValues.Day(new DateOnly(year.Value + 1, 1, 1)));
        var drills = database.Query("""
            SELECT drill_id, kind, planned_for, status, conducted_at, participants, plan_revised, next_due_by FROM fs_drills
            WHERE estate_id = $estate AND planned_for >= $from AND planned_for < $to ORDER BY planned_for, drill_id;
            """, r => new DrillRow(Guid.Parse(r.GetString(0)), r.GetString(1), DateOnly.Parse(r.GetString(2), CultureInfo.InvariantCulture), r.GetString(3),
                r.InstantOrNull(4), r.IsDBNull(5) ? null : r.GetInt32(5), r.GetInt32(6) == 1, r.TextOrNull(7) is { } due ? DateOnly.Parse(due, CultureInfo.InvariantCulture) : null),
            ("$estate", estateId), ("$from", from), ("$to", to));
        var training = database.Query("""
            SELECT training_id, audience, topic, held_on, attendees, exams_failed FROM fs_training
            WHERE estate_id = $estate AND held_on >= $from AND held_on < $to ORDER BY held_on, training_id;
            """, r => new TrainingRow(Guid.Parse(r.GetString(0)), r.GetString(1), r.GetString(2), DateOnly.Parse(r.GetString(3), CultureInfo.InvariantCulture),
                r.GetInt32(4), r.GetInt32(5)), ("$estate", estateId), ("$from", from), ("$to", to));
        var (nextDue, nextOverdue) = database.Query("""
            SELECT next_due_by, next_overdue FROM fs_drills WHERE estate_id = $estate AND status = 'closed' ORDER BY next_due_by DESC LIMIT 1;
            """, r => ((DateOnly?)DateOnly.Parse(r.GetString(0), CultureInfo.InvariantCulture), r.GetInt32(1) == 1), ("$estate", estateId)).FirstOrDefault();
        var allStaff = training.Count(t => t.Audience == WireName.Of(TrainingAudience.AllStaff));
        var brigadeQuarters = training.Where(t => t.Audience == WireName.Of(TrainingAudience.Brigade)).Select(t => (t.HeldOn.Month - 1) / 3 + 1).ToHashSet();
        return Results.Ok(new DrillsAndTraining(estateId!, year.Value, drills, training, allStaff, allStaff >= 2,
            Enumerable.Range(1, 4).Where(q => !brigadeQuarters.Contains(q)).ToList(), nextDue, nextOverdue));
    }

    private static async Task<IResult> IncidentsAsync(HttpContext http, ReadModelDatabase database, ProjectionRunner<FireSafetyProjection> runner, CancellationToken ct,
        string? estateId = null, int? year = null, string? format = null)
    {
        if (EstateProblem(http, estateId) is { } problem) return problem;
        if (year is not (>= 2000 and <= 2100)) return ApiProblems.InvalidField("year", "year-required", "Give the year, e.g. 2026.", StatusCodes.Status400BadRequest);
        if (await ReadModelQueries.CatchUpAsync(http, runner, ct) is { } wait) return wait;
        var rows = database.Query("""
            SELECT incident_id, location, source, occurred_at, status, acknowledged_at, outcome, casualties FROM fs_incidents
            WHERE estate_id = $estate AND occurred_at >= $from AND occurred_at < $to ORDER BY occurred_at, incident_id;
            """, r => new IncidentRow(Guid.Parse(r.GetString(0)), r.GetString(1), r.GetString(2), SqlValues.ParseInstant(r.GetString(3)), r.GetString(4),
                r.InstantOrNull(5), r.TextOrNull(6), r.IsDBNull(7) ? null : r.GetInt32(7)), ("$estate", estateId),
            ("$from", SqlValues.Instant(new DateTimeOffset(year.Value, 1, 1, 0, 0, 0, TimeSpan.Zero))), ("$to", SqlValues.Instant(new DateTimeOffset(year.Value + 1, 1, 1, 0, 0, 0, TimeSpan.Zero))));
        if (format == "csv") return CsvReport.Of(rows);
        var fire = WireName.Of(IncidentOutcome.Fire);
        return Results.Ok(new IncidentLog(estateId!, year.Value, rows, rows.Count(i => i.Outcome == fire), rows.Where(i => i.Outcome == fire).Sum(i => i.Casualties ?? 0),
            rows.Count(i => i.Outcome == WireName.Of(IncidentOutcome.FalseAlarm)), rows.Count(i => i.Outcome is null)));
    }

    private static IResult? EstateProblem(HttpContext http, string? estateId) =>
        string.IsNullOrWhiteSpace(estateId) ? ApiProblems.InvalidField("estateId", "estate-required", "Name the estate to report on.", StatusCodes.Status400BadRequest)
        : !http.User.CanSeeEstate(estateId) ? ApiProblems.EstateNotVisible(estateId)
        : null;
}
