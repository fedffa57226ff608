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

        var (page, pageProblem) = PageRequest.From(limit, cursor);
        if (pageProblem is not null) return pageProblem;
        if (status is not null && (!WireName.TryParse<WorkOrderStatus>(status, out var parsedStatus) || parsedStatus == WorkOrderStatus.None))
            return BadQuery("status", "status-unknown", $"status must be one of {string.Join(", ", WireName.All<WorkOrderStatus>().Skip(1))}.");
        if (urgency is not null && !WireName.TryParse<UrgencyClass>(urgency, out _))
            return BadQuery("urgency", "urgency-unknown", $"urgency must be one of {string.Join(", ", WireName.All<UrgencyClass>())}.");
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        var filter = new ListFilter(command, http.User, residentColumn: "resident_id");
        if (filter.Estate(http.User, estateId) is { } notVisible) return notVisible;
        filter.Equal("status", status).Equal("technician_id", technician).Equal("urgency", urgency);
        if (overdue is { } late) filter.Add(late ? "breach_count > 0" : "breach_count = 0");
        filter.After(page!, "logged_at", "work_order_id");

        command.CommandText = $"""
            SELECT {Columns} FROM work_orders
            {filter.Where}
            ORDER BY logged_at DESC, work_order_id DESC
            LIMIT $take;
            """;
        var (items, next) = PageCursor.ReadPage(command, page!.Take, reader =>
        {
            var summary = Read(reader);
            return (summary, reader.GetString(12), summary.Id);
        });
        return Results.Ok(new WorkOrderPage(items, next));
    }

    private static async Task<IResult> MyQueueAsync(
        HttpContext http, ReadModelDatabase database, ProjectionRunner<WorkOrderListProjection> runner, CancellationToken ct)
    {
        if (await ReadModelQueries.CatchUpAsync(http, runner, ct) is { } waitProblem) return waitProblem;

        using var connection = database.Open();
        using var command = connection.CreateCommand();
        var filter = new ListFilter(command, http.User, residentColumn: "resident_id")
            .Equal("technician_id", Access.SubjectOf(http.User))
            .Add($"status IN {OpenForTechnician}");
        command.CommandText = $"""
            SELECT {Columns} FROM work_orders
            {filter.Where}
            ORDER BY urgency = 'urgent' DESC, COALESCE(appointment_at, logged_at), logged_at, work_order_id
            LIMIT {PageRequest.MaxLimit};
            """;
        var items = new List<WorkOrderSummary>();
        using (var reader = command.ExecuteReader())
            while (reader.Read()) items.Add(Read(reader));
        return Results.Ok(new WorkOrderPage(items, null));
    }

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
