using Platform.BuildingBlocks.EventSourcing;
using Platform.FireSafety.Alarms;
using Platform.FireSafety.DailyChecks;
using Platform.FireSafety.Drills;
using Platform.FireSafety.Equipment;
using Platform.FireSafety.Features;
using Platform.FireSafety.Incidents;

namespace Platform.FireSafety.Tests;

public class IncidentTests
{
    private static readonly Guid Id = Guid.Parse("0193c000-0000-7000-8000-0000000000a1");

    private static DeciderScenario<IncidentState, IIncidentCommand> Given(params object[] history) => new(new IncidentDecider(), history);

    private static ReportIncident Alarm(Actor? by = null) =>
        new(Id, "estate-1", "B2 pump room", IncidentSource.Alarm, "SD-B2-01", Guid.NewGuid(), "Smoke detector B2-01", A.Eight, by ?? Actor.System);

    private static ReportIncident ByStaff(DateTimeOffset occurredAt) =>
        new(Id, "estate-1", "Lobby", IncidentSource.Staff, null, null, "Smoke from a bin", occurredAt, A.Guard);

    private static readonly object[] Reported = [new IncidentReported(Id, "estate-1", "Lobby", IncidentSource.Staff, null, null, "Smoke", A.Eight, "guard-1", A.Eight)];

    [Fact]
    public void An_alarm_from_the_alarm_system_is_an_incident_waiting_to_be_acknowledged_once_per_signal()
    {
        var reported = Given().When(Alarm(), A.Eight.AddSeconds(1));
        Assert.Equal(IncidentStatus.Reported, reported.StateAfter.Status);
        Given([.. reported.Decision.Events]).When(Alarm(), A.Eight.AddSeconds(5)).ThenNothing();
    }

    [Fact]
    public void Only_the_alarm_system_reports_alarms_people_report_what_they_saw() =>
        Given().When(Alarm(A.Officer), A.Eight).ThenRejected("alarms-from-the-alarm-system", RejectionKind.Forbidden);

    [Fact]
    public void A_device_clock_ahead_of_ours_counts_as_now_but_a_person_reports_nothing_in_the_future()
    {
        Assert.Equal(A.Eight, Given().When(Alarm() with { OccurredAt = A.Eight.AddMinutes(2) }, A.Eight).Single<IncidentReported>().OccurredAt);
        Given().When(ByStaff(A.Eight.AddHours(1)), A.Eight).ThenRejected("time-in-the-future", RejectionKind.Invalid, "occurredAt");
    }

    [Fact]
    public void An_incident_is_resolved_only_after_someone_acknowledged_it_and_went_to_it()
    {
        var resolve = new ResolveIncident(Id, IncidentOutcome.FalseAlarm, "Steam from the kitchen", 0, A.Officer);
        Given(Reported).When(resolve, A.Eight).ThenRejected("not-acknowledged", RejectionKind.Conflict);
        var acknowledged = Given(Reported).When(new AcknowledgeIncident(Id, A.Guard), A.Eight).Single<IncidentAcknowledged>();
        Assert.Equal(IncidentStatus.Resolved, Given([.. Reported, acknowledged]).When(resolve, A.Eight).StateAfter.Status);
        Given(Reported).When(new AcknowledgeIncident(Id, A.Technician), A.Eight).ThenRejected("acknowledged-by-the-duty-officer", RejectionKind.Forbidden);
    }

    [Fact]
    public void S_000_1030_only_a_fire_counts_casualties()
    {
        object[] acknowledged = [.. Reported, new IncidentAcknowledged("guard-1", A.Eight)];
        Given(acknowledged).When(new ResolveIncident(Id, IncidentOutcome.FalseAlarm, "Steam", 1, A.Officer), A.Eight)
            .ThenRejected("casualties-only-in-a-fire", RejectionKind.Invalid, "casualties");
        Assert.Equal(2, Given(acknowledged).When(new ResolveIncident(Id, IncidentOutcome.Fire, "Bin fire, two smoke inhalations", 2, A.Officer), A.Eight)
            .Single<IncidentResolved>().Casualties);
    }
}

public class AlarmDeviceTests
{
    private static readonly EquipmentState Detector = new EquipmentDecider().Fold([
        new EquipmentRegistered(Guid.Parse("0193c000-0000-7000-8000-0000000000e5"), "estate-1", "SD-1", EquipmentType.SmokeDetector, null, "B2 corridor", "Zhao", false,
            "SITE", "SD", A.Eight, A.Eight)]);

    private static DeciderScenario<AlarmDeviceState, IAlarmDeviceCommand> Given(params object[] history) => new(new AlarmDeviceDecider(), history);

    private static RegisterAlarmDevice Register(EquipmentState item, string deviceId = "SD-B2-01") =>
        new(RegisterAlarmDevice.KeyOf(deviceId), deviceId, item, A.Officer);

    [Fact]
    public void A_device_is_an_item_of_the_register_and_belongs_to_one_item()
    {
        var registered = Given().When(Register(Detector), A.Eight).Single<AlarmDeviceRegistered>();
        Assert.Equal(("estate-1", "B2 corridor"), (registered.EstateId, registered.Location));
        Given(registered).When(Register(Detector), A.Eight).ThenNothing();
        Given(registered).When(Register(Detector with { Id = Guid.NewGuid() }), A.Eight).ThenRejected("device-registered", RejectionKind.Conflict);
        Given().When(Register(EquipmentState.Initial), A.Eight).ThenRejected("equipment-not-found", RejectionKind.Invalid, "equipmentId");
        Given().When(Register(Detector, new string('x', 101)), A.Eight).ThenRejected("device-id-too-long", RejectionKind.Invalid, "deviceId");
    }

    [Fact]
    public void F8_a_fault_the_alarm_system_signals_asks_for_a_repair_once_per_signal()
    {
        object[] registered = [new EquipmentRegistered(Detector.Id, "estate-1", "SD-1", EquipmentType.SmokeDetector, null, "B2 corridor", "Zhao", false, "SITE", "SD", A.Eight, A.Eight)];
        var signalled = new ReportEquipmentFault(Detector.Id, Guid.NewGuid(), "SD-B2-01", "Loop open", Actor.System);
        var fault = new DeciderScenario<EquipmentState, IEquipmentCommand>(new EquipmentDecider(), registered).When(signalled, A.Eight);
        Assert.Equal("Loop open", fault.Single<EquipmentRepairRequested>().Fault);
        Assert.True(fault.StateAfter.Defective);
        new DeciderScenario<EquipmentState, IEquipmentCommand>(new EquipmentDecider(), [.. registered, .. fault.Decision.Events]).When(signalled, A.Eight.AddMinutes(1)).ThenNothing();
        new DeciderScenario<EquipmentState, IEquipmentCommand>(new EquipmentDecider(), registered).When(signalled with { By = A.Officer }, A.Eight)
            .ThenRejected("faults-from-the-alarm-system", RejectionKind.Forbidden);
    }
}

public class DailyCheckTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly DateOnly Today = new(2026, 6, 10);

    private static RecordDailyCheck Check(DateOnly day, string? findings = null, Actor? by = null, DailyCheckKind kind = DailyCheckKind.WholeSitePatrol) =>
        new(RecordDailyCheck.IdFor("estate-1", kind, day), "estate-1", kind, findings, Shanghai, by ?? A.Guard);

    private static DeciderScenario<DailyCheckState, IDailyCheckCommand> Given(params object[] history) => new(new DailyCheckDecider(), history);

    [Fact]
    public void S_000_609_the_whole_site_patrol_is_recorded_once_a_day()
    {
        var recorded = Given().When(Check(Today), A.Eight).Single<DailyCheckRecorded>();
        Assert.Equal(Today, recorded.Day);
        Given(recorded).When(Check(Today), A.Eight.AddHours(1)).ThenNothing();
        Given(recorded).When(Check(Today, "Exit C blocked"), A.Eight.AddHours(1)).ThenRejected("checked-already", RejectionKind.Conflict);
        Assert.NotEqual(Check(Today).CheckId, Check(Today, kind: DailyCheckKind.ServiceHallClosing).CheckId);
    }

    [Fact]
    public void S_000_685_the_service_halls_end_of_day_check_after_midnight_counts_for_the_day_before_but_not_earlier_or_later()
    {
        var afterMidnight = new DateTimeOffset(2026, 6, 11, 0, 30, 0, TimeSpan.FromHours(8));
        Assert.Equal(Today, Given().When(Check(Today, kind: DailyCheckKind.ServiceHallClosing), afterMidnight).Single<DailyCheckRecorded>().Day);
        Given().When(Check(Today.AddDays(-2)), A.Eight).ThenRejected("day-not-open", RejectionKind.Invalid, "day");
        Given().When(Check(Today.AddDays(1)), A.Eight).ThenRejected("day-not-open", RejectionKind.Invalid, "day");
    }

    [Fact]
    public void Daily_checks_are_made_by_patrol_staff() =>
        Given().When(Check(Today, by: A.Technician), A.Eight).ThenRejected("checked-by-patrol-staff", RejectionKind.Forbidden);
}

public class DrillDueTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly Guid Id = Guid.Parse("0193c000-0000-7000-8000-0000000000f1");

    private static readonly object[] Closed =
    [
        new DrillPlanned(Id, "estate-1", DrillKind.Evacuation, new DateOnly(2026, 6, 10), "Plan", "o", A.Eight), new DrillBriefed("W", "o", A.Eight),
        new DrillConducted(40, "o", A.Eight), new DrillDebriefed("Good", "Exit C", "o", A.Eight), new DrillClosed(new DateOnly(2026, 12, 10), A.Eight),
    ];

    private static DeciderScenario<DrillState, IDrillCommand>.Result CheckAt(DateTimeOffset now, bool laterHeld = false, params object[] more) =>
        new DeciderScenario<DrillState, IDrillCommand>(new DrillDecider(), [.. Closed, .. more]).When(new MarkNextDrillOverdue(Id, laterHeld, Shanghai, Actor.System), now);

    [Fact]
    public void S_000_616_with_no_drill_by_its_due_date_the_next_drill_is_overdue_once_the_day_after()
    {
        CheckAt(new DateTimeOffset(2026, 12, 10, 23, 59, 0, TimeSpan.FromHours(8))).ThenNothing();
        var overdue = CheckAt(new DateTimeOffset(2026, 12, 11, 0, 1, 0, TimeSpan.FromHours(8))).Single<NextDrillOverdue>();
        Assert.Equal(new DateOnly(2026, 12, 10), overdue.DueBy);
        CheckAt(new DateTimeOffset(2026, 12, 20, 0, 0, 0, TimeSpan.FromHours(8)), false, overdue).ThenNothing();
    }

    [Fact]
    public void A_later_drill_held_means_the_next_drill_is_not_overdue() =>
        CheckAt(new DateTimeOffset(2026, 12, 20, 0, 0, 0, TimeSpan.FromHours(8)), laterHeld: true).ThenNothing();
}
