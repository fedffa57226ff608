using Platform.BuildingBlocks.Security;
using Platform.BuildingBlocks.Http;
using Platform.WorkOrders.Api;

namespace Platform.WorkOrders.Features;

public sealed record IssueQuoteRequest([Required] decimal? Amount, [Required] string? FeeStandardRef);

public static class IssueQuoteEndpoint
{
    public static void Map(RouteGroupBuilder orders) =>
        orders.MapPost("/{id:guid}/quote", (Guid id, HttpContext http, WorkOrderCommands commands, CancellationToken ct) =>
                commands.ExecuteAsync<IssueQuoteRequest>(http, id, (b, by, _) => new IssueQuote(id, Need.Value(b.Amount, "amount"), Need.Text(b.FeeStandardRef, "feeStandardRef"), by), ct))
            .WithName("IssueQuote")
            .RequireRoles(WorkOrderRoles.Technicians)
            .WithSummary("Quote from the fee standard on site; paid work waits for the owner's acceptance.")
            .Accepts<IssueQuoteRequest>("application/json")
            .Produces<WorkOrderView>()
            .ProducesCommandProblems();
}
