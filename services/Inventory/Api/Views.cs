using Platform.BuildingBlocks.EventSourcing;
using Platform.Inventory.ControlledItems;
using Platform.Inventory.Items;
using Platform.Inventory.Replenishments;
using Platform.Inventory.Requisitions;
using Platform.Inventory.Stocktakes;
using Platform.Inventory.Stores;

namespace Platform.Inventory.Api;

public sealed record ItemView(
    Guid Id, string Code, string Name, string Category, string Unit, decimal UnitCost, bool Hazardous, string? HazardClass, string? ExtinguishingMethod)
{
    public static ItemView From(ItemState s) => new(
        s.Id, s.Code, s.Name, WireName.Of(s.Category), s.Unit, s.UnitCost, s.Hazardous,
        s.HazardClass is { } c ? WireName.Of(c) : null, s.ExtinguishingMethod is { } m ? WireName.Of(m) : null);
}

public sealed record StockView(string ItemCode, decimal Quantity, decimal? Minimum, bool BelowMinimum);

public sealed record KeeperView(string KeeperId, bool FireTrained);

public sealed record StoreView(
    Guid Id, string Code, string Name, string Tier, Guid? ParentId, string? EstateId, bool HazardousGoods, IReadOnlyList<KeeperView> Keepers,
    IReadOnlyList<StockView> Stock)
{
    public static StoreView From(StoreState s) => new(
        s.Id, s.Code, s.Name, WireName.Of(s.Tier), s.ParentId, s.EstateId, s.HazardousGoods,
        s.Keepers.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => new KeeperView(k.Key, k.Value)).ToList(),
        s.Balances.Keys.Union(s.Minimums.Keys).Order(StringComparer.Ordinal)
            .Select(code => new StockView(code, s.Balance(code), s.Minimums.TryGetValue(code, out var m) ? m : null, s.BelowMinimum.Contains(code))).ToList());
}

public sealed record SignatureView(string Tier, string SignerId, DateTimeOffset SignedAt);

public sealed record RequisitionLineView(string ItemCode, decimal Quantity, string Unit, decimal Issued);

public sealed record RequisitionView(
    Guid Id, Guid StoreId, string? EstateId, string RequesterId, string Purpose, Guid? WorkOrderId, string Status,
    IReadOnlyList<RequisitionLineView> Lines, IReadOnlyList<SignatureView> Signatures, IReadOnlyList<string> MissingSignatures,
    string? RejectedBy, string? RejectionReason, DateTimeOffset DraftedAt)
{
    public static RequisitionView From(RequisitionState s)
    {
        var issued = s.Issues.SelectMany(i => i.Lines).GroupBy(l => l.ItemCode).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));
        return new(
            s.Id, s.StoreId, s.EstateId, s.RequesterId, s.Purpose, s.WorkOrderId, WireName.Of(s.Status),
            s.Lines.Select(l => new RequisitionLineView(l.ItemCode, l.Quantity, l.Unit, issued.GetValueOrDefault(l.ItemCode))).ToList(),
            s.Signatures.Select(g => new SignatureView(WireName.Of(g.Tier), g.SignerId, g.SignedAt)).ToList(),
            s.Rejection is null ? s.MissingSignatures.Select(t => WireName.Of(t)).ToList() : [],
            s.Rejection?.RejectedBy, s.Rejection?.Reason, s.DraftedAt);
    }
}

public sealed record ReplenishmentStepView(string Step, string By, string? Note, DateTimeOffset At);

public sealed record ReplenishmentView(
    Guid Id, Guid SiteStoreId, string? EstateId, string ItemCode, string ItemName, string? Urgency, decimal Quantity, decimal? SuggestedQuantity,
    string Source, string? SourceRef, string Status, IReadOnlyList<ReplenishmentStepView> Steps, string? NextStep, Guid? DispatchedFrom,
    string? OrderNumber, string? Supplier, decimal Received, DateTimeOffset CreatedAt)
{
    public static ReplenishmentView From(ReplenishmentState s) => new(
        s.Id, s.SiteStoreId, s.EstateId, s.ItemCode, s.ItemName, s.Urgency is { } u ? WireName.Of(u) : null, s.Quantity,
        s.Status == ReplenishmentStatus.Drafted ? s.SuggestedQuantity : null, WireName.Of(s.Source), s.SourceRef, WireName.Of(s.Status),
        s.Steps.Select(x => new ReplenishmentStepView(WireName.Of(x.Step), x.By, x.Note, x.At)).ToList(),
        Enum.GetValues<ReplenishmentStep>().Where(step => s.Steps.All(x => x.Step != step)).Select(step => WireName.Of(step)).FirstOrDefault() is { } next
            && s.Status != ReplenishmentStatus.Drafted ? next : null,
        s.DispatchedFrom, s.OrderNumber, s.Supplier, s.Received, s.CreatedAt);
}

public sealed record CountView(string ItemCode, decimal Counted, decimal Book, decimal Difference, string? Explanation, bool Approved);

public sealed record StocktakeView(Guid Id, Guid StoreId, string Month, IReadOnlyList<CountView> Counts, bool Reconciled, DateTimeOffset? ReconciledAt)
{
    public static StocktakeView From(StocktakeState s) => new(
        s.Id, s.StoreId, s.Month, s.Items.Values.Select(i => new CountView(i.ItemCode, i.Counted, i.Book, i.Delta, i.Explanation, i.Approved)).ToList(),
        s.Reconciled is not null, s.Reconciled?.ReconciledAt);
}

public sealed record ControlledItemView(Guid Id, string Tag, string Kind, string Description, Guid StoreId, string? HolderId, DateTimeOffset? Since, DateTimeOffset? DueBack)
{
    public static ControlledItemView From(ControlledItemState s) => new(
        s.Id, s.Tag, WireName.Of(s.Kind), s.Description, s.StoreId, s.Loan?.HolderId, s.Loan?.LentAt, s.Loan?.DueBack);
}
