using Platform.BuildingBlocks.EventSourcing;
using Platform.Inventory.Features;

namespace Platform.Inventory.Items;

/// <summary>An item of the catalogue (000:312: 物资编码, 物资名称). A hazardous item has its class and how a fire in it is put out.</summary>
[EventType("ItemRegistered.v1")]
public sealed record ItemRegistered(
    Guid ItemId, string Code, string Name, ItemCategory Category, string Unit, decimal UnitCost, bool Hazardous,
    HazardClass? HazardClass, ExtinguishingMethod? ExtinguishingMethod, DateTimeOffset RegisteredAt);

[EventType("ItemUnitCostChanged.v1")]
public sealed record ItemUnitCostChanged(decimal UnitCost, DateTimeOffset ChangedAt);

public sealed record ItemState
{
    public static ItemState Initial { get; } = new();

    public bool Exists { get; init; }
    public Guid Id { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public ItemCategory Category { get; init; }
    public string Unit { get; init; } = "";
    public decimal UnitCost { get; init; }
    public bool Hazardous { get; init; }
    public HazardClass? HazardClass { get; init; }
    public ExtinguishingMethod? ExtinguishingMethod { get; init; }

    public HazardProfile? Hazard => Hazardous ? new HazardProfile(HazardClass!.Value, ExtinguishingMethod!.Value) : null;

    public ItemState Apply(object @event) => @event switch
    {
        ItemRegistered e => this with
        {
            Exists = true, Id = e.ItemId, Code = e.Code, Name = e.Name, Category = e.Category, Unit = e.Unit, UnitCost = e.UnitCost,
            Hazardous = e.Hazardous, HazardClass = e.HazardClass, ExtinguishingMethod = e.ExtinguishingMethod,
        },
        ItemUnitCostChanged e => this with { UnitCost = e.UnitCost },
        _ => this,
    };
}

public interface IItemCommand
{
    Guid ItemId { get; }
    Actor By { get; }
}

public sealed class ItemDecider : Decider<ItemState, IItemCommand>
{
    public override ItemState Initial => ItemState.Initial;

    public override ItemState Evolve(ItemState state, object @event) => state.Apply(@event);

    public override Decision Decide(IItemCommand command, ItemState state, DateTimeOffset now)
    {
        if (CommandRules.RequireRole(command.By, InventoryRoles.Catalogue, "catalogue-is-the-stores", "The catalogue is kept by the stores and the materials office.") is { } forbidden)
            return forbidden;
        return command switch
        {
            RegisterItem c => RegisterItem.Decide(c, state, now),
            ChangeUnitCost c => ChangeUnitCost.Decide(c, state, now),
            _ => throw new ArgumentException($"{command.GetType().Name} is not an item command.", nameof(command)),
        };
    }
}
