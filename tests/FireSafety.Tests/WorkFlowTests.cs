using Platform.BuildingBlocks.EventSourcing;
using Platform.FireSafety.Equipment;
using Platform.FireSafety.Features;
using Platform.FireSafety.Hazards;

namespace Platform.FireSafety.Tests;

/// <summary>F7 and F8 on Fire safety's side: what asks Work orders for work, and what its completion records.</summary>
public class WorkFlowTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly Guid EquipmentId = Guid.Parse("0193c000-0000-7000-8000-0000000000e2");
    private static readonly Guid WorkOrderId = Guid.NewGuid();

    private static RecordRectificationWork Completed(int round) =>
        new(A.HazardId, RecordRectificationWork.RequestIdFor(A.HazardId, round), WorkOrderId, Shanghai, Actor.System);

    [Fact]
    public void S37_a_rectification_reported_in_June_is_rechecked_by_the_end_of_July_at_the_next_inspection()
    {
        var result = A.Hazard(A.Found(), A.Ordered()).When(new RecordRectification(A.HazardId, "Cleared", Shanghai, A.Officer), A.Eight);
        Assert.Equal(new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.FromHours(8)), result.Single<HazardRecheckScheduled>().DueBy);
        Assert.Equal(HazardStatus.Rectified, result.StateAfter.Status);
    }

    [Fact]
    public void F7_the_completion_of_this_rounds_work_order_rectifies_the_hazard_and_schedules_its_recheck()
    {
        var result = A.Hazard(A.Found(), A.Ordered()).When(Completed(1), A.Eight);
        Assert.Equal(1, result.Single<HazardRectified>().Round);
        Assert.NotNull(result.StateAfter.RecheckDueBy);
    }

    [Fact]
    public void F7_an_earlier_rounds_work_order_or_a_repeated_completion_changes_nothing()
    {
        A.Hazard(A.Found(), A.Ordered(), new HazardRechecked(1, false, "No", "o", A.Eight), A.Ordered(round: 2)).When(Completed(1), A.Eight).ThenNothing();
        A.Hazard(A.Found(), A.Ordered(), new HazardRectified(1, "Done", "system", A.Eight)).When(Completed(1), A.Eight).ThenNothing();
    }

    [Fact]
    public void F7_only_the_integration_records_a_work_orders_completion() =>
        A.Hazard(A.Found(), A.Ordered()).When(Completed(1) with { By = A.Officer }, A.Eight).ThenRejected("recorded-by-the-integration", RejectionKind.Forbidden);

    [Fact]
    public void F7_a_failed_recheck_of_work_done_by_a_work_order_orders_work_again()
    {
        object[] rectified = [A.Found(), A.Ordered(), new HazardRectified(1, "Done", "system", A.Eight)];
        var again = A.Hazard(rectified).When(new RecheckHazard(A.HazardId, false, "Still blocked", A.Eight.AddDays(3), A.Officer), A.Eight).Single<RectificationOrdered>();
        Assert.True(again.NeedsWork);
        var withoutWork = A.Hazard(A.Found(), A.Ordered() with { NeedsWork = false }, new HazardRectified(1, "Done", "u", A.Eight))
            .When(new RecheckHazard(A.HazardId, false, "Still blocked", A.Eight.AddDays(3), A.Officer), A.Eight).Single<RectificationOrdered>();
        Assert.False(withoutWork.NeedsWork);
        Assert.NotEqual(RecordRectificationWork.RequestIdFor(A.HazardId, 1), RecordRectificationWork.RequestIdFor(A.HazardId, 2));
    }

    private static EquipmentRegistered Pump { get; } =
        new(EquipmentId, "estate-1", "P-1", EquipmentType.FirePump, null, "B2 pump room", "Zhao", true, "SITE", "PUMP", A.Eight.AddDays(30), A.Eight);

    private static DeciderScenario<EquipmentState, IEquipmentCommand> Equipment(params object[] given) => new(new EquipmentDecider(), given);

    [Fact]
    public void F8_a_test_that_finds_a_defect_requests_a_repair_once_until_it_is_repaired()
    {
        var first = Equipment(Pump).When(new TestEquipment(EquipmentId, true, "No pressure", Shanghai, A.Guard), A.Eight);
        var repair = first.Single<EquipmentRepairRequested>();
        var again = Equipment([Pump, .. first.Decision.Events]).When(new TestEquipment(EquipmentId, true, "Still no pressure", Shanghai, A.Guard), A.Eight.AddDays(1));
        Assert.Empty(again.Decision.Events.OfType<EquipmentRepairRequested>());

        var repaired = Equipment([Pump, .. first.Decision.Events]).When(new RecordEquipmentRepair(EquipmentId, repair.RequestId, WorkOrderId, Actor.System), A.Eight.AddDays(2));
        Assert.False(repaired.StateAfter.Defective);
        var later = Equipment([Pump, .. first.Decision.Events, .. repaired.Decision.Events])
            .When(new TestEquipment(EquipmentId, true, "Leaks", Shanghai, A.Guard), A.Eight.AddDays(40)).Single<EquipmentRepairRequested>();
        Assert.NotEqual(repair.RequestId, later.RequestId);
    }

    [Fact]
    public void F8_000_632_an_anomaly_in_the_daily_check_arranges_a_repair() =>
        Assert.Equal("Gauge broken", Equipment(Pump).When(new CheckEquipment(EquipmentId, false, true, "Gauge broken", A.Guard), A.Eight).Single<EquipmentRepairRequested>().Fault);

    [Fact]
    public void F8_a_test_without_defect_requests_no_repair() =>
        Assert.Empty(Equipment(Pump).When(new TestEquipment(EquipmentId, false, null, Shanghai, A.Guard), A.Eight).Decision.Events.OfType<EquipmentRepairRequested>());

    [Fact]
    public void F8_only_the_open_repairs_completion_counts_and_only_from_the_integration()
    {
        var requested = Equipment(Pump).When(new TestEquipment(EquipmentId, true, "No pressure", Shanghai, A.Guard), A.Eight).Decision.Events;
        Equipment([Pump, .. requested]).When(new RecordEquipmentRepair(EquipmentId, Guid.NewGuid(), WorkOrderId, Actor.System), A.Eight).ThenNothing();
        var open = requested.OfType<EquipmentRepairRequested>().Single().RequestId;
        Equipment([Pump, .. requested]).When(new RecordEquipmentRepair(EquipmentId, open, WorkOrderId, A.Officer), A.Eight)
            .ThenRejected("recorded-by-the-integration", RejectionKind.Forbidden);
    }
}
