using Platform.BuildingBlocks.Security;
using Platform.BuildingBlocks.Http;
using Platform.Complaints.Api;

namespace Platform.Complaints.Features;

public sealed record DraftCompensationPlanRequest(
    [Required, FreeText] string? Plan,
    [FreeText, RequiredWhen("when the claim concerns engineering quality")] string? TechnicalAppraisal,
    [FreeText, RequiredWhen("when the claim concerns engineering quality")] string? LegalOpinion);

public static class DraftCompensationPlanEndpoint
{
    public static void Map(RouteGroupBuilder complaints) =>
        complaints.MapPost("/{id:guid}/compensation-claim/plan", (Guid id, HttpContext http, ComplaintCommands commands, CancellationToken ct) =>
                commands.ExecuteAsync<DraftCompensationPlanRequest>(http, id, (b, by, _) => new DraftCompensationPlan(b.Plan ?? "", b.TechnicalAppraisal, b.LegalOpinion, by), ct))
            .WithName("DraftCompensationPlan")
            .RequireRoles(ComplaintRules.StaffRoles)
            .WithSummary("Draft the compensation plan with the technical appraisal and legal opinion.")
            .Accepts<DraftCompensationPlanRequest>("application/json")
            .Produces<ComplaintView>()
            .ProducesCommandProblems();
}
