using Platform.BuildingBlocks.Security;
using Platform.BuildingBlocks.Http;
using Platform.WorkOrders.Api;

namespace Platform.WorkOrders.Features;

public sealed record RecordRectificationReplyRequest([Required, FreeText] string? Summary);

public static class RecordRectificationReplyEndpoint
{
    public static void Map(RouteGroupBuilder orders) =>
        orders.MapPost("/{id:guid}/rectification-notices/{noticeId:guid}/reply",
                (Guid id, Guid noticeId, HttpContext http, WorkOrderCommands commands, CancellationToken ct) =>
                    commands.ExecuteAsync<RecordRectificationReplyRequest>(http, id,
                        (b, by, _) => new RecordRectificationReply(id, noticeId, b.Summary ?? "", by), ct))
            .WithName("RecordRectificationReply")
            .RequireRoles(WorkOrderRoles.Staff)
            .WithSummary("The responsible unit's reply to a rectification notice.")
            .Accepts<RecordRectificationReplyRequest>("application/json")
            .Produces<WorkOrderView>()
            .ProducesCommandProblems();
}
