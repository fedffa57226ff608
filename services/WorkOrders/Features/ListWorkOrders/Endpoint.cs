using Microsoft.Data.Sqlite;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Projections;
using Platform.BuildingBlocks.ReadModels;
using Platform.BuildingBlocks.Security;
using Platform.WorkOrders.Api;
using Platform.WorkOrders.ReadModel;

namespace Platform.WorkOrders.Features;

/// <summary>A row of the work-order list: ids and facts, no personal data.</summary>
public sealed record WorkOrderSummary(
    Guid Id,
    string EstateId,
    UnitView Unit,
    string Channel,
    string Type,
    string Category,
    string Urgency,
    string Status,
    string? TechnicianId,
    Guid? ComplaintId,
    DateTimeOffset LoggedAt,
    DateTimeOffset? AppointmentAt,
    DateTimeOffset? HandleDueAt,
    DateTimeOffset? RepairDueAt,
    DateTimeOffset? WorkStartedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? ClosedAt,
    int SlaBreaches,
    int ReworkCount,
    bool Overdue);

public sealed record WorkOrderPage(IReadOnlyList<WorkOrderSummary> Items, string? NextCursor);

public static class ListWorkOrdersEndpoint
{
    private const int DefaultLimit = 50, MaxLimit = 200;
    private const string Columns = """
        work_order_id, estate_id, building, entrance, room, channel, type, category, urgency, status, technician_id,
        complaint_id, logged_at, appointment_at, handle_due_at, repair_due_at, work_started_at, first_completed_at,
        closed_at, breach_count, rework_count
        """;

    /// <summary>The statuses a technician still has work to do in.</summary>
    private const string OpenForTechnician = "('dispatched', 'on-site', 'awaiting-quote-acceptance', 'in-progress', 'rework-ordered')";

    public static void Map(RouteGroupBuilder orders)
    {
        orders.MapGet("/", ListAsync)
            .WithName("ListWorkOrders")
            .WithSummary("Work orders newest first, filtered by estate, status, technician, urgency and overdue (an SLA breach recorded); cursor-paged.")
            .Produces<WorkOrderPage>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        orders.MapGet("/my-queue", MyQueueAsync)
            .WithName("MyWorkOrderQueue")
            .RequireRoles(WorkOrderRoles.Technicians)
            .WithSummary("The calling technician's open orders: urgent first, then by appointment.")
            .Produces<WorkOrderPage>()
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<IResult> ListAsync(
        HttpContext http, ReadModelDatabase database, ProjectionRunner<WorkOrderListProjection> runner, CancellationToken ct,
        string? estateId = null, string? status = null, string? technician = null, string? urgency = null, bool? overdue = null,
        string? cursor = null, int? limit = null)
    {
        if (await ReadModelQueries.CatchUpAsync(http, runner, ct) is { } waitProblem) return waitProblem;

        var take = limit ?? DefaultLimit;
        if (take is < 1 or > MaxLimit)
            return BadQuery("limit", "limit-out-of-range", $"limit must be between 1 and {MaxLimit}.");
        if (status is not null && (!WireName.TryParse<WorkOrderStatus>(status, out var parsedStatus) || parsedStatus == WorkOrderStatus.None))
            return BadQuery("status", "status-unknown", $"status must be one of {string.Join(", ", WireName.All<WorkOrderStatus>().Skip(1))}.");
        if (urgency is not null && !WireName.TryParse<UrgencyClass>(urgency, out _))
            return BadQuery("urgency", "urgency-unknown", $"urgency must be one of {string.Join(", ", WireName.All<UrgencyClass>())}.");
        (string SortKey, string Id)? after = null;
        if (cursor is not null)
        {
            if (PageCursor.Decode(cursor) is not { } decoded) return BadQuery("cursor", "cursor-invalid", "cursor must be a nextCursor this API returned.");
            after = decoded;
        }

        var filters = new List<string>();
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        RestrictToVisible(http, command, filters);
        if (estateId is not null)
        {
            if (!http.User.CanSeeEstate(estateId)) return ApiProblems.EstateNotVisible(estateId);
            filters.Add("estate_id = $estateId");
            command.Parameters.AddWithValue("$estateId", estateId);
        }
        if (status is not null) { filters.Add("status = $status"); command.Parameters.AddWithValue("$status", status); }
        if (technician is not null) { filters.Add("technician_id = $technician"); command.Parameters.AddWithValue("$technician", technician); }
        if (urgency is not null) { filters.Add("urgency = $urgency"); command.Parameters.AddWithValue("$urgency", urgency); }
        if (overdue is { } late) filters.Add(late ? "breach_count > 0" : "breach_count = 0");
        if (after is { } position) PageCursor.AddAfter(filters, command, "logged_at", "work_order_id", position);

        command.CommandText = $"""
            SELECT {Columns} FROM work_orders
            {Where(filters)}
            ORDER BY logged_at DESC, work_order_id DESC
            LIMIT $take;
            """;
        var (page, next) = PageCursor.ReadPage(command, take, reader =>
        {
            var summary = Read(reader);
            return (summary, reader.GetString(12), summary.Id);
        });
        return Results.Ok(new WorkOrderPage(page, next));
    }

    private static async Task<IResult> MyQueueAsync(
        HttpContext http, ReadModelDatabase database, ProjectionRunner<WorkOrderListProjection> runner, CancellationToken ct)
    {
        if (await ReadModelQueries.CatchUpAsync(http, runner, ct) is { } waitProblem) return waitProblem;

        using var connection = database.Open();
        using var command = connection.CreateCommand();
        var filters = new List<string> { "technician_id = $me", $"status IN {OpenForTechnician}" };
        command.Parameters.AddWithValue("$me", Access.SubjectOf(http.User));
        EstateFilter.Restrict(http.User, command, filters);
        command.CommandText = $"""
            SELECT {Columns} FROM work_orders
            {Where(filters)}
            ORDER BY urgency = 'urgent' DESC, COALESCE(appointment_at, logged_at), logged_at, work_order_id
            LIMIT {MaxLimit};
            """;
        var items = new List<WorkOrderSummary>();
        using (var reader = command.ExecuteReader())
            while (reader.Read()) items.Add(Read(reader));
        return Results.Ok(new WorkOrderPage(items, null));
    }

    /// <summary>Residents see what they logged; everyone else the estates of their token.</summary>
    private static void RestrictToVisible(HttpContext http, SqliteCommand command, List<string> filters)
    {
        if (http.User.IsResidentOnly())
        {
            filters.Add("resident_id = $resident");
            command.Parameters.AddWithValue("$resident", Access.SubjectOf(http.User));
        }
        else
        {
            EstateFilter.Restrict(http.User, command, filters);
        }
    }

    private static string Where(List<string> filters) => filters.Count > 0 ? "WHERE " + string.Join(" AND ", filters) : "";

    private static WorkOrderSummary Read(SqliteDataReader r) => new(
        Guid.Parse(r.GetString(0)),
        r.GetString(1),
        new UnitView(r.GetString(2), Text(r, 3), Text(r, 4)),
        r.GetString(5), r.GetString(6), r.GetString(7), r.GetString(8), r.GetString(9),
        Text(r, 10),
        Text(r, 11) is { } complaint ? Guid.Parse(complaint) : null,
        Instant(r, 12)!.Value, Instant(r, 13), Instant(r, 14), Instant(r, 15), Instant(r, 16), Instant(r, 17), Instant(r, 18),
        r.GetInt32(19), r.GetInt32(20),
        r.GetInt32(19) > 0);

    private static string? Text(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateTimeOffset? Instant(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : SqlValues.ParseInstant(r.GetString(i));

    private static IResult BadQuery(string field, string code, string detail) =>
        ApiProblems.InvalidField(field, code, detail, StatusCodes.Status400BadRequest);
}
