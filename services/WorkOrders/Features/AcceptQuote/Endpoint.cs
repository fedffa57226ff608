using Platform.BuildingBlocks.Security;
using Platform.BuildingBlocks.Http;
using Platform.WorkOrders.Api;

namespace Platform.WorkOrders.Features;

public static class AcceptQuoteEndpoint
{
    public static void Map(RouteGroupBuilder orders) =>
        orders.MapPost("/{id:guid}/quote/acceptance", (Guid id, HttpContext http, WorkOrderCommands commands, CancellationToken ct) =>
                commands.ExecuteAsync(http, id, rawBody: "", (by, _) => new AcceptQuote(id, by), ct))
            .WithName("AcceptQuote")
            .RequireRoles(WorkOrderRoles.OwnerConsentRecorders)
            .WithSummary("The owner accepts the quote; work may start.")
            .Produces<WorkOrderView>()
            .ProducesCommandProblems();
}
