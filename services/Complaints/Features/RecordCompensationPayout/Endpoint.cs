using Platform.BuildingBlocks.Security;
using Platform.BuildingBlocks.Http;
using Platform.Complaints.Api;

namespace Platform.Complaints.Features;

public sealed record RecordCompensationPayoutRequest([Required] decimal? Amount, string? PaymentReference);

public static class RecordCompensationPayoutEndpoint
{
    public static void Map(RouteGroupBuilder complaints) =>
        complaints.MapPost("/{id:guid}/compensation-claim/payouts", (Guid id, HttpContext http, ComplaintCommands commands, CancellationToken ct) =>
                commands.ExecuteAsync<RecordCompensationPayoutRequest>(http, id, (b, by, _) => new RecordCompensationPayout(Need.Value(b.Amount, "amount"), b.PaymentReference, by), ct))
            .WithName("RecordCompensationPayout")
            .RequireRoles(ComplaintRules.PayoutRecorderRoles)
            .WithSummary("Record a payout; refused without an approved, legally confirmed and signed agreement.")
            .Accepts<RecordCompensationPayoutRequest>("application/json")
            .Produces<ComplaintView>()
            .ProducesCommandProblems();
}
