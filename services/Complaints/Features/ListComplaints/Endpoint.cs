using Platform.BuildingBlocks.EventSourcing;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Projections;
using Platform.BuildingBlocks.ReadModels;
using Platform.BuildingBlocks.Security;
using Platform.Complaints.Api;
using Platform.Complaints.ReadModel;

namespace Platform.Complaints.Features;

/// <summary>A row of the complaint list: ids and facts, no personal data.</summary>
public sealed record ComplaintSummary(
    Guid Id,
    string EstateId,
    UnitAddress Unit,
    string Channel,
    string Category,
    string Severity,
    bool? Valid,
    bool GroupComplaint,
    string Status,
    string HandlingLevel,
    string? Department,
    bool NeedsWork,
    Guid? WorkOrderId,
    int ReworkCount,
    Guid? LinkedToComplaintId,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? ReplyDueAt,
    DateTimeOffset? ResolveDueAt,
    DateTimeOffset? FollowUpDueAt,
    DateTimeOffset? RepliedAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt,
    OverdueFlags Overdue);

public sealed record OverdueFlags(bool Reply, bool Resolve, bool FollowUp);

public sealed record ComplaintPage(IReadOnlyList<ComplaintSummary> Items, string? NextCursor);

public static class ListComplaintsEndpoint
{
    private const int DefaultLimit = 50, MaxLimit = 200;
    private static readonly HashSet<string> Statuses = ["registered", "in-progress", "compensation-pending", "resolved", "closed"];

    public static void Map(RouteGroupBuilder complaints) =>
        complaints.MapGet("/", Handle)
            .WithName("ListComplaints")
            .WithSummary("Complaints newest first, filtered by estate, status, category, overdue and registration date; cursor-paged.")
            .Produces<ComplaintPage>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<IResult> Handle(
        HttpContext http, ReadModelDatabase database, ProjectionRunner<ComplaintListReadModel> runner, CancellationToken ct,
        string? estateId = null, string? status = null, string? category = null, bool? overdue = null,
        DateTimeOffset? registeredFrom = null, DateTimeOffset? registeredTo = null, string? cursor = null, int? limit = null)
    {
        if (await ReadModelQueries.CatchUpAsync(http, runner, ct) is { } waitProblem) return waitProblem;

        var take = limit ?? DefaultLimit;
        if (take is < 1 or > MaxLimit)
            return BadQuery("limit", "limit-out-of-range", $"limit must be between 1 and {MaxLimit}.");
        if (status is not null && !Statuses.Contains(status))
            return BadQuery("status", "status-unknown", $"status must be one of {string.Join(", ", Statuses)}.");
        if (category is not null && !Enum.GetValues<Category>().Any(c => WireName.Of(c) == category))
            return BadQuery("category", "category-unknown", "category is not one of the complaint categories.");
        (string SortKey, string Id)? after = null;
        if (cursor is not null)
        {
            if (PageCursor.Decode(cursor) is not { } decoded) return BadQuery("cursor", "cursor-invalid", "cursor must be a nextCursor this API returned.");
            after = decoded;
        }

        var filters = new List<string>();
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        if (http.User.IsResidentOnly())
        {
            filters.Add("reporter_resident_id = $resident");
            command.Parameters.AddWithValue("$resident", Access.SubjectOf(http.User));
        }
        else
        {
            EstateFilter.Restrict(http.User, command, filters);
        }
        if (estateId is not null)
        {
            if (!http.User.CanSeeEstate(estateId)) return ApiProblems.EstateNotVisible(estateId);
            filters.Add("estate_id = $estateId");
            command.Parameters.AddWithValue("$estateId", estateId);
        }
        if (status is not null) { filters.Add("status = $status"); command.Parameters.AddWithValue("$status", status); }
        if (category is not null) { filters.Add("category = $category"); command.Parameters.AddWithValue("$category", category); }
        if (overdue is { } late)
            filters.Add(late ? "(overdue_reply + overdue_resolve + overdue_follow_up) > 0" : "(overdue_reply + overdue_resolve + overdue_follow_up) = 0");
        if (registeredFrom is { } from) { filters.Add("registered_at >= $from"); command.Parameters.AddWithValue("$from", ComplaintListProjection.Instant(from)); }
        if (registeredTo is { } to) { filters.Add("registered_at < $to"); command.Parameters.AddWithValue("$to", ComplaintListProjection.Instant(to)); }
        if (after is { } position) PageCursor.AddAfter(filters, command, "registered_at", "complaint_id", position);

        command.CommandText = $"""
            SELECT complaint_id, estate_id, building, entrance, room, channel, category, severity, valid, group_complaint,
                   status, handling_level, department, needs_work, work_order_id, rework_count, linked_to_complaint_id,
                   registered_at, reply_due_at, resolve_due_at, follow_up_due_at, replied_at, resolved_at, closed_at,
                   overdue_reply, overdue_resolve, overdue_follow_up
            FROM complaint_list
            {(filters.Count > 0 ? "WHERE " + string.Join(" AND ", filters) : "")}
            ORDER BY registered_at DESC, complaint_id DESC
            LIMIT $take;
            """;
        var (page, next) = PageCursor.ReadPage(command, take, reader =>
        {
            var summary = Read(reader);
            return (summary, reader.GetString(17), summary.Id);
        });
        return Results.Ok(new ComplaintPage(page, next));
    }

    private static ComplaintSummary Read(SqliteDataReader r) => new(
        Guid.Parse(r.GetString(0)),
        r.GetString(1),
        new UnitAddress(r.GetString(2), Text(r, 3), Text(r, 4)),
        r.GetString(5), r.GetString(6), r.GetString(7),
        r.IsDBNull(8) ? null : r.GetInt64(8) != 0,
        r.GetInt64(9) != 0,
        r.GetString(10), r.GetString(11), Text(r, 12),
        r.GetInt64(13) != 0,
        Text(r, 14) is { } workOrder ? Guid.Parse(workOrder) : null,
        r.GetInt32(15),
        Text(r, 16) is { } linked ? Guid.Parse(linked) : null,
        Instant(r, 17)!.Value, Instant(r, 18), Instant(r, 19), Instant(r, 20), Instant(r, 21), Instant(r, 22), Instant(r, 23),
        new OverdueFlags(r.GetInt64(24) != 0, r.GetInt64(25) != 0, r.GetInt64(26) != 0));

    private static string? Text(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateTimeOffset? Instant(SqliteDataReader r, int i) =>
        r.IsDBNull(i) ? null : DateTimeOffset.Parse(r.GetString(i), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static IResult BadQuery(string field, string code, string detail) =>
        ApiProblems.InvalidField(field, code, detail, StatusCodes.Status400BadRequest);
}
