using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.Complaints.Api;

namespace Platform.Complaints.Features;

public static class RecordFeeWithholdingEndpoint
{
    public static void Map(RouteGroupBuilder complaints) =>
        complaints.MapPost("/{id:guid}/compensation-claim/fees-withheld", (Guid id, HttpContext http, ComplaintCommands commands, CancellationToken ct) =>
                commands.ExecuteAsync(http, id, "", (by, _) => new RecordFeeWithholding(by), ct))
            .WithName("RecordFeeWithholding")
            .RequireRoles(ComplaintRules.StaffRoles)
            .WithSummary("Record that the complainant withholds fees over the open claim: Fees disputes the unit's charges until the claim is settled (F9).")
            .Produces<ComplaintView>()
            .ProducesCommandProblems();
}
