using Platform.BuildingBlocks.Security;
using Platform.BuildingBlocks.Http;
using Platform.Complaints.Api;

namespace Platform.Complaints.Features;

public sealed record ConfirmAgreementByLegalCounselRequest([Required] string? CounselName);

public static class ConfirmAgreementByLegalCounselEndpoint
{
    public static void Map(RouteGroupBuilder complaints) =>
        complaints.MapPost("/{id:guid}/compensation-claim/legal-confirmation", (Guid id, HttpContext http, ComplaintCommands commands, CancellationToken ct) =>
                commands.ExecuteAsync<ConfirmAgreementByLegalCounselRequest>(http, id, (b, by, _) => new ConfirmAgreementByLegalCounsel(b.CounselName ?? "", by), ct))
            .WithName("ConfirmAgreementByLegalCounsel")
            .RequireRoles(ComplaintRules.RolesFrom(HandlingLevel.DepartmentManager))
            .WithSummary("Record legal counsel's confirmation of the supplementary agreement.")
            .Accepts<ConfirmAgreementByLegalCounselRequest>("application/json")
            .Produces<ComplaintView>()
            .ProducesCommandProblems();
}
