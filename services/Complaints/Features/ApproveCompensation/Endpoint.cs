using Platform.BuildingBlocks.Security;
using Platform.BuildingBlocks.Http;
using Platform.Complaints.Api;

namespace Platform.Complaints.Features;

public sealed record ApproveCompensationRequest(decimal? ApprovedAmount);

public static class ApproveCompensationEndpoint
{
    public static void Map(RouteGroupBuilder complaints) =>
        complaints.MapPost("/{id:guid}/compensation-claim/approval", (Guid id, HttpContext http, ComplaintCommands commands, CancellationToken ct) =>
                commands.ExecuteAsync<ApproveCompensationRequest>(http, id, (b, by, _) => new ApproveCompensation(b.ApprovedAmount, by), ct))
            .WithName("ApproveCompensation")
            .RequireRoles(ComplaintRules.StaffRoles)
            .WithSummary("Approve the claim; the approver's role must have the authority for it.")
            .Accepts<ApproveCompensationRequest>("application/json")
            .Produces<ComplaintView>()
            .ProducesCommandProblems();
}
