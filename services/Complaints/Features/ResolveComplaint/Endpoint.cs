using Platform.BuildingBlocks.Security;
using Platform.BuildingBlocks.Http;
using Platform.Complaints.Api;

namespace Platform.Complaints.Features;

public sealed record ResolveComplaintRequest([Required, FreeText] string? Solution);

public static class ResolveComplaintEndpoint
{
    public static void Map(RouteGroupBuilder complaints) =>
        complaints.MapPost("/{id:guid}/resolution", (Guid id, HttpContext http, ComplaintCommands commands, CancellationToken ct) =>
                commands.ExecuteAsync<ResolveComplaintRequest>(http, id, (b, by, _) => new ResolveComplaint(b.Solution ?? "", by), ct))
            .WithName("ResolveComplaint")
            .RequireRoles(ComplaintRules.StaffRoles)
            .WithSummary("Resolve the complaint with the solution given.")
            .Accepts<ResolveComplaintRequest>("application/json")
            .Produces<ComplaintView>()
            .ProducesCommandProblems();
}
