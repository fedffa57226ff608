using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.Fees.Api;

namespace Platform.Fees.Features;

public sealed record ChangePayerRequest([Required] PayerKind? PayerKind, [Required] PayerRequest? Payer);

public static class ChangePayerEndpoint
{
    public static void Map(RouteGroupBuilder fees) =>
        fees.MapPost("/accounts/{id:guid}/payer", (Guid id, HttpContext http, AccountCommands commands, CancellationToken ct) =>
                commands.ExecuteAsync<ChangePayerRequest>(http, id, (b, by, _) =>
                {
                    var payer = Need.Item(b.Payer, "payer");
                    return new ChangePayer(id, Need.Value(b.PayerKind, "payerKind"), new Payer(Need.Text(payer.Name, "payer.name"), payer.Phone), by);
                }, ct))
            .WithName("ChangePayer")
            .RequireRoles(FeeRoles.Finance)
            .WithSummary("A new payer for the unit (a new tenant, a new owner); the ledger stays with the unit.")
            .Accepts<ChangePayerRequest>("application/json")
            .Produces<PayerAccountView>()
            .ProducesCommandProblems();
}
