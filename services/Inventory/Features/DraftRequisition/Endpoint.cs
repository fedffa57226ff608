using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.Inventory.Api;
using Platform.Inventory.Requisitions;

using NewRequisition = Platform.BuildingBlocks.Http.NewAggregate<Platform.Inventory.Requisitions.IRequisitionCommand>;

namespace Platform.Inventory.Features;

public sealed record RequisitionLineRequest([Required] string? ItemCode, [Required] decimal? Quantity, [Required] string? Unit);

/// <param name="StoreId">The store the material is drawn from.</param>
/// <param name="WorkOrderId">The work order the material is for, when there is one.</param>
public sealed record DraftRequisitionRequest(
    [Required] Guid? StoreId, [Required] string? Purpose, Guid? WorkOrderId, [Required] IReadOnlyList<RequisitionLineRequest>? Lines);

/// <param name="Tier">requester, team-leader or manager, in that order; one person signs one tier.</param>
public sealed record SignRequisitionRequest([Required] SignatureTier? Tier);

public sealed record RejectRequisitionRequest([Required] string? Reason);

public static class RequisitionEndpoints
{
    public static void Map(RouteGroupBuilder inventory)
    {
        inventory.MapPost("/requisitions", DraftAsync)
            .WithName("DraftRequisition")
            .RequireRoles(InventoryRoles.Requesters)
            .WithSummary("Draft a requisition (领用单) for yourself: catalogue items in their units, the store, the purpose. Send an Idempotency-Key.")
            .Accepts<DraftRequisitionRequest>("application/json")
            .Produces<RequisitionView>(StatusCodes.Status201Created)
            .ProducesCommandProblems();

        inventory.MapPost("/requisitions/{id:guid}/signatures", (Guid id, HttpContext http, RequisitionCommands requisitions, CancellationToken ct) =>
                requisitions.ExecuteAsync<SignRequisitionRequest>(http, id, (b, by, _) => new SignRequisition(id, Need.Value(b.Tier, "tier"), by), ct))
            .WithName("SignRequisition")
            .RequireRoles([.. InventoryRoles.Requesters, .. InventoryRoles.Managers])
            .WithSummary("Sign a tier: the requester, then the team leader (班长), then the manager (经理) (000:157, decision 4). One person never signs two tiers.")
            .Accepts<SignRequisitionRequest>("application/json")
            .Produces<RequisitionView>()
            .ProducesCommandProblems();

        inventory.MapPost("/requisitions/{id:guid}/rejection", (Guid id, HttpContext http, RequisitionCommands requisitions, CancellationToken ct) =>
                requisitions.ExecuteAsync<RejectRequisitionRequest>(http, id, (b, by, _) => new RejectRequisition(id, Need.Text(b.Reason, "reason"), by), ct))
            .WithName("RejectRequisition")
            .RequireRoles([.. InventoryRoles.TeamLeaders, .. InventoryRoles.Managers])
            .WithSummary("A team leader at their turn, or a manager before the last signature, rejects the requisition with a reason.")
            .Accepts<RejectRequisitionRequest>("application/json")
            .Produces<RequisitionView>()
            .ProducesCommandProblems();

        inventory.MapGet("/requisitions/{id:guid}", (Guid id, HttpContext http, RequisitionCommands requisitions, CancellationToken ct) => requisitions.GetAsync(http, id, ct))
            .WithName("GetRequisition")
            .WithSummary("One requisition: its lines with what was issued, its signatures and the ones missing.")
            .Produces<RequisitionView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> DraftAsync(HttpContext http, RequisitionCommands requisitions, StoreCommands stores, ItemCommands items, CancellationToken ct)
    {
        var body = await CommandRequest.ReadBodyAsync<DraftRequisitionRequest>(http.Request, ct);
        if (body.Problem is not null) return body.Problem;
        var b = body.Body!;
        var store = await stores.FindAsync(b.StoreId, ct);
        var catalogue = await items.FindAllAsync((b.Lines ?? []).Select(l => l?.ItemCode), ct);
        return await requisitions.CreateAsync(http, body.RawText, (by, id) =>
        {
            Need.Value(b.StoreId, "storeId");
            var lines = Need.Item(b.Lines, "lines").Select((l, i) =>
            {
                var line = Need.Item(l, $"lines[{i}]");
                return new RequisitionLine(Need.Text(line.ItemCode, $"lines[{i}].itemCode"), Need.Value(line.Quantity, $"lines[{i}].quantity"), Need.Text(line.Unit, $"lines[{i}].unit"));
            }).ToList();
            return NewRequisition.Of(new DraftRequisition(id, store, by.Id, Need.Text(b.Purpose, "purpose"), b.WorkOrderId, null, lines, catalogue, by), store.EstateId ?? "");
        }, ct);
    }
}
