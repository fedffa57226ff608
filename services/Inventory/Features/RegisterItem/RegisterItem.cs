using Platform.BuildingBlocks.EventSourcing;
using Platform.Inventory.Items;

namespace Platform.Inventory.Features;

/// <summary>
/// An item enters the catalogue under its code (000:312). A hazardous item must say its class and how it is put out, since
/// both decide where it may be stored (000:661-662); an item that is not hazardous has neither.
/// </summary>
public sealed record RegisterItem(
    Guid ItemId, string Code, string Name, ItemCategory Category, string Unit, decimal UnitCost, bool Hazardous,
    HazardClass? HazardClass, ExtinguishingMethod? ExtinguishingMethod, Actor By) : IItemCommand
{
    public static Decision Decide(RegisterItem command, ItemState state, DateTimeOffset now)
    {
        var invalid = CommandRules.RequireText(command.Code, "code", "The item's code (物资编码)")
            ?? CommandRules.RequireText(command.Name, "name", "The item's name (物资名称)")
            ?? CommandRules.RequireText(command.Unit, "unit", "The unit it is counted in")
            ?? (Money.IsYuan(command.UnitCost) ? null : Rejection.Invalid("unit-cost-invalid", "unitCost", "A unit cost is in yuan, not negative, with at most 2 decimal places."))
            ?? HazardDeclared(command);
        if (invalid is not null) return invalid;

        var registered = new ItemRegistered(
            command.ItemId, InventoryStreams.Key(command.Code), command.Name.Trim(), command.Category, command.Unit.Trim(), command.UnitCost,
            command.Hazardous, command.HazardClass, command.ExtinguishingMethod, now);
        if (!state.Exists) return Decision.Accept(registered);
        return state.Name == registered.Name && state.Unit == registered.Unit && state.Category == registered.Category
            && state.Hazardous == registered.Hazardous && state.HazardClass == registered.HazardClass
            ? Decision.NoChange
            : Rejection.Conflict("item-exists", $"Item {state.Code} is in the catalogue already as {state.Name} ({state.Unit}).");
    }

    private static Rejection? HazardDeclared(RegisterItem command) => command switch
    {
        { Hazardous: true, HazardClass: null } => Rejection.Invalid("hazard-class-required", "hazardClass", "A hazardous item says its hazard class (000:662)."),
        { Hazardous: true, ExtinguishingMethod: null } => Rejection.Invalid("extinguishing-method-required", "extinguishingMethod",
            "A hazardous item says how a fire in it is put out: goods put out differently are stored apart (000:662)."),
        { Hazardous: false, HazardClass: not null } => Rejection.Invalid("hazard-class-without-hazard", "hazardClass", "Only a hazardous item has a hazard class."),
        _ => null,
    };
}

/// <summary>A new unit cost applies to movements from now on; the ledger keeps the cost each movement was valued at.</summary>
public sealed record ChangeUnitCost(Guid ItemId, decimal UnitCost, Actor By) : IItemCommand
{
    public static Decision Decide(ChangeUnitCost command, ItemState state, DateTimeOffset now)
    {
        if (!state.Exists) return Rejection.NotFound("item-not-found", "There is no such item.");
        if (!Money.IsYuan(command.UnitCost))
            return Rejection.Invalid("unit-cost-invalid", "unitCost", "A unit cost is in yuan, not negative, with at most 2 decimal places.");
        return state.UnitCost == command.UnitCost ? Decision.NoChange : Decision.Accept(new ItemUnitCostChanged(command.UnitCost, now));
    }
}
