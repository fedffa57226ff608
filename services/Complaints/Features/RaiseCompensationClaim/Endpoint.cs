using Platform.BuildingBlocks.Security;
using Platform.BuildingBlocks.Http;
using Platform.Complaints.Api;

namespace Platform.Complaints.Features;

public sealed record RaiseCompensationClaimRequest([Required] decimal? Amount, [Required, FreeText] string? Basis, bool? EngineeringQuality);

public static class RaiseCompensationClaimEndpoint
{
    public static void Map(RouteGroupBuilder complaints) =>
        complaints.MapPost("/{id:guid}/compensation-claim", (Guid id, HttpContext http, ComplaintCommands commands, CancellationToken ct) =>
                commands.ExecuteAsync<RaiseCompensationClaimRequest>(http, id, (b, by, _) => new RaiseCompensationClaim(Need.Value(b.Amount, "amount"), b.Basis ?? "", b.EngineeringQuality ?? false, by), ct))
            .WithName("RaiseCompensationClaim")
            .RequireRoles(ComplaintRules.StaffRoles)
            .WithSummary("Raise a compensation claim (amount in yuan).")
            .Accepts<RaiseCompensationClaimRequest>("application/json")
            .Produces<ComplaintView>()
            .ProducesCommandProblems();
}
