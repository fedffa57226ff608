using Platform.BuildingBlocks.Security;
using Platform.BuildingBlocks.Http;
using Platform.WorkOrders.Api;

namespace Platform.WorkOrders.Features;

public sealed record CompleteWorkRequest(
    [Required] string? SignedOffBy,
    [RequiredWhen("for paid work whose quote the owner accepted")] decimal? Amount,
    decimal? CashReceived);

public static class CompleteWorkEndpoint
{
    public static void Map(RouteGroupBuilder orders) =>
        orders.MapPost("/{id:guid}/completion", (Guid id, HttpContext http, WorkOrderCommands commands, CancellationToken ct) =>
                commands.ExecuteAsync<CompleteWorkRequest>(http, id, (b, by, s) => new CompleteWork(id, b.SignedOffBy ?? "", b.Amount, commands.PolicyOf(s), by, b.CashReceived), ct))
            .WithName("CompleteWork")
            .RequireRoles(WorkOrderRoles.Technicians)
            .WithSummary("Complete with the owner's sign-off and, for paid work, the signed amount; a technician never takes cash.")
            .Accepts<CompleteWorkRequest>("application/json")
            .Produces<WorkOrderView>()
            .ProducesCommandProblems();
}
