using Platform.BuildingBlocks.Security;
using Platform.BuildingBlocks.Http;
using Platform.WorkOrders.Api;

namespace Platform.WorkOrders.Features;

public sealed record IssueRectificationNoticeRequest([Required] string? ResponsibleUnit, [Required, FreeText] string? Subject, [Required] DateTimeOffset? ReplyDueAt);

public static class IssueRectificationNoticeEndpoint
{
    public static void Map(RouteGroupBuilder orders) =>
        orders.MapPost("/{id:guid}/rectification-notices", (Guid id, HttpContext http, WorkOrderCommands commands, CancellationToken ct) =>
                commands.ExecuteAsync<IssueRectificationNoticeRequest>(http, id, (b, by, _) => new IssueRectificationNotice(id, b.ResponsibleUnit ?? "", b.Subject ?? "", Need.Value(b.ReplyDueAt, "replyDueAt"), by), ct))
            .WithName("IssueRectificationNotice")
            .RequireRoles(WorkOrderRoles.Staff)
            .WithSummary("A written rectification notice (整改通知单) to an external responsible unit, with a reply deadline.")
            .Accepts<IssueRectificationNoticeRequest>("application/json")
            .Produces<WorkOrderView>()
            .ProducesCommandProblems();
}
