using Platform.BuildingBlocks.EventSourcing;
using Platform.Inventory.Items;
using Platform.Inventory.Requisitions;
using Platform.Inventory.Stores;

namespace Platform.Inventory.Features;

/// <summary>
/// A requisition (领用单) lists catalogue items in their own units, from one store, for a purpose; the requester is who asks
/// (a technician's work order drafts one for the technician, F5). Drafting is not signing: the requester signs next.
/// </summary>
/// <param name="Items">The catalogue entries of the lines' codes, as the handler found them (a missing code is absent).</param>
public sealed record DraftRequisition(
    Guid RequisitionId, StoreState Store, string RequesterId, string Purpose, Guid? WorkOrderId, Guid? MaterialsRequestId,
    IReadOnlyList<RequisitionLine> Lines, IReadOnlyDictionary<string, ItemState> Items, Actor By) : IRequisitionCommand
{
    public static Decision Decide(DraftRequisition command, RequisitionState state, DateTimeOffset now)
    {
        var invalid = CommandRules.RequireRole(command.By, InventoryRoles.Requesters, "requisition-by-a-user-of-material", "Requisitions are drafted by those who use the material.")
            ?? (command.Store.Exists ? null : Rejection.Invalid("store-not-found", "storeId", "There is no such store."))
            ?? CommandRules.RequireText(command.Purpose, "purpose", "The purpose of the requisition")
            ?? CatalogueLines(command.Lines, command.Items);
        if (invalid is not null) return invalid;

        var drafted = new RequisitionDrafted(
            command.RequisitionId, command.Store.Id, command.Store.EstateId, command.RequesterId, command.Purpose.Trim(), command.WorkOrderId,
            command.MaterialsRequestId, command.Lines.Select(l => l with { ItemCode = InventoryStreams.Key(l.ItemCode), Unit = l.Unit.Trim() }).ToList(), now);
        if (!state.Exists) return Decision.Accept(drafted);
        return state.RequesterId == drafted.RequesterId && state.Lines.SequenceEqual(drafted.Lines)
            ? Decision.NoChange
            : Rejection.Conflict("requisition-exists", "This requisition was drafted already with other lines.");
    }

    /// <summary>Every line names an item of the catalogue, once, in the item's unit, with a positive quantity.</summary>
    public static Rejection? CatalogueLines(IReadOnlyList<RequisitionLine> lines, IReadOnlyDictionary<string, ItemState> items)
    {
        if (lines.Count == 0) return Rejection.Invalid("lines-required", "lines", "A requisition lists at least one item.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var code = InventoryStreams.Key(line.ItemCode);
            if (CommandRules.RequireText(line.ItemCode, $"lines[{i}].itemCode", "The item's code") is { } missing) return missing;
            if (!items.TryGetValue(code, out var item) || !item.Exists)
                return Rejection.Invalid("item-not-in-catalogue", $"lines[{i}].itemCode", $"Item {code} is not in the catalogue.");
            if (!seen.Add(code))
                return Rejection.Invalid("item-listed-twice", $"lines[{i}].itemCode", $"Item {code} is listed twice; give one line with the whole quantity.");
            if (!string.Equals(line.Unit.Trim(), item.Unit, StringComparison.OrdinalIgnoreCase))
                return Rejection.Invalid("unit-differs-from-catalogue", $"lines[{i}].unit", $"Item {code} is counted in {item.Unit}.");
            if (InventoryRules.RequireQuantity(line.Quantity, $"lines[{i}].quantity") is { } quantity) return quantity;
        }
        return null;
    }
}

/// <summary>The issue the store recorded in its ledger, copied to the requisition so that it shows what was issued.</summary>
public sealed record RecordRequisitionIssue(Guid RequisitionId, Guid IssueId, IReadOnlyList<RequisitionLine> Lines, bool Complete, DateTimeOffset IssuedAt, Actor By)
    : IRequisitionCommand
{
    public static Decision Decide(RecordRequisitionIssue command, RequisitionState state, DateTimeOffset now)
    {
        if (!state.Exists) return Rejection.NotFound("requisition-not-found", "There is no such requisition.");
        return state.IssueIds.Contains(command.IssueId)
            ? Decision.NoChange
            : Decision.Accept(new RequisitionIssueRecorded(command.IssueId, command.Lines, command.Complete, command.IssuedAt));
    }
}
