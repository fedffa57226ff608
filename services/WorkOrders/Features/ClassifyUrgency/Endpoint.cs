using Platform.BuildingBlocks.Security;
using Platform.BuildingBlocks.Http;
using Platform.WorkOrders.Api;

namespace Platform.WorkOrders.Features;

public sealed record ClassifyUrgencyRequest([Required] UrgencyClass? Urgency);

public static class ClassifyUrgencyEndpoint
{
    public static void Map(RouteGroupBuilder orders) =>
        orders.MapPost("/{id:guid}/urgency", (Guid id, HttpContext http, WorkOrderCommands commands, CancellationToken ct) =>
                commands.ExecuteAsync<ClassifyUrgencyRequest>(http, id, (b, by, s) => new ClassifyUrgency(id, Need.Value(b.Urgency, "urgency"), commands.PolicyOf(s), by), ct))
            .WithName("ClassifyUrgency")
            .RequireRoles(WorkOrderRoles.Supervisors)
            .WithSummary("Change the urgency class (supervisors); the SLA deadlines are recomputed.")
            .Accepts<ClassifyUrgencyRequest>("application/json")
            .Produces<WorkOrderView>()
            .ProducesCommandProblems();
}
