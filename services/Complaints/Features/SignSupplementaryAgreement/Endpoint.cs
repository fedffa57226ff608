using Platform.BuildingBlocks.Security;
using Platform.BuildingBlocks.Http;
using Platform.Complaints.Api;

namespace Platform.Complaints.Features;

public sealed record SignSupplementaryAgreementRequest([Required] string? AgreementReference);

public static class SignSupplementaryAgreementEndpoint
{
    public static void Map(RouteGroupBuilder complaints) =>
        complaints.MapPost("/{id:guid}/compensation-claim/agreement-signature", (Guid id, HttpContext http, ComplaintCommands commands, CancellationToken ct) =>
                commands.ExecuteAsync<SignSupplementaryAgreementRequest>(http, id, (b, by, _) => new SignSupplementaryAgreement(b.AgreementReference ?? "", by), ct))
            .WithName("SignSupplementaryAgreement")
            .RequireRoles(ComplaintRules.RolesFrom(HandlingLevel.ComplaintSupervisor))
            .WithSummary("Record the signed supplementary agreement.")
            .Accepts<SignSupplementaryAgreementRequest>("application/json")
            .Produces<ComplaintView>()
            .ProducesCommandProblems();
}
