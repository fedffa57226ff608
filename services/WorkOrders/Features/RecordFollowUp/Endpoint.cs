using Platform.BuildingBlocks.Http;
using Platform.WorkOrders.Api;

namespace Platform.WorkOrders.Features;

public sealed record RecordFollowUpRequest(string? Outcome, [FreeText] string? Problem, DateTimeOffset? RainedAt);

public static class RecordFollowUpEndpoint
{
    public static void Map(RouteGroupBuilder orders) =>
        orders.MapPost("/{id:guid}/follow-ups", (Guid id, HttpContext http, WorkOrderCommands commands, CancellationToken ct) =>
                commands.ExecuteAsync<RecordFollowUpRequest>(http, id, (b, by, s) => new RecordFollowUp(id, Need.Value(Codes.Read<FollowUpOutcome>(b.Outcome, "outcome"), "outcome"), Codes.Read<ReworkReason>(b.Problem, "problem"), b.RainedAt, commands.PolicyOf(s), by), ct))
            .WithName("RecordFollowUp")
            .WithSummary("Record the next follow-up (回访); a problem found orders rework with a notice due in 12 h.")
            .Accepts<RecordFollowUpRequest>("application/json")
            .Produces<WorkOrderView>()
            .ProducesCommandProblems();
}
