using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.Fees.Api;

using NewAccount = Platform.BuildingBlocks.Http.NewAggregate<Platform.Fees.Accounts.IPayerAccountCommand>;

namespace Platform.Fees.Features;

public sealed record UnitRequest([Required] string? EstateId, [Required] string? Building, string? Entrance, string? Room);

public sealed record PayerRequest([Required] string? Name, string? Phone);

/// <param name="PropertyFeeStandard">The code of the property-fee standard the monthly run bills at (per m²); none: not billed monthly.</param>
/// <param name="ParkingFeeStandard">The code of the parking standard the monthly run bills per space.</param>
public sealed record OpenPayerAccountRequest(
    [Required] UnitRequest? Unit,
    [Required] PayerKind? PayerKind,
    [Required] PayerRequest? Payer,
    Occupancy? Occupancy,
    [RequiredWhen("when propertyFeeStandard is given")] decimal? FloorArea,
    [RequiredWhen("when parkingFeeStandard is given")] int? ParkingSpaces,
    string? PropertyFeeStandard,
    string? ParkingFeeStandard);

public sealed record ChangeOccupancyRequest([Required] Occupancy? Occupancy);

public static class PayerAccountEndpoints
{
    public static void Map(RouteGroupBuilder fees)
    {
        fees.MapPost("/accounts", (HttpContext http, AccountCommands commands, CancellationToken ct) =>
                commands.CreateAsync<OpenPayerAccountRequest>(http, (b, by, _) =>
                {
                    var unit = Need.Item(b.Unit, "unit");
                    var payer = Need.Item(b.Payer, "payer");
                    var address = new UnitAddress(Need.Text(unit.EstateId, "unit.estateId"), Need.Text(unit.Building, "unit.building"), unit.Entrance, unit.Room);
                    var open = new OpenPayerAccount(
                        address, Need.Value(b.PayerKind, "payerKind"), new Payer(Need.Text(payer.Name, "payer.name"), payer.Phone),
                        b.Occupancy ?? Occupancy.Occupied, b.FloorArea ?? 0, b.ParkingSpaces ?? 0, b.PropertyFeeStandard, b.ParkingFeeStandard, by);
                    return NewAccount.At(open.AccountId, open, address.EstateId.Trim());
                }, ct))
            .WithName("OpenPayerAccount")
            .RequireRoles(FeeRoles.Finance)
            .WithSummary("Open the payer account of a unit, for its owner or a tenant. The id follows from the unit: one account per unit.")
            .Accepts<OpenPayerAccountRequest>("application/json")
            .Produces<PayerAccountView>(StatusCodes.Status201Created)
            .ProducesCommandProblems();

        fees.MapGet("/accounts/{id:guid}", (Guid id, HttpContext http, AccountCommands commands, CancellationToken ct) => commands.GetAsync(http, id, ct))
            .WithName("GetPayerAccount")
            .WithSummary("A payer account: charges with their status, payments, refunds, and the ledger of every posting.")
            .Produces<PayerAccountView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        fees.MapPost("/accounts/{id:guid}/occupancy", (Guid id, HttpContext http, AccountCommands commands, CancellationToken ct) =>
                commands.ExecuteAsync<ChangeOccupancyRequest>(http, id, (b, by, _) => new ChangeOccupancy(id, Need.Value(b.Occupancy, "occupancy"), by), ct))
            .WithName("ChangeOccupancy")
            .RequireRoles([.. FeeRoles.Finance, .. FeeRoles.CustomerService])
            .WithSummary("Record the unit's occupancy: occupied, vacant, received but not decorated, owner away.")
            .Accepts<ChangeOccupancyRequest>("application/json")
            .Produces<PayerAccountView>()
            .ProducesCommandProblems();
    }
}
