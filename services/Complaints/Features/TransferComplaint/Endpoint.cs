using Platform.BuildingBlocks.Security;
using Platform.BuildingBlocks.Http;
using Platform.Complaints.Api;

namespace Platform.Complaints.Features;

public sealed record TransferComplaintRequest([Required] string? Department, bool? NeedsWork, [FreeText, RequiredWhen("when needsWork is true")] string? WorkDescription);

public static class TransferComplaintEndpoint
{
    public static void Map(RouteGroupBuilder complaints) =>
        complaints.MapPost("/{id:guid}/transfer", (Guid id, HttpContext http, ComplaintCommands commands, CancellationToken ct) =>
                commands.ExecuteAsync<TransferComplaintRequest>(http, id, (b, by, _) => new TransferComplaint(b.Department ?? "", b.NeedsWork ?? false, b.WorkDescription, by), ct))
            .WithName("TransferComplaint")
            .RequireRoles(ComplaintRules.StaffRoles)
            .WithSummary("Transfer to the responsible department; needsWork asks for a work order (派工单).")
            .Accepts<TransferComplaintRequest>("application/json")
            .Produces<ComplaintView>()
            .ProducesCommandProblems();
}
