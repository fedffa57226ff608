using Platform.BuildingBlocks.Security;
using Platform.BuildingBlocks.Http;
using Platform.Complaints.Api;

namespace Platform.Complaints.Features;

public sealed record EscalateComplaintRequest([Required] HandlingLevel? ToLevel, [Required, FreeText] string? Reason);

public static class EscalateComplaintEndpoint
{
    public static void Map(RouteGroupBuilder complaints) =>
        complaints.MapPost("/{id:guid}/escalation", (Guid id, HttpContext http, ComplaintCommands commands, CancellationToken ct) =>
                commands.ExecuteAsync<EscalateComplaintRequest>(http, id, (b, by, _) => new EscalateComplaint(Need.Value(b.ToLevel, "toLevel"), b.Reason ?? "", by), ct))
            .WithName("EscalateComplaint")
            .RequireRoles(ComplaintRules.StaffRoles)
            .WithSummary("Escalate along the chain agent → supervisor → department manager → general manager.")
            .Accepts<EscalateComplaintRequest>("application/json")
            .Produces<ComplaintView>()
            .ProducesCommandProblems();
}
