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

        var (page, pageProblem) = PageRequest.From(limit, cursor);
        if (pageProblem is not null) return pageProblem;
        if (status is not null && !Statuses.Contains(status))
            return BadQuery("status", "status-unknown", $"status must be one of {string.Join(", ", Statuses)}.");
        if (category is not null && !WireName.TryParse<Category>(category, out _))
            return BadQuery("category", "category-unknown", "category is not one of the complaint categories.");

        using var connection = database.Open();
        using var command = connection.CreateCommand();
        var filter = new ListFilter(command, http.User, residentColumn: "reporter_resident_id");
        if (filter.Estate(http.User, estateId) is { } notVisible) return notVisible;
        filter.Equal("status", status).Equal("category", category);
        if (overdue is { } late)
            filter.Add(late ? "(overdue_reply + overdue_resolve + overdue_follow_up) > 0" : "(overdue_reply + overdue_resolve + overdue_follow_up) = 0");
        if (registeredFrom is { } from) filter.Add("registered_at >= $from", ("$from", SqlValues.Instant(from)));
        if (registeredTo is { } to) filter.Add("registered_at < $to", ("$to", SqlValues.Instant(to)));
        filter.After(page!, "registered_at", "complaint_id");

        command.CommandText = $"""
            SELECT complaint_id, estate_id, building, entrance, room, channel, category, severity, valid, group_complaint,
                   status, handling_level, department, needs_work, work_order_id, rework_count, linked_to_complaint_id,
                   registered_at, reply_due_at, resolve_due_at, follow_up_due_at, replied_at, resolved_at, closed_at,
                   overdue_reply, overdue_resolve, overdue_follow_up
            FROM complaint_list
            {filter.Where}
            ORDER BY registered_at DESC, complaint_id DESC
            LIMIT $take;
            """;
        var (items, next) = PageCursor.ReadPage(command, page!.Take, reader =>
        {
            var summary = Read(reader);
            return (summary, reader.GetString(17), summary.Id);
        });
        return Results.Ok(new ComplaintPage(items, next));
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
