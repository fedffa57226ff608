using Platform.BuildingBlocks.Security;
using Platform.BuildingBlocks.Http;
using Platform.Complaints.Api;

namespace Platform.Complaints.Features;

public sealed record AttachEvidenceRequest([Required] string? PhotoRef, [FreeText] string? Caption);

public static class AttachEvidenceEndpoint
{
    public static void Map(RouteGroupBuilder complaints) =>
        complaints.MapPost("/{id:guid}/evidence", (Guid id, HttpContext http, ComplaintCommands commands, CancellationToken ct) =>
                commands.ExecuteAsync<AttachEvidenceRequest>(http, id, (b, by, _) => new AttachEvidence(b.PhotoRef ?? "", b.Caption, by), ct))
            .WithName("AttachEvidence")
            .RequireRoles(ComplaintRules.StaffRoles)
            .WithSummary("Attach an on-site photo (a reference to the stored file).")
            .Accepts<AttachEvidenceRequest>("application/json")
            .Produces<ComplaintView>()
            .ProducesCommandProblems();
}
