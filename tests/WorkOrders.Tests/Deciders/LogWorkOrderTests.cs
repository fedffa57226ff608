using Platform.BuildingBlocks.EventSourcing;
using Platform.WorkOrders.Features;

namespace Platform.WorkOrders.Tests.Deciders;

public class LogWorkOrderTests
{
    private static LogWorkOrder Log(
        string content = "Basin drain blocked",
        IntakeChannel channel = IntakeChannel.Hotline,
        WorkOrderType type = WorkOrderType.Repair,
        UnitAddress? unit = null,
        Reporter? reporter = null,
        Guid? complaintId = null,
        string? category = null,
        UrgencyClass? urgency = null,
        WorkOrderPolicy? policy = null,
        Actor? by = null) =>
        new(A.OrderId, channel, type, unit ?? A.Unit, reporter ?? A.Reporter, complaintId, content, category, urgency,
            policy ?? A.Policy, by ?? A.Agent);

    [Fact]
    public void A_request_is_logged_with_its_channel_unit_reporter_and_class() =>
        Scenario.Given()
            .When(Log(urgency: UrgencyClass.Other, category: "Plumbing"), A.T0)
            .Then(new WorkOrderLogged(A.OrderId, IntakeChannel.Hotline, WorkOrderType.Repair, A.Unit, A.Reporter, null, null,
                "Basin drain blocked", "plumbing", UrgencyClass.Other, UrgencySource.Caller, null, null, A.T0));

    [Fact]
    public void S21_A_repair_request_at_3am_on_a_public_holiday_is_accepted()
    {
        // 1 October 2026, National Day, 03:00 in Shanghai: reception is 365 x 24 (001:199).
        var holidayNight = new DateTimeOffset(2026, 10, 1, 3, 0, 0, TimeSpan.FromHours(8));

        var logged = Scenario.Given().When(Log(channel: IntakeChannel.Hotline), holidayNight).Single<WorkOrderLogged>();

        Assert.Equal(holidayNight, logged.LoggedAt);
    }

    [Theory]
    [InlineData(IntakeChannel.Hotline)]
    [InlineData(IntakeChannel.ReceptionWindow)]
    [InlineData(IntakeChannel.WalkIn)]
    [InlineData(IntakeChannel.StaffPatrol)]
    public void Staff_log_requests_from_every_intake_channel(IntakeChannel channel) =>
        Assert.Equal(channel, Scenario.Given().When(Log(channel: channel), A.T0).Single<WorkOrderLogged>().Channel);

    [Theory]
    [InlineData("content", "content-required")]
    [InlineData("unit", "unit-required")]
    [InlineData("unit.estateId", "unit-estate-required")]
    [InlineData("unit.building", "unit-building-required")]
    [InlineData("reporter.name", "reporter-name-required")]
    [InlineData("reporter.phone", "reporter-phone-required")]
    [InlineData("reporter.phone", "reporter-phone-invalid")]
    [InlineData("category", "category-invalid")]
    public void Validation_rejections_name_the_field(string field, string code)
    {
        var command = code switch
        {
            "content-required" => Log(content: "  "),
            "unit-required" => Log() with { Unit = null! },
            "unit-estate-required" => Log(unit: A.Unit with { EstateId = "" }),
            "unit-building-required" => Log(unit: A.Unit with { Building = " " }),
            "reporter-name-required" => Log(reporter: A.Reporter with { Name = null }),
            "reporter-phone-required" => Log(reporter: A.Reporter with { Phone = "" }),
            "reporter-phone-invalid" => Log(reporter: A.Reporter with { Phone = "call me" }),
            "category-invalid" => Log(category: "gas fault!"),
            _ => throw new ArgumentOutOfRangeException(nameof(code)),
        };

        Scenario.Given().When(command, A.T0).ThenRejected(code, RejectionKind.Invalid, field);
    }

    [Fact]
    public void Reporter_name_and_phone_are_optional_when_the_order_comes_from_a_complaint()
    {
        var logged = Scenario.Given()
            .When(Log(channel: IntakeChannel.Complaint, reporter: new Reporter(null, null), complaintId: A.ComplaintId), A.T0)
            .Single<WorkOrderLogged>();

        Assert.Equal(A.ComplaintId, logged.ComplaintId);
    }

    [Fact]
    public void An_order_from_a_complaint_names_the_complaint() =>
        Scenario.Given()
            .When(Log(channel: IntakeChannel.Complaint, reporter: new Reporter(null, null)), A.T0)
            .ThenRejected("complaint-reference-required", RejectionKind.Invalid, "complaintId");

    [Fact]
    public void A_staff_patrol_report_needs_no_reporter_contact() =>
        Scenario.Given()
            .When(Log(channel: IntakeChannel.StaffPatrol, reporter: new Reporter(null, null)), A.T0)
            .Single<WorkOrderLogged>();

    [Fact]
    public void The_callers_urgency_class_is_kept()
    {
        var logged = Scenario.Given().When(Log(content: "漏水 from the ceiling", urgency: UrgencyClass.Urgent), A.T0).Single<WorkOrderLogged>();

        Assert.Equal((UrgencyClass.Urgent, UrgencySource.Caller), (logged.Urgency, logged.UrgencySource));
    }

    [Theory]
    [InlineData("5号楼电梯困人", UrgencyClass.Urgent)]
    [InlineData("People trapped in lift, building 5", UrgencyClass.Urgent)]
    [InlineData("厨房爆管", UrgencyClass.Urgent)]
    [InlineData("Burst pipe under the sink", UrgencyClass.Urgent)]
    [InlineData("Smell of a gas leak in the kitchen", UrgencyClass.Urgent)]
    [InlineData("卧室漏电", UrgencyClass.Urgent)]
    [InlineData("Window frame about to fall", UrgencyClass.Urgent)]
    [InlineData("走廊灭火器过期", UrgencyClass.SafetyFacility)]
    [InlineData("Fire extinguisher missing on floor 3", UrgencyClass.SafetyFacility)]
    [InlineData("Unit door access control broken", UrgencyClass.SafetyFacility)]
    [InlineData("屋顶漏水", UrgencyClass.LeakSeepage)]
    [InlineData("Roof leak over the bedroom", UrgencyClass.LeakSeepage)]
    [InlineData("卫生间渗水", UrgencyClass.LeakSeepage)]
    public void Without_a_given_class_the_keywords_suggest_one(string content, UrgencyClass expected)
    {
        var logged = Scenario.Given().When(Log(content: content), A.T0).Single<WorkOrderLogged>();

        Assert.Equal((expected, UrgencySource.Keywords), (logged.Urgency, logged.UrgencySource));
    }

    [Fact]
    public void Without_a_given_class_or_a_keyword_the_class_is_other()
    {
        var logged = Scenario.Given().When(Log(content: "维修洗水盆下水"), A.T0).Single<WorkOrderLogged>();

        Assert.Equal((UrgencyClass.Other, UrgencySource.Default), (logged.Urgency, logged.UrgencySource));
    }

    [Fact]
    public void S15_People_trapped_in_a_lift_are_classified_urgent()
    {
        var logged = Scenario.Given().When(Log(content: "people trapped in lift, building 5"), A.T0).Single<WorkOrderLogged>();

        Assert.Equal(UrgencyClass.Urgent, logged.Urgency);
    }

    [Fact]
    public void A_resident_logs_their_own_request_through_the_resident_app()
    {
        var logged = Scenario.Given()
            .When(Log(channel: IntakeChannel.ResidentApp, type: WorkOrderType.Service, by: A.Resident), A.T0)
            .Single<WorkOrderLogged>();

        Assert.Equal(A.Resident.Id, logged.ResidentId);
    }

    [Fact]
    public void A_resident_logs_only_through_the_resident_app() =>
        Scenario.Given()
            .When(Log(channel: IntakeChannel.Hotline, by: A.Resident), A.T0)
            .ThenRejected("channel-not-allowed", RejectionKind.Invalid, "channel");

    [Fact]
    public void A_resident_cannot_choose_the_urgency_class() =>
        Scenario.Given()
            .When(Log(channel: IntakeChannel.ResidentApp, urgency: UrgencyClass.Urgent, by: A.Resident), A.T0)
            .ThenRejected("urgency-set-by-staff", RejectionKind.Forbidden);

    [Fact]
    public void Technicians_and_other_roles_may_not_log_work_orders()
    {
        Scenario.Given().When(Log(by: A.Technician), A.T0).ThenRejected("role-not-allowed", RejectionKind.Forbidden);
        Scenario.Given().When(Log(by: A.FinanceClerk), A.T0).ThenRejected("role-not-allowed", RejectionKind.Forbidden);
    }

    [Fact]
    public void An_order_is_logged_once() =>
        Scenario.Given(History.Logged())
            .When(Log(), A.T0.AddMinutes(1))
            .ThenRejected("work-order-exists", RejectionKind.Conflict);

    [Fact]
    public void Urgent_orders_get_the_urgent_handle_deadline_of_30_minutes_by_default()
    {
        var logged = Scenario.Given().When(Log(urgency: UrgencyClass.Urgent), A.T0).Single<WorkOrderLogged>();

        Assert.Equal((A.T0.AddMinutes(30), A.T0.AddHours(24)), (logged.HandleDueAt, logged.RepairDueAt));
    }

    [Fact]
    public void Orders_without_a_target_in_the_policy_get_no_deadline()
    {
        var logged = Scenario.Given().When(Log(urgency: UrgencyClass.Other), A.T0).Single<WorkOrderLogged>();

        Assert.Equal((null, null), (logged.HandleDueAt, logged.RepairDueAt));
    }

    [Fact]
    public void The_category_SLA_applies_and_the_tighter_target_wins()
    {
        var logged = Scenario.Given().When(Log(category: "gas-fault", urgency: UrgencyClass.Urgent), A.T0).Single<WorkOrderLogged>();

        // Urgent: 30 min / 24 h; gas fault: 6 h / 24 h.
        Assert.Equal((A.T0.AddMinutes(30), A.T0.AddHours(24)), (logged.HandleDueAt, logged.RepairDueAt));
    }

    [Fact]
    public void SLA_targets_come_from_the_estates_policy()
    {
        var estatePolicy = A.Policy.WithCategorySla("lift", new SlaTargets(TimeSpan.FromMinutes(15), TimeSpan.FromHours(4)));

        var logged = Scenario.Given().When(Log(category: "lift", policy: estatePolicy), A.T0).Single<WorkOrderLogged>();

        Assert.Equal((A.T0.AddMinutes(15), A.T0.AddHours(4)), (logged.HandleDueAt, logged.RepairDueAt));
    }
}
