using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Security;
using Platform.Fees.Accounts;

namespace Platform.Fees.Features;

/// <summary>
/// A payer account for a unit, in the owner's or a tenant's name (「公寓多为出租户」, 000:138), with the unit's occupancy,
/// its floor area and parking spaces, and the standards its monthly fees are billed at.
/// </summary>
public sealed record OpenPayerAccount(
    UnitAddress Unit,
    PayerKind PayerKind,
    Payer Payer,
    Occupancy Occupancy,
    decimal FloorArea,
    int ParkingSpaces,
    string? PropertyFeeStandard,
    string? ParkingFeeStandard,
    Actor By) : IPayerAccountCommand
{
    public Guid AccountId => Unit.AccountId;

    public static Decision Decide(OpenPayerAccount command, PayerAccountState state, DateTimeOffset now)
    {
        var invalid = CommandRules.RequireRole(command.By, FeeRoles.Finance, "accounts-are-opened-by-finance", "Only finance opens payer accounts.")
            ?? FeeRules.RequireText(command.Unit.EstateId, "unit.estateId", "The estate")
            ?? FeeRules.RequireText(command.Unit.Building, "unit.building", "The building")
            ?? FeeRules.RequireText(command.Payer.Name, "payer.name", "The payer's name")
            ?? (command.Payer.Phone is { Length: > 0 } phone && !PersonalData.IsPlausiblePhone(phone)
                ? Rejection.Invalid("phone-invalid", "payer.phone", "The phone number is not one a caller could be reached at.")
                : null)
            ?? (command.FloorArea is < 0 or > 100_000 || decimal.Round(command.FloorArea, 2) != command.FloorArea
                ? Rejection.Invalid("floor-area-invalid", "floorArea", "The floor area is in m², 0 to 100,000, with at most 2 decimal places.")
                : null)
            ?? (command.ParkingSpaces is < 0 or > 1000 ? Rejection.Invalid("parking-spaces-invalid", "parkingSpaces", "Parking spaces are 0 to 1,000.") : null)
            ?? (command.PropertyFeeStandard is not null && command.FloorArea <= 0
                ? Rejection.Invalid("floor-area-required", "floorArea", "A property fee per m² needs the unit's floor area.")
                : null)
            ?? (command.ParkingFeeStandard is not null && command.ParkingSpaces == 0
                ? Rejection.Invalid("parking-spaces-required", "parkingSpaces", "A parking fee needs at least one space.")
                : null);
        if (invalid is not null) return invalid;

        var opened = new PayerAccountOpened(
            command.AccountId, Trimmed(command.Unit), command.PayerKind, new Payer(command.Payer.Name.Trim(), command.Payer.Phone?.Trim()),
            command.Occupancy, command.FloorArea, command.ParkingSpaces, command.PropertyFeeStandard?.Trim(), command.ParkingFeeStandard?.Trim(), now);
        if (!state.Exists) return Decision.Accept(opened);

        return state.Payer == opened.Payer && state.PayerKind == opened.PayerKind && state.FloorArea == opened.FloorArea
            ? Decision.NoChange
            : Rejection.Conflict("account-already-open", "This unit already has a payer account.");
    }

    private static UnitAddress Trimmed(UnitAddress unit) =>
        new(unit.EstateId.Trim(), unit.Building.Trim(), unit.Entrance?.Trim() is { Length: > 0 } e ? e : null, unit.Room?.Trim() is { Length: > 0 } r ? r : null);
}
