using Platform.BuildingBlocks.Security;
using Platform.BuildingBlocks.Http;
using Platform.Complaints.Api;

namespace Platform.Complaints.Features;

public sealed record CommunicateProgressRequest([Required, FreeText] string? Message);

public static class CommunicateProgressEndpoint
{
    public static void Map(RouteGroupBuilder complaints) =>
        complaints.MapPost("/{id:guid}/progress-updates", (Guid id, HttpContext http, ComplaintCommands commands, CancellationToken ct) =>
                commands.ExecuteAsync<CommunicateProgressRequest>(http, id, (b, by, _) => new CommunicateProgress(b.Message ?? "", by), ct))
            .WithName("CommunicateProgress")
            .RequireRoles(ComplaintRules.StaffRoles)
            .WithSummary("Tell the complainant how handling is going; the first one is the reply.")
            .Accepts<CommunicateProgressRequest>("application/json")
            .Produces<ComplaintView>()
            .ProducesCommandProblems();
}
