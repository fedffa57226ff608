using System.Collections.Immutable;
using Platform.BuildingBlocks.EventSourcing;
using Platform.Inventory.Features;

namespace Platform.Inventory.Stocktakes;

/// <summary>One item counted at the month-end stocktake (月底盘点, 000:157), beside what the book said at the count.</summary>
[EventType("StockCounted.v1")]
public sealed record StockCounted(
    Guid StocktakeId, Guid StoreId, string? EstateId, string Month, string ItemCode, decimal Counted, decimal Book, string CountedBy, DateTimeOffset CountedAt);

[EventType("DiscrepancyExplained.v1")]
public sealed record DiscrepancyExplained(string ItemCode, string Explanation, string ExplainedBy, DateTimeOffset ExplainedAt);

/// <summary>The manager accepts the explanation: the book is adjusted by <see cref="Delta"/> (counted minus book) with it as the reason.</summary>
[EventType("DiscrepancyApproved.v1")]
public sealed record DiscrepancyApproved(string ItemCode, decimal Delta, decimal UnitCost, string Reason, string ApprovedBy, DateTimeOffset ApprovedAt);

/// <summary>帐实相符: every item on the books was counted and every difference explained, approved and posted.</summary>
[EventType("StocktakeReconciled.v1")]
public sealed record StocktakeReconciled(Guid StoreId, string Month, int ItemsCounted, int Discrepancies, string ReconciledBy, DateTimeOffset ReconciledAt);

public sealed record CountedItem(string ItemCode, decimal Counted, decimal Book, string? Explanation, bool Approved)
{
    public decimal Delta => Counted - Book;
    public bool IsDiscrepancy => Delta != 0;
}

public sealed record StocktakeState
{
    public static StocktakeState Initial { get; } = new();

    public bool Exists { get; init; }
    public Guid Id { get; init; }
    public Guid StoreId { get; init; }
    public string? EstateId { get; init; }
    public string Month { get; init; } = "";
    public ImmutableSortedDictionary<string, CountedItem> Items { get; init; } = ImmutableSortedDictionary<string, CountedItem>.Empty;
    public StocktakeReconciled? Reconciled { get; init; }

    public StocktakeState Apply(object @event) => @event switch
    {
        StockCounted e => this with
        {
            Exists = true, Id = e.StocktakeId, StoreId = e.StoreId, EstateId = e.EstateId, Month = e.Month,
            Items = Items.SetItem(e.ItemCode, new CountedItem(e.ItemCode, e.Counted, e.Book, null, false)),
        },
        DiscrepancyExplained e => this with { Items = Items.SetItem(e.ItemCode, Items[e.ItemCode] with { Explanation = e.Explanation }) },
        DiscrepancyApproved e => this with { Items = Items.SetItem(e.ItemCode, Items[e.ItemCode] with { Approved = true }) },
        StocktakeReconciled e => this with { Reconciled = e },
        _ => this,
    };
}

public interface IStocktakeCommand
{
    Guid StocktakeId { get; }
    Actor By { get; }
}

public sealed class StocktakeDecider : Decider<StocktakeState, IStocktakeCommand>
{
    public override StocktakeState Initial => StocktakeState.Initial;

    public override StocktakeState Evolve(StocktakeState state, object @event) => state.Apply(@event);

    public override Decision Decide(IStocktakeCommand command, StocktakeState state, DateTimeOffset now)
    {
        if (state.Reconciled is not null && command is not ReconcileStocktake)
            return Rejection.Conflict("stocktake-reconciled", $"The {state.Month} stocktake is reconciled (帐实相符); nothing in it changes.");
        return command switch
        {
            RecordCount c => RecordCount.Decide(c, state, now),
            ExplainDiscrepancy c => ExplainDiscrepancy.Decide(c, state, now),
            ApproveDiscrepancy c => ApproveDiscrepancy.Decide(c, state, now),
            ReconcileStocktake c => ReconcileStocktake.Decide(c, state, now),
            _ => throw new ArgumentException($"{command.GetType().Name} is not a stocktake command.", nameof(command)),
        };
    }
}
