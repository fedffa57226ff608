using Platform.BuildingBlocks.Security;
using Platform.BuildingBlocks.Http;
using Platform.WorkOrders.Api;

namespace Platform.WorkOrders.Features;

public sealed record RecordFollowUpRequest(
    [Required] FollowUpOutcome? Outcome,
    [RequiredWhen("when the outcome is problem-found")] ReworkReason? Problem,
    [RequiredWhen("for the after-rain follow-up of a leak repair")] DateTimeOffset? RainedAt);

public static class RecordFollowUpEndpoint
{
    public static void Map(RouteGroupBuilder orders) =>
        orders.MapPost("/{id:guid}/follow-ups", (Guid id, HttpContext http, WorkOrderCommands commands, CancellationToken ct) =>
                commands.ExecuteAsync<RecordFollowUpRequest>(http, id, (b, by, s) => new RecordFollowUp(id, Need.Value(b.Outcome, "outcome"), b.Problem, b.RainedAt, commands.PolicyOf(s), by), ct))
            .WithName("RecordFollowUp")
            .RequireRoles(WorkOrderRoles.Staff)
            .WithSummary("Record the next follow-up (回访); a problem found orders rework with a notice due in 12 h.")
            .Accepts<RecordFollowUpRequest>("application/json")
            .Produces<WorkOrderView>()
            .ProducesCommandProblems();
}
