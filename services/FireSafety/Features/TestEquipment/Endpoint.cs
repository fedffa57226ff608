using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.FireSafety.Api;
using Platform.FireSafety.Equipment;

using NewEquipment = Platform.BuildingBlocks.Http.NewAggregate<Platform.FireSafety.Equipment.IEquipmentCommand>;

namespace Platform.FireSafety.Features;

/// <param name="OtherTestMonths">Required for type other: its test period in months (1, 2, 3, 4, 6 or 12).</param>
/// <param name="SiteStoreCode">The Inventory site store that replaces it when lost or damaged.</param>
/// <param name="ItemCode">Its item code in the Inventory catalogue.</param>
public sealed record RegisterEquipmentRequest(
    [Required] string? EstateId, [Required] string? Code, [Required] EquipmentType? Type, [RequiredWhen("when type is other")] int? OtherTestMonths,
    [Required] string? Location, [Required] string? Custodian, bool? Sealed, [Required] string? SiteStoreCode, [Required] string? ItemCode);

public sealed record CheckEquipmentRequest([Required] bool? Ok, [Required] bool? Sealed, [RequiredWhen("when ok is false")] string? Note);

public sealed record TestEquipmentRequest([Required] bool? Defect, [RequiredWhen("when defect is true")] string? Note);

/// <param name="Loss">lost or damaged.</param>
/// <param name="ReportedToLeader">Who the loss was reported to (上报领导, 000:642).</param>
public sealed record ReportEquipmentLossRequest([Required] string? Loss, int? Quantity, [Required] string? ReportedToLeader);

public static class EquipmentEndpoints
{
    public static void Map(RouteGroupBuilder fire)
    {
        fire.MapPost("/equipment", (HttpContext http, EquipmentCommands equipment, FirePolicy policy, CancellationToken ct) =>
                equipment.CreateAsync<RegisterEquipmentRequest>(http, (b, by, _) =>
                {
                    var estate = Need.Text(b.EstateId, "estateId");
                    var code = Need.Text(b.Code, "code");
                    var id = FireStreams.EquipmentId(estate, code);
                    return NewEquipment.At(id, new RegisterEquipment(id, estate, code, Need.Value(b.Type, "type"), b.OtherTestMonths, Need.Text(b.Location, "location"),
                        Need.Text(b.Custodian, "custodian"), b.Sealed ?? false, Need.Text(b.SiteStoreCode, "siteStoreCode"), Need.Text(b.ItemCode, "itemCode"), policy.Zone, by), estate.Trim());
                }, ct))
            .WithName("RegisterEquipment")
            .RequireRoles(FireRoles.Officers)
            .WithSummary("Register fire equipment: type (which sets its test period), location, custodian (000:643), seal status, the site store that replaces it.")
            .Accepts<RegisterEquipmentRequest>("application/json")
            .Produces<EquipmentView>(StatusCodes.Status201Created)
            .ProducesCommandProblems();

        fire.MapPost("/equipment/{id:guid}/checks", (Guid id, HttpContext http, EquipmentCommands equipment, CancellationToken ct) =>
                equipment.ExecuteAsync<CheckEquipmentRequest>(http, id, (b, by, _) => new CheckEquipment(id, Need.Value(b.Ok, "ok"), Need.Value(b.Sealed, "sealed"), b.Note, by), ct))
            .WithName("CheckEquipment")
            .RequireRoles(FireRoles.Patrollers)
            .WithSummary("The administrator's daily check of the equipment's state and seal (000:631).")
            .Accepts<CheckEquipmentRequest>("application/json")
            .Produces<EquipmentView>()
            .ProducesCommandProblems();

        fire.MapPost("/equipment/{id:guid}/tests", (Guid id, HttpContext http, EquipmentCommands equipment, FirePolicy policy, CancellationToken ct) =>
                equipment.ExecuteAsync<TestEquipmentRequest>(http, id, (b, by, _) => new TestEquipment(id, Need.Value(b.Defect, "defect"), b.Note, policy.Zone, by), ct))
            .WithName("TestEquipment")
            .RequireRoles(FireRoles.Patrollers)
            .WithSummary("Record a test in the current calendar period of the equipment's type (S39): OK or a defect.")
            .Accepts<TestEquipmentRequest>("application/json")
            .Produces<EquipmentView>()
            .ProducesCommandProblems();

        fire.MapPost("/equipment/{id:guid}/loss-reports", (Guid id, HttpContext http, EquipmentCommands equipment, CancellationToken ct) =>
                equipment.ExecuteAsync<ReportEquipmentLossRequest>(http, id, (b, by, _) =>
                    new ReportEquipmentLoss(id, ReportId(http), Need.Text(b.Loss, "loss"), b.Quantity ?? 1, Need.Text(b.ReportedToLeader, "reportedToLeader"), by), ct))
            .WithName("ReportEquipmentLoss")
            .RequireRoles(FireRoles.Staff)
            .WithSummary("Report equipment lost or damaged (000:642): Inventory is asked for its immediate replacement. Send an Idempotency-Key.")
            .Accepts<ReportEquipmentLossRequest>("application/json")
            .Produces<EquipmentView>()
            .ProducesCommandProblems();

        fire.MapGet("/equipment/{id:guid}", (Guid id, HttpContext http, EquipmentCommands equipment, CancellationToken ct) => equipment.GetAsync(http, id, ct))
            .WithName("GetEquipment")
            .WithSummary("One item of fire equipment: the periods tested and those overdue, its seal and whether it is defective.")
            .Produces<EquipmentView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static Guid ReportId(HttpContext http) => CommandRequest.KeyedId(http, "equipment-loss");
}
