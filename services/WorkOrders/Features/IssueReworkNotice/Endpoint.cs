using Platform.BuildingBlocks.Security;
using Platform.BuildingBlocks.Http;
using Platform.WorkOrders.Api;

namespace Platform.WorkOrders.Features;

public sealed record IssueReworkNoticeRequest([Required] string? TechnicianId);

public static class IssueReworkNoticeEndpoint
{
    public static void Map(RouteGroupBuilder orders) =>
        orders.MapPost("/{id:guid}/rework-notice", (Guid id, HttpContext http, WorkOrderCommands commands, CancellationToken ct) =>
                commands.ExecuteAsync<IssueReworkNoticeRequest>(http, id, (b, by, _) => new IssueReworkNotice(id, Need.Text(b.TechnicianId, "technicianId"), by), ct))
            .WithName("IssueReworkNotice")
            .RequireRoles(WorkOrderRoles.Staff)
            .WithSummary("Record the written rework notice to the technician; the order goes back into work.")
            .Accepts<IssueReworkNoticeRequest>("application/json")
            .Produces<WorkOrderView>()
            .ProducesCommandProblems();
}
