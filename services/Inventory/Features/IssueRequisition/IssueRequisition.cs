using Platform.BuildingBlocks.EventSourcing;
using Platform.Inventory.Items;
using Platform.Inventory.Requisitions;
using Platform.Inventory.Stores;

namespace Platform.Inventory.Features;

public sealed record IssueLine(string ItemCode, decimal Quantity);

/// <summary>
/// 出库: the store keeper issues a requisition only once the requester, the team leader and the manager have signed
/// (「…签字后方可出库」, 000:157), and only from stock on hand, so the book never goes below zero. A refusal names the missing
/// signatures or the short items and changes no stock. When stock is short the keeper may issue part, line by line
/// (<see cref="Lines"/>); the rest stays outstanding on the requisition for a later issue.
/// </summary>
/// <param name="Lines">What to issue now; absent: everything still outstanding.</param>
/// <param name="Items">The catalogue entries of the requisition's items, for their unit cost and hazard.</param>
public sealed record IssueRequisition(
    Guid StoreId, RequisitionState Requisition, IReadOnlyList<IssueLine>? Lines, IReadOnlyDictionary<string, ItemState> Items, Actor By) : IStoreCommand
{
    public static Decision Decide(IssueRequisition command, StoreState state, DateTimeOffset now)
    {
        if (!state.Exists) return Rejection.NotFound("store-not-found", "There is no such store.");
        if (CommandRules.RequireRole(command.By, InventoryRoles.StoreKeepers, "issued-by-the-store-keeper", "The store keeper issues goods (000:157).") is { } forbidden)
            return forbidden;
        var requisition = command.Requisition;
        if (!requisition.Exists) return Rejection.Invalid("requisition-not-found", "requisitionId", "There is no such requisition.");
        if (requisition.StoreId != state.Id)
            return Rejection.Invalid("requisition-for-another-store", "requisitionId", "The requisition draws on another store.");
        if (requisition.Rejection is not null) return Rejection.Conflict("requisition-rejected", "The requisition was rejected; nothing is issued.");
        if (requisition.MissingSignatures is { Count: > 0 } missing)
            return Rejection.Conflict("missing-signatures",
                $"Not issued: the requisition lacks the signature of the {string.Join(", the ", missing.Select(SignRequisition.Name))} (000:157: 签字后方可出库).");

        var outstanding = requisition.Lines.ToDictionary(l => l.ItemCode, l => l.Quantity - state.IssuedAgainst(requisition.Id, l.ItemCode));
        if (outstanding.Values.All(q => q <= 0)) return Decision.NoChange;

        var (asked, invalid) = Asked(command.Lines, outstanding);
        if (invalid is not null) return invalid;

        var shortLines = asked.Where(l => state.Balance(l.ItemCode) < l.Quantity).ToList();
        if (shortLines.Count > 0)
            return Rejection.Conflict("insufficient-stock", "Not issued: short of " + string.Join("; ", shortLines.Select(l =>
                $"{l.ItemCode} ({Quantities.Show(l.Quantity)} asked, {Quantities.Show(state.Balance(l.ItemCode))} on hand)")) + ".");

        foreach (var line in asked)
            if (command.Items.TryGetValue(line.ItemCode, out var item) && AssignKeeper.TrainedKeeperFor(state, item, command.By) is { } untrained)
                return untrained;

        var units = requisition.Lines.ToDictionary(l => l.ItemCode, l => l.Unit);
        var lines = asked.Select(l => new IssuedLine(
            l.ItemCode, l.Quantity, units[l.ItemCode], command.Items.GetValueOrDefault(l.ItemCode)?.UnitCost ?? 0, state.Balance(l.ItemCode) - l.Quantity)).ToList();
        var complete = outstanding.All(o => o.Value - asked.Where(a => a.ItemCode == o.Key).Sum(a => a.Quantity) <= 0);
        var issueId = DeterministicId.Create("goods-issue", state.Id.ToString(), (state.Issues + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var issued = new GoodsIssued(issueId, requisition.Id, requisition.WorkOrderId, state.EstateId, lines, complete, command.By.Id, now);
        return Decision.Accept(StoreDecider.WithFallsBelowMinimum(state, [issued], now));
    }

    private static (IReadOnlyList<IssueLine> Asked, Rejection? Invalid) Asked(IReadOnlyList<IssueLine>? lines, Dictionary<string, decimal> outstanding)
    {
        if (lines is null) return (outstanding.Where(o => o.Value > 0).Select(o => new IssueLine(o.Key, o.Value)).ToList(), null);
        if (lines.Count == 0) return ([], Rejection.Invalid("lines-required", "lines", "Name at least one line to issue, or leave lines out to issue everything outstanding."));
        var asked = new List<IssueLine>();
        for (var i = 0; i < lines.Count; i++)
        {
            var code = InventoryStreams.Key(lines[i].ItemCode ?? "");
            if (!outstanding.TryGetValue(code, out var left))
                return ([], Rejection.Invalid("item-not-on-requisition", $"lines[{i}].itemCode", $"{code} is not on the requisition."));
            if (asked.Any(a => a.ItemCode == code))
                return ([], Rejection.Invalid("item-listed-twice", $"lines[{i}].itemCode", $"{code} is listed twice."));
            if (InventoryRules.RequireQuantity(lines[i].Quantity, $"lines[{i}].quantity") is { } quantity) return ([], quantity);
            if (lines[i].Quantity > left)
                return ([], Rejection.Invalid("more-than-outstanding", $"lines[{i}].quantity", $"{Quantities.Show(left)} of {code} is outstanding on the requisition."));
            asked.Add(new IssueLine(code, lines[i].Quantity));
        }
        return (asked, null);
    }
}
