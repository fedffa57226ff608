using System.Collections.Immutable;
using Platform.BuildingBlocks.EventSourcing;
using Platform.Inventory.Features;

namespace Platform.Inventory.Stores;

/// <summary>A store of one tier (000:306) under its parent one tier up; a hazardous-goods store is dedicated to them (000:661).</summary>
[EventType("StoreOpened.v1")]
public sealed record StoreOpened(
    Guid StoreId, string Code, string Name, StoreTier Tier, Guid? ParentId, string? EstateId, bool HazardousGoods, DateTimeOffset OpenedAt);

[EventType("KeeperAssigned.v1")]
public sealed record KeeperAssigned(string KeeperId, bool FireTrained, string? TrainingCertificate, DateTimeOffset AssignedAt);

/// <summary>The minimum a site store keeps of an item; below it a draft replenishment request is raised.</summary>
[EventType("ReorderPointSet.v1")]
public sealed record ReorderPointSet(string ItemCode, decimal Minimum, DateTimeOffset SetAt);

/// <summary>The inspection department's check of hazardous goods before receipt (000:663).</summary>
public sealed record Inspection(string InspectorId, string Reference, DateOnly InspectedOn);

/// <summary>
/// Where hazardous goods are put and the distances around the stack, in metres and square metres (000:664).
/// <see cref="GapToNearestStack"/> is absent when the stack stands alone.
/// </summary>
public sealed record Putaway(string StackId, decimal StackArea, decimal? GapToNearestStack, decimal GapToWall, decimal GapToBeamOrColumn, decimal MainAisleWidth);

/// <summary>入库 (000:157): from a supplier's delivery, or a transfer from the store above; <see cref="ReplenishmentId"/> names the request it answers.</summary>
[EventType("GoodsReceived.v1")]
public sealed record GoodsReceived(
    Guid ReceiptId, string? EstateId, string ItemCode, decimal Quantity, decimal UnitCost, string DeliveryNote, string? Supplier, Guid? ReplenishmentId,
    HazardProfile? Hazard, Inspection? Inspection, Putaway? Putaway, decimal BalanceAfter, string ReceivedBy, DateTimeOffset ReceivedAt);

public sealed record IssuedLine(string ItemCode, decimal Quantity, string Unit, decimal UnitCost, decimal BalanceAfter);

/// <summary>出库 against a fully signed requisition. <see cref="Complete"/> when nothing of it is left to issue.</summary>
[EventType("GoodsIssued.v1")]
public sealed record GoodsIssued(
    Guid IssueId, Guid RequisitionId, Guid? WorkOrderId, string? EstateId, IReadOnlyList<IssuedLine> Lines, bool Complete, string IssuedBy, DateTimeOffset IssuedAt);

/// <summary>A transfer out: the production store issues an approved request to its site (000:323).</summary>
[EventType("StockDispatched.v1")]
public sealed record StockDispatched(
    Guid ReplenishmentId, Guid ToStoreId, string ItemCode, decimal Quantity, decimal UnitCost, decimal BalanceAfter, DateTimeOffset DispatchedAt);

/// <summary>A stocktake difference the manager approved, posted with its reason; <see cref="Delta"/> is counted minus book.</summary>
[EventType("StockAdjusted.v1")]
public sealed record StockAdjusted(Guid StocktakeId, string ItemCode, decimal Delta, decimal UnitCost, string Reason, decimal BalanceAfter, DateTimeOffset AdjustedAt);

[EventType("StockFellBelowMinimum.v1")]
public sealed record StockFellBelowMinimum(string ItemCode, decimal Balance, decimal Minimum, DateTimeOffset DetectedAt);

public sealed record StoreState
{
    public static StoreState Initial { get; } = new();

    public bool Exists { get; init; }
    public Guid Id { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public StoreTier Tier { get; init; }
    public Guid? ParentId { get; init; }
    public string? EstateId { get; init; }
    public bool HazardousGoods { get; init; }
    public ImmutableDictionary<string, bool> Keepers { get; init; } = ImmutableDictionary<string, bool>.Empty;
    public ImmutableDictionary<string, decimal> Balances { get; init; } = ImmutableDictionary<string, decimal>.Empty;
    public ImmutableDictionary<string, decimal> Minimums { get; init; } = ImmutableDictionary<string, decimal>.Empty;
    public ImmutableHashSet<string> BelowMinimum { get; init; } = [];
    /// <summary>The hazard of each item this store has received, so that conflicting goods stay apart (000:662).</summary>
    public ImmutableDictionary<string, HazardProfile> Hazards { get; init; } = ImmutableDictionary<string, HazardProfile>.Empty;
    public ImmutableDictionary<Guid, GoodsReceived> Receipts { get; init; } = ImmutableDictionary<Guid, GoodsReceived>.Empty;
    /// <summary>What each requisition has had from this store, item by item.</summary>
    public ImmutableDictionary<Guid, ImmutableDictionary<string, decimal>> IssuedFor { get; init; } = ImmutableDictionary<Guid, ImmutableDictionary<string, decimal>>.Empty;
    public int Issues { get; init; }
    public ImmutableHashSet<Guid> Dispatched { get; init; } = [];
    public ImmutableHashSet<(Guid Stocktake, string Item)> Adjusted { get; init; } = [];

    public decimal Balance(string itemCode) => Balances.GetValueOrDefault(itemCode);

    public decimal IssuedAgainst(Guid requisitionId, string itemCode) =>
        IssuedFor.TryGetValue(requisitionId, out var issued) ? issued.GetValueOrDefault(itemCode) : 0;

    /// <summary>Holdings of hazardous goods now on hand, by item.</summary>
    public IEnumerable<(string Item, HazardProfile Hazard)> HazardsOnHand =>
        Hazards.Where(h => Balance(h.Key) > 0).Select(h => (h.Key, h.Value));

    public StoreState Apply(object @event) => @event switch
    {
        StoreOpened e => this with
        {
            Exists = true, Id = e.StoreId, Code = e.Code, Name = e.Name, Tier = e.Tier, ParentId = e.ParentId, EstateId = e.EstateId,
            HazardousGoods = e.HazardousGoods,
        },
        KeeperAssigned e => this with { Keepers = Keepers.SetItem(e.KeeperId, e.FireTrained) },
        ReorderPointSet e => Moved(this with { Minimums = Minimums.SetItem(e.ItemCode, e.Minimum) }, e.ItemCode, 0),
        GoodsReceived e => Moved(this with
        {
            Receipts = Receipts.SetItem(e.ReceiptId, e),
            Hazards = e.Hazard is null ? Hazards : Hazards.SetItem(e.ItemCode, e.Hazard),
        }, e.ItemCode, e.Quantity),
        GoodsIssued e => e.Lines.Aggregate(this with
        {
            Issues = Issues + 1,
            IssuedFor = IssuedFor.SetItem(e.RequisitionId, e.Lines.Aggregate(
                IssuedFor.GetValueOrDefault(e.RequisitionId) ?? ImmutableDictionary<string, decimal>.Empty,
                (issued, line) => issued.SetItem(line.ItemCode, issued.GetValueOrDefault(line.ItemCode) + line.Quantity))),
        }, (state, line) => Moved(state, line.ItemCode, -line.Quantity)),
        StockDispatched e => Moved(this with { Dispatched = Dispatched.Add(e.ReplenishmentId) }, e.ItemCode, -e.Quantity),
        StockAdjusted e => Moved(this with { Adjusted = Adjusted.Add((e.StocktakeId, e.ItemCode)) }, e.ItemCode, e.Delta),
        StockFellBelowMinimum e => this with { BelowMinimum = BelowMinimum.Add(e.ItemCode) },
        _ => this,
    };

    /// <summary>A movement changes the balance; stock back at or above its minimum may fall below it again later.</summary>
    private static StoreState Moved(StoreState state, string itemCode, decimal delta)
    {
        var balance = state.Balance(itemCode) + delta;
        var restored = state.BelowMinimum.Contains(itemCode) && balance >= state.Minimums.GetValueOrDefault(itemCode);
        return state with
        {
            Balances = state.Balances.SetItem(itemCode, balance),
            BelowMinimum = restored ? state.BelowMinimum.Remove(itemCode) : state.BelowMinimum,
        };
    }
}

public interface IStoreCommand
{
    Guid StoreId { get; }
    Actor By { get; }
}

public sealed class StoreDecider : Decider<StoreState, IStoreCommand>
{
    public override StoreState Initial => StoreState.Initial;

    public override StoreState Evolve(StoreState state, object @event) => state.Apply(@event);

    public override Decision Decide(IStoreCommand command, StoreState state, DateTimeOffset now) => command switch
    {
        OpenStore c => OpenStore.Decide(c, state, now),
        AssignKeeper c => AssignKeeper.Decide(c, state, now),
        SetReorderPoint c => SetReorderPoint.Decide(c, state, now),
        ReceiveGoods c => ReceiveGoods.Decide(c, state, now),
        IssueRequisition c => IssueRequisition.Decide(c, state, now),
        DispatchReplenishment c => DispatchReplenishment.Decide(c, state, now),
        AdjustStock c => AdjustStock.Decide(c, state, now),
        _ => throw new ArgumentException($"{command.GetType().Name} is not a store command.", nameof(command)),
    };

    /// <summary>Each item whose balance these events take below its minimum, once until it is restored.</summary>
    public static IEnumerable<object> WithFallsBelowMinimum(StoreState state, IReadOnlyList<object> events, DateTimeOffset now)
    {
        var after = events.Aggregate(state, (s, e) => s.Apply(e));
        foreach (var e in events) yield return e;
        foreach (var (item, minimum) in after.Minimums)
            if (after.Balance(item) < minimum && !after.BelowMinimum.Contains(item))
                yield return new StockFellBelowMinimum(item, after.Balance(item), minimum, now);
    }
}
