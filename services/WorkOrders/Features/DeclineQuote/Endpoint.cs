using Platform.BuildingBlocks.Security;
using Platform.BuildingBlocks.Http;
using Platform.WorkOrders.Api;

namespace Platform.WorkOrders.Features;

public static class DeclineQuoteEndpoint
{
    public static void Map(RouteGroupBuilder orders) =>
        orders.MapPost("/{id:guid}/quote/declination", (Guid id, HttpContext http, WorkOrderCommands commands, CancellationToken ct) =>
                commands.ExecuteAsync(http, id, rawBody: "", (by, _) => new DeclineQuote(id, by), ct))
            .WithName("DeclineQuote")
            .RequireRoles(WorkOrderRoles.OwnerConsentRecorders)
            .WithSummary("The owner declines the quote; the order is cancelled.")
            .Produces<WorkOrderView>()
            .ProducesCommandProblems();
}
