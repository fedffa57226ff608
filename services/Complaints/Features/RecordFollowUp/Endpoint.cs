using Platform.BuildingBlocks.Security;
using Platform.BuildingBlocks.Http;
using Platform.Complaints.Api;

namespace Platform.Complaints.Features;

public sealed record RecordFollowUpRequest([Required] FollowUpOutcome? Outcome, [FreeText] string? Notes, [FreeText, RequiredWhen("when the outcome is new-demand")] string? NewDemandContent);

public static class RecordFollowUpEndpoint
{
    public static void Map(RouteGroupBuilder complaints) =>
        complaints.MapPost("/{id:guid}/follow-ups", (Guid id, HttpContext http, ComplaintCommands commands, CancellationToken ct) =>
                commands.ExecuteAsync<RecordFollowUpRequest>(http, id, (b, by, _) => new RecordFollowUp(Need.Value(b.Outcome, "outcome"), b.Notes, b.NewDemandContent, by), ct))
            .WithName("RecordFollowUp")
            .RequireRoles(ComplaintRules.StaffRoles)
            .WithSummary("Record a follow-up (回访): satisfied, not satisfied (reopens) or a new demand (opens a linked case).")
            .Accepts<RecordFollowUpRequest>("application/json")
            .Produces<ComplaintView>()
            .ProducesCommandProblems();
}
