using System.Collections.Immutable;
using Platform.BuildingBlocks.EventSourcing;
using Platform.Inventory.Features;

namespace Platform.Inventory.Replenishments;

/// <summary>Where a request came from: the site itself, its reorder point, or lost or damaged fire equipment (000:642).</summary>
public enum ReplenishmentSource { Site, ReorderPoint, FireEquipment }

/// <summary>The approvals of 000:311-315, in their order.</summary>
public enum ReplenishmentStep { SiteReview, Consolidation, SupervisorSignature, ManagerApproval }

public enum ReplenishmentStatus
{
    Drafted, Requested, Reviewed, Consolidated, SupervisorSigned, Approved, Dispatched, HandedToPurchasing, Ordered, Received,
}

/// <summary>A site's stock fell below its reorder point: a draft request waits for the site to give urgency and quantity.</summary>
[EventType("ReplenishmentDrafted.v1")]
public sealed record ReplenishmentDrafted(
    Guid ReplenishmentId, Guid SiteStoreId, string? EstateId, string ItemCode, string ItemName, decimal SuggestedQuantity, decimal Balance,
    decimal Minimum, DateTimeOffset DraftedAt);

/// <summary>A 内部联络单 (000:310-312): code, name, urgency and quantity are each required.</summary>
[EventType("ReplenishmentRequested.v1")]
public sealed record ReplenishmentRequested(
    Guid ReplenishmentId, Guid SiteStoreId, string? EstateId, string ItemCode, string ItemName, Urgency Urgency, decimal Quantity,
    string RequestedBy, string? Reason, ReplenishmentSource Source, string? SourceRef, DateTimeOffset RequestedAt);

[EventType("ReplenishmentAdvanced.v1")]
public sealed record ReplenishmentAdvanced(ReplenishmentStep Step, string By, string? Note, DateTimeOffset At);

/// <summary>The copy filed with the materials office by business department (000:316-318), made on the manager's approval.</summary>
[EventType("ReplenishmentFiled.v1")]
public sealed record ReplenishmentFiled(string Office, Guid BusinessDepartmentStoreId, DateTimeOffset FiledAt);

[EventType("ReplenishmentDispatched.v1")]
public sealed record ReplenishmentDispatched(Guid FromStoreId, decimal Quantity, DateTimeOffset DispatchedAt);

/// <summary>The production store cannot cover the quantity (000:324): production management hands the request to purchasing.</summary>
[EventType("ReplenishmentHandedToPurchasing.v1")]
public sealed record ReplenishmentHandedToPurchasing(Guid ProductionStoreId, decimal ProductionStoreBalance, string By, DateTimeOffset HandedAt);

/// <summary>Purchasing buys per the plan; the order names the supplier, who ships to the site (000:326).</summary>
[EventType("PurchaseOrderPlaced.v1")]
public sealed record PurchaseOrderPlaced(string OrderNumber, string Supplier, string By, DateTimeOffset PlacedAt);

[EventType("ReplenishmentReceived.v1")]
public sealed record ReplenishmentReceived(Guid ReceiptId, decimal Quantity, bool Complete, DateTimeOffset ReceivedAt);

public sealed record ReplenishmentState
{
    public static ReplenishmentState Initial { get; } = new();

    public bool Exists { get; init; }
    public Guid Id { get; init; }
    public Guid SiteStoreId { get; init; }
    public string? EstateId { get; init; }
    public string ItemCode { get; init; } = "";
    public string ItemName { get; init; } = "";
    public Urgency? Urgency { get; init; }
    public decimal Quantity { get; init; }
    public decimal SuggestedQuantity { get; init; }
    public ReplenishmentSource Source { get; init; }
    public string? SourceRef { get; init; }
    public string? RequestedBy { get; init; }
    public ReplenishmentStatus Status { get; init; }
    public ImmutableList<ReplenishmentAdvanced> Steps { get; init; } = [];
    public Guid? DispatchedFrom { get; init; }
    public string? OrderNumber { get; init; }
    public string? Supplier { get; init; }
    public decimal Received { get; init; }
    public ImmutableHashSet<Guid> Receipts { get; init; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset LastChangedAt { get; init; }

    /// <summary>What the site may still receive against it: the goods are on their way from the store or the supplier.</summary>
    public bool AwaitingReceipt => Status is ReplenishmentStatus.Dispatched or ReplenishmentStatus.Ordered;

    public ReplenishmentState Apply(object @event) => @event switch
    {
        ReplenishmentDrafted e => this with
        {
            Exists = true, Id = e.ReplenishmentId, SiteStoreId = e.SiteStoreId, EstateId = e.EstateId, ItemCode = e.ItemCode, ItemName = e.ItemName,
            SuggestedQuantity = e.SuggestedQuantity, Source = ReplenishmentSource.ReorderPoint, Status = ReplenishmentStatus.Drafted,
            CreatedAt = e.DraftedAt, LastChangedAt = e.DraftedAt,
        },
        ReplenishmentRequested e => this with
        {
            Exists = true, Id = e.ReplenishmentId, SiteStoreId = e.SiteStoreId, EstateId = e.EstateId, ItemCode = e.ItemCode, ItemName = e.ItemName,
            Urgency = e.Urgency, Quantity = e.Quantity, RequestedBy = e.RequestedBy, Source = e.Source, SourceRef = e.SourceRef,
            Status = ReplenishmentStatus.Requested, CreatedAt = Exists ? CreatedAt : e.RequestedAt, LastChangedAt = e.RequestedAt,
        },
        ReplenishmentAdvanced e => this with { Steps = Steps.Add(e), Status = AdvanceReplenishment.StatusAfter(e.Step), LastChangedAt = e.At },
        ReplenishmentDispatched e => this with { DispatchedFrom = e.FromStoreId, Status = ReplenishmentStatus.Dispatched, LastChangedAt = e.DispatchedAt },
        ReplenishmentHandedToPurchasing e => this with { Status = ReplenishmentStatus.HandedToPurchasing, LastChangedAt = e.HandedAt },
        PurchaseOrderPlaced e => this with { OrderNumber = e.OrderNumber, Supplier = e.Supplier, Status = ReplenishmentStatus.Ordered, LastChangedAt = e.PlacedAt },
        ReplenishmentReceived e => this with
        {
            Received = Received + e.Quantity, Receipts = Receipts.Add(e.ReceiptId),
            Status = e.Complete ? ReplenishmentStatus.Received : Status, LastChangedAt = e.ReceivedAt,
        },
        _ => this,
    };
}

public interface IReplenishmentCommand
{
    Guid ReplenishmentId { get; }
    Actor By { get; }
}

public sealed class ReplenishmentDecider : Decider<ReplenishmentState, IReplenishmentCommand>
{
    public override ReplenishmentState Initial => ReplenishmentState.Initial;

    public override ReplenishmentState Evolve(ReplenishmentState state, object @event) => state.Apply(@event);

    public override Decision Decide(IReplenishmentCommand command, ReplenishmentState state, DateTimeOffset now) => command switch
    {
        DraftReplenishment c => DraftReplenishment.Decide(c, state, now),
        RequestReplenishment c => RequestReplenishment.Decide(c, state, now),
        AdvanceReplenishment c => AdvanceReplenishment.Decide(c, state, now),
        HandToPurchasing c => HandToPurchasing.Decide(c, state, now),
        PlacePurchaseOrder c => PlacePurchaseOrder.Decide(c, state, now),
        RecordReplenishmentDispatch c => RecordReplenishmentDispatch.Decide(c, state, now),
        RecordReplenishmentReceipt c => RecordReplenishmentReceipt.Decide(c, state, now),
        _ => throw new ArgumentException($"{command.GetType().Name} is not a replenishment command.", nameof(command)),
    };
}
