using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.Inventory.Api;
using Platform.Inventory.Replenishments;

using NewReplenishment = Platform.BuildingBlocks.Http.NewAggregate<Platform.Inventory.Replenishments.IReplenishmentCommand>;

namespace Platform.Inventory.Features;

/// <param name="ItemCode">物资编码 (000:312).</param>
/// <param name="ItemName">物资名称 (000:312).</param>
/// <param name="Urgency">紧急程度 (000:312): routine, urgent or immediate.</param>
public sealed record RequestReplenishmentRequest(
    [Required] Guid? SiteStoreId, [Required] string? ItemCode, [Required] string? ItemName, [Required] Urgency? Urgency, [Required] decimal? Quantity, string? Reason);

/// <summary>The site's answer to a draft its reorder point raised: the draft's item, with urgency and quantity.</summary>
public sealed record SubmitReplenishmentRequest([Required] string? ItemName, [Required] Urgency? Urgency, [Required] decimal? Quantity, string? Reason);

public sealed record ReplenishmentStepRequest(string? Note);

public sealed record PlacePurchaseOrderRequest([Required] string? OrderNumber, [Required] string? Supplier);

public static class ReplenishmentEndpoints
{
    private static readonly (ReplenishmentStep Step, string Route, string Name, string[] Roles, string Summary)[] Steps =
    [
        (ReplenishmentStep.SiteReview, "review", "ReviewReplenishment", [Roles.SiteRepresentative], "The site chief representative reviews the request (000:311)."),
        (ReplenishmentStep.Consolidation, "consolidation", "ConsolidateReplenishment", [Roles.MaterialsPlanner], "The business department's planner checks and consolidates it (000:314)."),
        (ReplenishmentStep.SupervisorSignature, "supervisor-signature", "SignReplenishment", [Roles.BusinessSupervisor], "The business-department supervisor reviews and signs (000:315)."),
        (ReplenishmentStep.ManagerApproval, "approval", "ApproveReplenishment", InventoryRoles.Managers,
            "The business-department manager approves and signs; a copy is filed with the materials office (000:315-318)."),
    ];

    public static void Map(RouteGroupBuilder inventory)
    {
        inventory.MapPost("/replenishments", RequestAsync)
            .WithName("RequestReplenishment")
            .RequireRoles(InventoryRoles.Sites)
            .WithSummary("A site raises a 内部联络单: material code, name, urgency and quantity, each required (000:312, S33). Send an Idempotency-Key.")
            .Accepts<RequestReplenishmentRequest>("application/json")
            .Produces<ReplenishmentView>(StatusCodes.Status201Created)
            .ProducesCommandProblems();

        inventory.MapPost("/replenishments/{id:guid}/submission", SubmitAsync)
            .WithName("SubmitReplenishmentDraft")
            .RequireRoles(InventoryRoles.Sites)
            .WithSummary("The site submits a draft its reorder point raised, with urgency and quantity.")
            .Accepts<SubmitReplenishmentRequest>("application/json")
            .Produces<ReplenishmentView>()
            .ProducesCommandProblems();

        foreach (var (step, route, name, roles, summary) in Steps)
            inventory.MapPost($"/replenishments/{{id:guid}}/{route}", (Guid id, HttpContext http, ReplenishmentCommands replenishments, StoreCommands stores, CancellationToken ct) =>
                    AdvanceAsync(id, step, http, replenishments, stores, ct))
                .WithName(name)
                .RequireRoles(roles)
                .WithSummary(summary + " Each step only after the one before.")
                .Accepts<ReplenishmentStepRequest>("application/json")
                .Produces<ReplenishmentView>()
                .ProducesCommandProblems();

        inventory.MapPost("/replenishments/{id:guid}/purchase-request", HandToPurchasingAsync)
            .WithName("HandReplenishmentToPurchasing")
            .RequireRoles([Roles.ProductionManager])
            .WithSummary("Production management hands an approved request to purchasing, when the production store cannot cover it (000:324).")
            .Produces<ReplenishmentView>()
            .ProducesCommandProblems();

        inventory.MapPost("/replenishments/{id:guid}/purchase-order", (Guid id, HttpContext http, ReplenishmentCommands replenishments, CancellationToken ct) =>
                replenishments.ExecuteAsync<PlacePurchaseOrderRequest>(http, id, (b, by, _) => new PlacePurchaseOrder(id, b.OrderNumber, b.Supplier, by), ct))
            .WithName("PlacePurchaseOrder")
            .RequireRoles([Roles.Purchaser])
            .WithSummary("Purchasing places the order, naming the supplier, who ships to the site (000:326).")
            .Accepts<PlacePurchaseOrderRequest>("application/json")
            .Produces<ReplenishmentView>()
            .ProducesCommandProblems();

        inventory.MapGet("/replenishments/{id:guid}", (Guid id, HttpContext http, ReplenishmentCommands replenishments, CancellationToken ct) => replenishments.GetAsync(http, id, ct))
            .WithName("GetReplenishment")
            .WithSummary("One replenishment request with the steps it has been through and the next one.")
            .Produces<ReplenishmentView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> RequestAsync(HttpContext http, ReplenishmentCommands replenishments, StoreCommands stores, ItemCommands items, CancellationToken ct)
    {
        var body = await CommandRequest.ReadBodyAsync<RequestReplenishmentRequest>(http.Request, ct);
        if (body.Problem is not null) return body.Problem;
        var b = body.Body!;
        var site = await stores.FindAsync(b.SiteStoreId, ct);
        var item = await items.FindAsync(b.ItemCode, ct);
        return await replenishments.CreateAsync(http, body.RawText, (by, id) =>
        {
            Need.Value(b.SiteStoreId, "siteStoreId");
            return NewReplenishment.Of(new RequestReplenishment(id, site, item, b.ItemCode, b.ItemName, b.Urgency, b.Quantity, b.Reason, ReplenishmentSource.Site, null, by),
                site.EstateId ?? "");
        }, ct);
    }

    private static async Task<IResult> SubmitAsync(Guid id, HttpContext http, ReplenishmentCommands replenishments, StoreCommands stores, ItemCommands items, CancellationToken ct)
    {
        var body = await CommandRequest.ReadBodyAsync<SubmitReplenishmentRequest>(http.Request, ct);
        if (body.Problem is not null) return body.Problem;
        var b = body.Body!;
        var draft = await replenishments.FindAsync(id, ct);
        var site = await stores.FindAsync(draft.SiteStoreId, ct);
        var item = await items.FindAsync(draft.ItemCode, ct);
        return await replenishments.ExecuteAsync(http, id, body.RawText, (by, state) =>
            new RequestReplenishment(id, site, item, state.ItemCode, b.ItemName, b.Urgency, b.Quantity, b.Reason, state.Source, state.SourceRef, by), ct);
    }

    private static async Task<IResult> AdvanceAsync(Guid id, ReplenishmentStep step, HttpContext http, ReplenishmentCommands replenishments, StoreCommands stores, CancellationToken ct)
    {
        var body = await CommandRequest.ReadOptionalBodyAsync<ReplenishmentStepRequest>(http.Request, ct);
        if (body.Problem is not null) return body.Problem;
        var request = await replenishments.FindAsync(id, ct);
        var site = await stores.FindAsync(request.SiteStoreId, ct);
        return await replenishments.ExecuteAsync(http, id, body.RawText, (by, _) =>
            new AdvanceReplenishment(id, step, body.Body?.Note, site.ParentId ?? Guid.Empty, by), ct);
    }

    private static async Task<IResult> HandToPurchasingAsync(Guid id, HttpContext http, ReplenishmentCommands replenishments, StoreCommands stores, CancellationToken ct)
    {
        var request = await replenishments.FindAsync(id, ct);
        var production = await stores.ProductionStoreOfAsync(await stores.FindAsync(request.SiteStoreId, ct), ct);
        return await replenishments.ExecuteAsync(http, id, "", (by, _) => new HandToPurchasing(id, production, by), ct);
    }
}
