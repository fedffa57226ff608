using Platform.BuildingBlocks.Security;
using Platform.BuildingBlocks.Http;
using Platform.Complaints.Api;

namespace Platform.Complaints.Features;

public sealed record RejectCompensationRequest([Required, FreeText] string? Reason);

public static class RejectCompensationEndpoint
{
    public static void Map(RouteGroupBuilder complaints) =>
        complaints.MapPost("/{id:guid}/compensation-claim/rejection", (Guid id, HttpContext http, ComplaintCommands commands, CancellationToken ct) =>
                commands.ExecuteAsync<RejectCompensationRequest>(http, id, (b, by, _) => new RejectCompensation(b.Reason ?? "", by), ct))
            .WithName("RejectCompensation")
            .RequireRoles(ComplaintRules.StaffRoles)
            .WithSummary("Reject the claim and return the complaint to handling.")
            .Accepts<RejectCompensationRequest>("application/json")
            .Produces<ComplaintView>()
            .ProducesCommandProblems();
}
