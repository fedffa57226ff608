using Platform.BuildingBlocks.Security;
using Platform.BuildingBlocks.Http;
using Platform.Complaints.Api;

namespace Platform.Complaints.Features;

public static class CloseComplaintEndpoint
{
    public static void Map(RouteGroupBuilder complaints) =>
        complaints.MapPost("/{id:guid}/closure", (Guid id, HttpContext http, ComplaintCommands commands, CancellationToken ct) =>
                commands.ExecuteAsync(http, id, rawBody: "", (by, _) => new CloseComplaint(by), ct))
            .WithName("CloseComplaint")
            .RequireRoles(ComplaintRules.StaffRoles)
            .WithSummary("Close the complaint; refused until a follow-up found the complainant satisfied.")
            .Produces<ComplaintView>()
            .ProducesCommandProblems();
}
