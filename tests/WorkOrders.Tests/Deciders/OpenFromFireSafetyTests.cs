using Platform.BuildingBlocks.EventSourcing;
using Platform.Contracts.FireSafety;
using Platform.Contracts.WorkOrders;
using Platform.WorkOrders.Features;
using Platform.WorkOrders.Integration;

namespace Platform.WorkOrders.Tests.Deciders;

public class OpenFromFireSafetyTests
{
    private static readonly Guid RequestId = Guid.Parse("0193a000-0000-7000-8000-0000000000f1");
    private static readonly Guid HazardId = Guid.Parse("0193a000-0000-7000-8000-0000000000f2");
    private static readonly DateTimeOffset Deadline = A.T0.AddDays(7);

    private static FireSafetyWorkRequestedV1 Rectification(DateTimeOffset? dueAt = null) =>
        new(RequestId, "hazard-rectification", HazardId, null, "estate-xx", "Stair B", "Evacuation route blocked", dueAt ?? Deadline, A.T0);

    private static OpenFromFireSafety Open(FireSafetyWorkRequestedV1? message = null, FireSafetyWorkKind kind = FireSafetyWorkKind.HazardRectification) =>
        OpenFromFireSafety.From(message ?? Rectification(), kind, A.Policy);

    [Fact]
    public void F7_a_rectification_that_needs_work_opens_an_order_due_at_the_hazards_deadline()
    {
        var result = Scenario.Given().When(Open(), A.T0.AddSeconds(2));
        var logged = result.Single<WorkOrderLogged>();

        Assert.Equal((IntakeChannel.FireSafety, WorkOrderType.Repair, "fire-safety", Deadline), (logged.Channel, logged.Type, logged.Category, logged.RepairDueAt));
        Assert.Equal(new Platform.WorkOrders.UnitAddress("estate-xx", "Stair B", null, null), logged.Unit);
        Assert.Equal(new FireSafetyWorkLinked(RequestId, FireSafetyWorkKind.HazardRectification, HazardId, null), result.Single<FireSafetyWorkLinked>());
    }

    [Fact]
    public void F8_a_repair_without_a_due_date_is_due_by_the_estates_policy()
    {
        var repair = new FireSafetyWorkRequestedV1(RequestId, "equipment-repair", null, Guid.NewGuid(), "estate-xx", "B2 pump room", "fire-pump P-1: no pressure", null, A.T0);
        var logged = Scenario.Given().When(Open(repair, FireSafetyWorkKind.EquipmentRepair), A.T0).Single<WorkOrderLogged>();

        Assert.Equal(A.T0 + A.Policy.SlaFor("fire-safety", UrgencyClass.SafetyFacility).RepairWithin, logged.RepairDueAt);
    }

    [Fact]
    public void The_order_id_follows_from_the_request_so_a_redelivered_request_opens_one_order()
    {
        Assert.Equal(OpenFromFireSafety.WorkOrderIdFor(RequestId), Open().WorkOrderId);
        var opened = Scenario.Given().When(Open(), A.T0).Decision.Events;
        Scenario.Given(opened).When(Open(), A.T0.AddMinutes(1)).ThenNothing();
    }

    [Fact]
    public void Only_the_fire_safety_integration_opens_its_orders()
    {
        Scenario.Given().When(Open() with { By = A.Agent }, A.T0).ThenRejected("role-not-allowed", RejectionKind.Forbidden);
        var byHand = new LogWorkOrder(A.OrderId, IntakeChannel.FireSafety, WorkOrderType.Repair, A.Unit, A.Reporter, null, "Fix it", null, null, A.Policy, A.Agent);
        Scenario.Given().When(byHand, A.T0).ThenRejected("channel-not-allowed", RejectionKind.Invalid, "channel");
    }

    [Fact]
    public void A_request_names_its_hazard_or_equipment_and_where_the_work_is()
    {
        Scenario.Given().When(Open(Rectification() with { HazardId = null }), A.T0).ThenRejected("hazard-reference-required", RejectionKind.Invalid, "hazardId");
        Scenario.Given().When(Open(Rectification(), FireSafetyWorkKind.EquipmentRepair), A.T0).ThenRejected("equipment-reference-required", RejectionKind.Invalid, "equipmentId");
        Scenario.Given().When(Open(Rectification() with { Location = " " }), A.T0).ThenRejected("unit-building-required", RejectionKind.Invalid, "unit.building");
    }

    [Fact]
    public void Completing_an_order_fire_safety_asked_for_answers_its_request()
    {
        object[] history =
        [
            .. Scenario.Given().When(Open(), A.T0).Decision.Events,
            new TechnicianDispatched("tech-7", A.T0, A.T0),
            new WorkCompleted("tech-7", "Engineering", null, false, History.CompletedAt),
        ];
        var messages = WorkOrderIntegrationEventMapper.MapAll(history[^1], new WorkOrderDecider().Fold(history));

        Assert.IsType<WorkOrderCompletedV1>(messages[0]);
        Assert.Equal(new FireSafetyWorkCompletedV1(OpenFromFireSafety.WorkOrderIdFor(RequestId), RequestId, "hazard-rectification", HazardId, null, "estate-xx",
            History.CompletedAt), messages[1]);
        Assert.Single(WorkOrderIntegrationEventMapper.MapAll(history[^1], new WorkOrderDecider().Fold([History.Logged(), history[^2], history[^1]])));
    }
}
