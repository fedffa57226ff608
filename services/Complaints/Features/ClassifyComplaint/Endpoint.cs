using Platform.BuildingBlocks.Security;
using Platform.BuildingBlocks.Http;
using Platform.Complaints.Api;

namespace Platform.Complaints.Features;

public sealed record ClassifyComplaintRequest([Required] Category? Category, [Required] Severity? Severity, [Required] bool? Valid, bool? GroupComplaint);

public static class ClassifyComplaintEndpoint
{
    public static void Map(RouteGroupBuilder complaints) =>
        complaints.MapPost("/{id:guid}/classification", (Guid id, HttpContext http, ComplaintCommands commands, CancellationToken ct) =>
                commands.ExecuteAsync<ClassifyComplaintRequest>(http, id, (b, by, _) => new ClassifyComplaint(Need.Value(b.Category, "category"), Need.Value(b.Severity, "severity"), Need.Value(b.Valid, "valid"), b.GroupComplaint ?? false, by), ct))
            .WithName("ClassifyComplaint")
            .RequireRoles(ComplaintRules.StaffRoles)
            .WithSummary("Classify the complaint: category, severity, whether it is valid, group complaint.")
            .Accepts<ClassifyComplaintRequest>("application/json")
            .Produces<ComplaintView>()
            .ProducesCommandProblems();
}
