using Platform.BuildingBlocks.EventSourcing;
using Platform.FireSafety.Equipment;
using Platform.FireSafety.Features;

namespace Platform.FireSafety.Tests;

public class TestCalendarTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly Guid Id = Guid.Parse("0193c000-0000-7000-8000-0000000000e1");

    private static DateTimeOffset Local(int year, int month, int day, int hour = 10) => new(year, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    private static EquipmentRegistered Registered(EquipmentType type, DateTimeOffset at, int? months = null) =>
        new(Id, "estate-1", "X-1", type, months, "B1", "Zhao", true, "SITE", "ITEM", TestCalendar.EndOfNextPeriod(type, months, at, Shanghai), at);

    private static DeciderScenario<EquipmentState, IEquipmentCommand>.Result CheckAt(DateTimeOffset now, params object[] history) =>
        new DeciderScenario<EquipmentState, IEquipmentCommand>(new EquipmentDecider(), history).When(new MarkTestOverdue(Id, Shanghai, Actor.System), now);

    private static EquipmentTested Tested(EquipmentType type, DateTimeOffset at) =>
        new(TestCalendar.PeriodOf(type, null, at, Shanghai).Label, false, null, "t", at, at);

    [Fact]
    public void S39_a_fire_pump_without_a_trial_start_in_June_is_overdue_when_June_ends()
    {
        var overdue = CheckAt(Local(2026, 7, 1, 0).AddMinutes(1), Registered(EquipmentType.FirePump, Local(2026, 5, 20))).Single<EquipmentTestOverdue>();
        Assert.Equal("2026-06", overdue.Period);
        CheckAt(Local(2026, 7, 1, 0).AddMinutes(1), Registered(EquipmentType.FirePump, Local(2026, 5, 20)), Tested(EquipmentType.FirePump, Local(2026, 6, 3))).ThenNothing();
    }

    [Fact]
    public void S39_a_hydrant_untested_in_Q2_is_overdue_when_Q2_ends() =>
        Assert.Equal("2026-Q2", CheckAt(Local(2026, 7, 2), Registered(EquipmentType.IndoorHydrant, Local(2026, 3, 1))).Single<EquipmentTestOverdue>().Period);

    [Fact]
    public void S39_smoke_exhaust_untested_in_H1_is_overdue_when_H1_ends() =>
        Assert.Equal("2026-H1", CheckAt(Local(2026, 7, 2), Registered(EquipmentType.SmokeExhaust, Local(2025, 11, 1))).Single<EquipmentTestOverdue>().Period);

    [Fact]
    public void S39_a_smoke_detector_untested_in_the_calendar_year_is_overdue_when_the_year_ends() =>
        Assert.Equal("2026", CheckAt(Local(2027, 1, 1, 9), Registered(EquipmentType.SmokeDetector, Local(2025, 12, 1))).Single<EquipmentTestOverdue>().Period);

    [Fact]
    public void S39_an_extinguisher_is_checked_in_both_the_summer_and_the_winter_campaign()
    {
        Assert.Equal("2026-summer", TestCalendar.PeriodOf(EquipmentType.Extinguisher, null, Local(2026, 7, 1), Shanghai).Label);
        Assert.Equal("2026-winter", TestCalendar.PeriodOf(EquipmentType.Extinguisher, null, Local(2027, 2, 1), Shanghai).Label);
        var summerOnly = CheckAt(Local(2027, 4, 2), Registered(EquipmentType.Extinguisher, Local(2026, 3, 1)), Tested(EquipmentType.Extinguisher, Local(2026, 7, 1)));
        Assert.Equal("2026-winter", summerOnly.Single<EquipmentTestOverdue>().Period);
    }

    [Fact]
    public void An_untested_period_is_overdue_once() =>
        CheckAt(Local(2026, 7, 3), Registered(EquipmentType.FirePump, Local(2026, 5, 20)), new EquipmentTestOverdue("2026-06", Local(2026, 7, 1, 0), Local(2026, 8, 1, 0), Local(2026, 7, 1)))
            .ThenNothing();

    [Fact]
    public void A_period_that_began_before_the_equipment_was_registered_is_not_asked_for() =>
        CheckAt(Local(2026, 7, 1, 1), Registered(EquipmentType.FirePump, Local(2026, 6, 15))).ThenNothing();

    [Fact]
    public void Other_equipment_says_its_own_test_period() =>
        new DeciderScenario<EquipmentState, IEquipmentCommand>(new EquipmentDecider(), [])
            .When(new RegisterEquipment(Id, "estate-1", "FD-1", EquipmentType.Other, null, "B1", "Zhao", true, "SITE", "ITEM", Shanghai, new Actor("o", Roles.FireSafetyOfficer)), Local(2026, 6, 1))
            .ThenRejected("test-period-required", RejectionKind.Invalid, "otherTestMonths");

    [Fact]
    public void A_defect_says_what_is_wrong() =>
        new DeciderScenario<EquipmentState, IEquipmentCommand>(new EquipmentDecider(), [Registered(EquipmentType.FirePump, Local(2026, 5, 1))])
            .When(new TestEquipment(Id, true, null, Shanghai, new Actor("o", Roles.FireSafetyOfficer)), Local(2026, 6, 1))
            .ThenRejected("note-required", RejectionKind.Invalid, "note");

    [Fact]
    public void Lost_equipment_is_reported_to_a_named_leader_once_per_report()
    {
        var report = new ReportEquipmentLoss(Id, Guid.Parse("0193c000-0000-7000-8000-0000000000e2"), "lost", 1, "GM Zhou", new Actor("g", Roles.SecurityGuard));
        var history = new object[] { Registered(EquipmentType.Extinguisher, Local(2026, 5, 1)) };
        var lost = new DeciderScenario<EquipmentState, IEquipmentCommand>(new EquipmentDecider(), history).When(report, Local(2026, 6, 1)).Single<EquipmentLostOrDamaged>();
        new DeciderScenario<EquipmentState, IEquipmentCommand>(new EquipmentDecider(), [.. history, lost]).When(report, Local(2026, 6, 1)).ThenNothing();
        new DeciderScenario<EquipmentState, IEquipmentCommand>(new EquipmentDecider(), history).When(report with { ReportedToLeader = "" }, Local(2026, 6, 1))
            .ThenRejected("reported-to-leader-required", RejectionKind.Invalid, "reportedToLeader");
    }
}
