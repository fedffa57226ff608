using System.Globalization;
using Platform.BuildingBlocks.EventSourcing;

namespace Platform.Inventory;

/// <summary>What an item is (000:329-332, 000:157, 000:661); controlled items are lent and returned rather than consumed.</summary>
public enum ItemCategory { Tools, SpareParts, Consumables, CleaningSupplies, FireEquipment, HandlingAndStorageEquipment, ControlledItems, Other }

/// <summary>The hazard classes of dangerous goods (GB 6944); an item that is not hazardous has none.</summary>
public enum HazardClass { Explosives, Gases, FlammableLiquids, FlammableSolids, Oxidizers, Toxic, Corrosives }

/// <summary>How a fire in the goods is put out: goods put out differently are stored apart (000:662).</summary>
public enum ExtinguishingMethod { Water, Foam, DryPowder, CarbonDioxide, Sand }

/// <summary>The three tiers of the materials organisation (000:306): every store but the production store has a parent one tier up.</summary>
public enum StoreTier { ProductionStore, BusinessDepartment, Site }

/// <summary>紧急程度, required on a replenishment request (000:312).</summary>
public enum Urgency { Routine, Urgent, Immediate }

public enum SignatureTier { Requester, TeamLeader, Manager }

public static class InventoryStreams
{
    public const string Service = "inventory";

    public static AggregateStreams Items { get; } = new(Service, "item");
    public static AggregateStreams Stores { get; } = new(Service, "store");
    public static AggregateStreams Requisitions { get; } = new(Service, "requisition");
    public static AggregateStreams Replenishments { get; } = new(Service, "replenishment");
    public static AggregateStreams Stocktakes { get; } = new(Service, "stocktake");
    public static AggregateStreams ControlledItems { get; } = new(Service, "controlled-item");

    /// <summary>Codes are the business's keys: one item per code, one store per code, one tag per controlled item.</summary>
    public static Guid ItemId(string code) => DeterministicId.Create("inventory-item", Key(code));

    public static Guid StoreId(string code) => DeterministicId.Create("inventory-store", Key(code));

    public static Guid ControlledItemId(string tag) => DeterministicId.Create("controlled-item", Key(tag));

    /// <summary>One stocktake per store per month.</summary>
    public static Guid StocktakeId(Guid storeId, string month) => DeterministicId.Create("stocktake", storeId.ToString(), month);

    /// <summary>Codes compare without case or surrounding space, so "MOP-1" and " mop-1" are one item.</summary>
    public static string Key(string code) => code.Trim().ToUpperInvariant();
}

public static class InventoryRoles
{
    public static readonly string[] StoreKeepers = [Roles.StoreKeeper];

    /// <summary>The catalogue is kept by the materials office and the stores (000:306, 000:157).</summary>
    public static readonly string[] Catalogue = [Roles.StoreKeeper, Roles.MaterialsPlanner, Roles.ProductionManager];

    /// <summary>Who opens stores and sets reorder points: the materials office's planners and production management.</summary>
    public static readonly string[] StoreAdministration = [Roles.MaterialsPlanner, Roles.ProductionManager];

    /// <summary>Anyone who uses material may ask for it: the requester signs first.</summary>
    public static readonly string[] Requesters = [Roles.Technician, Roles.TeamLeader, Roles.StoreKeeper, Roles.SiteRepresentative];

    public static readonly string[] TeamLeaders = [Roles.TeamLeader];

    /// <summary>经理 of the requisition (000:157) and 业务部经理 of the replenishment chain (000:315).</summary>
    public static readonly string[] Managers = [Roles.DepartmentManager, Roles.GeneralManager];

    /// <summary>The site raises replenishment requests: its keeper, its chief representative.</summary>
    public static readonly string[] Sites = [Roles.StoreKeeper, Roles.SiteRepresentative];
}

public static class Quantities
{
    public const decimal Max = 1_000_000m;

    /// <summary>Counted in the item's unit, with at most 3 decimal places (2.5 litres).</summary>
    public static bool IsPositive(decimal quantity) => quantity is > 0 and <= Max && decimal.Round(quantity, 3) == quantity;

    public static bool IsCount(decimal quantity) => quantity is >= 0 and <= Max && decimal.Round(quantity, 3) == quantity;

    public static string Show(decimal quantity) => quantity.ToString("0.###", CultureInfo.InvariantCulture);
}

public static class InventoryRules
{
    public static Rejection? RequireQuantity(decimal quantity, string field) =>
        Quantities.IsPositive(quantity)
            ? null
            : Rejection.Invalid("quantity-invalid", field, $"A quantity is more than 0, at most {Quantities.Max:N0}, with at most 3 decimal places.");

    public static Rejection? RequireMonth(string? month, string field) =>
        month is { Length: 7 } && DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? null
            : Rejection.Invalid("month-invalid", field, "A month is written YYYY-MM.");

}

/// <summary>
/// Dangerous goods that must not share a store (「应分库存放」, 000:662): oxidizers with anything that burns, explosives with
/// anything else, and any two put out by different means.
/// </summary>
public static class HazardSegregation
{
    private static readonly HashSet<(HazardClass, HazardClass)> Incompatible =
    [
        (HazardClass.Oxidizers, HazardClass.FlammableLiquids), (HazardClass.Oxidizers, HazardClass.FlammableSolids),
        (HazardClass.Oxidizers, HazardClass.Gases), (HazardClass.Corrosives, HazardClass.Toxic),
        (HazardClass.Corrosives, HazardClass.FlammableLiquids),
    ];

    public static bool Conflict(HazardProfile a, HazardProfile b) =>
        a.Method != b.Method
        || (a.Class != b.Class && (a.Class == HazardClass.Explosives || b.Class == HazardClass.Explosives))
        || Incompatible.Contains((a.Class, b.Class)) || Incompatible.Contains((b.Class, a.Class));
}

public sealed record HazardProfile(HazardClass Class, ExtinguishingMethod Method);
