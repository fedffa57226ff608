using Platform.BuildingBlocks.EventSourcing;
using Platform.FireSafety.Hazards;
using Platform.FireSafety.Inspections;
using Platform.FireSafety.KeyLocations;

namespace Platform.FireSafety.Tests;

/// <summary>The stored JSON of every Fire-safety event type, exactly: a change here means a new version with an upcaster.</summary>
public class EventJsonSnapshotTests
{
    private static readonly Guid Id = Guid.Parse("0193c000-0000-7000-8000-000000000001");
    private static readonly DateTimeOffset At = new(2026, 6, 10, 8, 0, 0, TimeSpan.FromHours(8));
    private static readonly EventTypeMap Types = new EventTypeMap().RegisterAssemblyOf<HazardDecider>();

    public static TheoryData<string, string> Cases => new()
    {
        { "KeyLocationDesignated.v1", """{"keyLocationId":"0193c000-0000-7000-8000-000000000001","estateId":"e","code":"SUB-1","name":"\u53D8\u914D\u7535\u5BA4","kind":"substationRoom","responsibleDepartment":"Engineering","responsiblePerson":"Wang","designatedAt":"2026-06-10T08:00:00+08:00"}""" },
        { "PatrolRecorded.v1", """{"patrolId":"0193c000-0000-7000-8000-000000000001","patrolledBy":"g","patrolledAt":"2026-06-10T08:00:00+08:00","findings":"Door unlocked","photoRefs":["photo-1"],"nextDueAt":"2026-06-10T10:00:00+08:00"}""" },
        { "PatrolMissed.v1", """{"dueAt":"2026-06-10T08:00:00+08:00","nextDueAt":"2026-06-10T10:00:00+08:00","detectedAt":"2026-06-10T08:00:00+08:00"}""" },
        { "InspectionRecorded.v1", """{"inspectionId":"0193c000-0000-7000-8000-000000000001","estateId":"e","month":"2026-06","department":"Engineering","inspectorId":"o","findings":"Blocked route","requiredSigners":["h"],"recheckedHazards":["0193c000-0000-7000-8000-000000000001"],"recordedAt":"2026-06-10T08:00:00+08:00"}""" },
        { "InspectionSigned.v1", """{"signerId":"h","signedAt":"2026-06-10T08:00:00+08:00"}""" },
        { "InspectedDepartmentNotified.v1", """{"department":"Engineering","notifiedBy":"o","notifiedAt":"2026-06-10T08:00:00+08:00"}""" },
        { "HazardIdentified.v1", """{"hazardId":"0193c000-0000-7000-8000-000000000001","estateId":"e","location":"Stair B","description":"Blocked","major":true,"electrical":false,"stopUse":false,"source":"fireAuthority","sourceId":null,"authorityReference":"FA-1","foundBy":"o","foundAt":"2026-06-10T08:00:00+08:00","registeredAt":"2026-06-10T08:00:00+08:00"}""" },
        { "RectificationOrdered.v1", """{"round":1,"responsibleUnit":"Engineering","deadline":"2026-06-17T08:00:00+08:00","needsWork":true,"orderedBy":"o","orderedAt":"2026-06-10T08:00:00+08:00"}""" },
        { "InterimMeasureRecorded.v1", """{"measure":"Cones","recordedBy":"o","recordedAt":"2026-06-10T08:00:00+08:00"}""" },
        { "HazardRecheckScheduled.v1", """{"round":1,"dueBy":"2026-08-01T00:00:00+08:00"}""" },
        { "EquipmentRepairRequested.v1", """{"requestId":"0193c000-0000-7000-8000-000000000001","fault":"No pressure","requestedAt":"2026-06-10T08:00:00+08:00"}""" },
        { "EquipmentRepaired.v1", """{"requestId":"0193c000-0000-7000-8000-000000000001","workOrderId":"0193c000-0000-7000-8000-000000000001","repairedAt":"2026-06-10T08:00:00+08:00"}""" },
        { "HazardRectified.v1", """{"round":1,"note":"Cleared","rectifiedBy":"e","rectifiedAt":"2026-06-10T08:00:00+08:00"}""" },
        { "HazardRechecked.v1", """{"round":1,"passed":false,"note":"Still blocked","checkedBy":"o","checkedAt":"2026-06-10T08:00:00+08:00"}""" },
        { "HazardOverdue.v1", """{"round":1,"deadline":"2026-06-10T08:00:00+08:00","detectedAt":"2026-06-10T08:00:00+08:00"}""" },
        { "HazardEscalated.v1", """{"level":"securityFireOfficer","solutionPlan":"Plan","escalatedBy":"o","escalatedAt":"2026-06-10T08:00:00+08:00"}""" },
        { "AuthorityReplyRecorded.v1", """{"reference":"\u590D\u51FD-1","recordedBy":"o","recordedAt":"2026-06-10T08:00:00+08:00"}""" },
        { "EquipmentRegistered.v1", """{"equipmentId":"0193c000-0000-7000-8000-000000000001","estateId":"e","code":"PUMP-1","type":"firePump","otherTestMonths":null,"location":"B2 pump room","custodian":"Zhao","sealed":true,"siteStoreCode":"SITE","itemCode":"PUMP","nextCheckAt":"2026-06-10T08:00:00+08:00","registeredAt":"2026-06-10T08:00:00+08:00"}""" },
        { "EquipmentChecked.v1", """{"ok":true,"sealed":true,"note":null,"checkedBy":"g","checkedAt":"2026-06-10T08:00:00+08:00"}""" },
        { "EquipmentTested.v1", """{"period":"2026-06","defect":false,"note":null,"testedBy":"o","nextCheckAt":"2026-06-10T08:00:00+08:00","testedAt":"2026-06-10T08:00:00+08:00"}""" },
        { "EquipmentTestOverdue.v1", """{"period":"2026-06","periodEnded":"2026-06-10T08:00:00+08:00","nextCheckAt":"2026-06-10T08:00:00+08:00","detectedAt":"2026-06-10T08:00:00+08:00"}""" },
        { "EquipmentLostOrDamaged.v1", """{"reportId":"0193c000-0000-7000-8000-000000000001","loss":"lost","quantity":1,"reportedToLeader":"GM","reportedBy":"g","reportedAt":"2026-06-10T08:00:00+08:00"}""" },
        { "DrillPlanned.v1", """{"drillId":"0193c000-0000-7000-8000-000000000001","estateId":"e","kind":"evacuation","plannedFor":"2026-06-10","plan":"Plan v3","plannedBy":"o","plannedAt":"2026-06-10T08:00:00+08:00"}""" },
        { "DrillBriefed.v1", """{"assignments":"Wardens","briefedBy":"o","briefedAt":"2026-06-10T08:00:00+08:00"}""" },
        { "DrillConducted.v1", """{"participants":40,"conductedBy":"o","conductedAt":"2026-06-10T08:00:00+08:00"}""" },
        { "DrillDebriefed.v1", """{"summary":"Good","planRevision":"Exit C","debriefedBy":"o","debriefedAt":"2026-06-10T08:00:00+08:00"}""" },
        { "DrillClosed.v1", """{"nextDueBy":"2026-12-10","closedAt":"2026-06-10T08:00:00+08:00"}""" },
        { "TrainingRecorded.v1", """{"trainingId":"0193c000-0000-7000-8000-000000000001","estateId":"e","audience":"newStaff","topic":"Evacuation","heldOn":"2026-06-10","trainer":"Liu","attendees":["n"],"examResults":[{"staffId":"n","passed":true}],"recordedBy":"o","recordedAt":"2026-06-10T08:00:00+08:00"}""" },
        { "HazardClosed.v1", """{"closedAt":"2026-06-10T08:00:00+08:00"}""" },
        { "NextDrillOverdue.v1", """{"dueBy":"2026-12-10","detectedAt":"2026-06-10T08:00:00+08:00"}""" },
        { "EquipmentFaultSignalled.v1", """{"signalId":"0193c000-0000-7000-8000-000000000001","deviceId":"SD-B2-01","detail":"Loop open","signalledAt":"2026-06-10T08:00:00+08:00"}""" },
        { "AlarmDeviceRegistered.v1", """{"deviceId":"SD-B2-01","equipmentId":"0193c000-0000-7000-8000-000000000001","estateId":"e","location":"B2","registeredBy":"o","registeredAt":"2026-06-10T08:00:00+08:00"}""" },
        { "IncidentReported.v1", """{"incidentId":"0193c000-0000-7000-8000-000000000001","estateId":"e","location":"B2","source":"alarm","deviceId":"SD-B2-01","equipmentId":"0193c000-0000-7000-8000-000000000001","description":"Smoke","occurredAt":"2026-06-10T08:00:00+08:00","reportedBy":"system","reportedAt":"2026-06-10T08:00:00+08:00"}""" },
        { "IncidentAcknowledged.v1", """{"acknowledgedBy":"g","acknowledgedAt":"2026-06-10T08:00:00+08:00"}""" },
        { "IncidentResolved.v1", """{"outcome":"falseAlarm","note":"Steam","casualties":0,"resolvedBy":"o","resolvedAt":"2026-06-10T08:00:00+08:00"}""" },
        { "DailyCheckRecorded.v1", """{"checkId":"0193c000-0000-7000-8000-000000000001","estateId":"e","kind":"serviceHallClosing","day":"2026-06-10","findings":null,"checkedBy":"g","checkedAt":"2026-06-10T08:00:00+08:00"}""" },
    };

    private static readonly Dictionary<string, object> Events = new()
    {
        ["KeyLocationDesignated.v1"] = new KeyLocationDesignated(Id, "e", "SUB-1", "变配电室", KeyLocationKind.SubstationRoom, "Engineering", "Wang", At),
        ["PatrolRecorded.v1"] = new PatrolRecorded(Id, "g", At, "Door unlocked", ["photo-1"], At.AddHours(2)),
        ["PatrolMissed.v1"] = new PatrolMissed(At, At.AddHours(2), At),
        ["InspectionRecorded.v1"] = new InspectionRecorded(Id, "e", "2026-06", "Engineering", "o", "Blocked route", ["h"], [Id], At),
        ["InspectionSigned.v1"] = new InspectionSigned("h", At),
        ["InspectedDepartmentNotified.v1"] = new InspectedDepartmentNotified("Engineering", "o", At),
        ["HazardIdentified.v1"] = new HazardIdentified(Id, "e", "Stair B", "Blocked", true, false, false, HazardSource.FireAuthority, null, "FA-1", "o", At, At),
        ["RectificationOrdered.v1"] = new RectificationOrdered(1, "Engineering", At.AddDays(7), true, "o", At),
        ["InterimMeasureRecorded.v1"] = new InterimMeasureRecorded("Cones", "o", At),
        ["HazardRectified.v1"] = new HazardRectified(1, "Cleared", "e", At),
        ["HazardRecheckScheduled.v1"] = new HazardRecheckScheduled(1, new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.FromHours(8))),
        ["EquipmentRepairRequested.v1"] = new Equipment.EquipmentRepairRequested(Id, "No pressure", At),
        ["EquipmentRepaired.v1"] = new Equipment.EquipmentRepaired(Id, Id, At),
        ["HazardRechecked.v1"] = new HazardRechecked(1, false, "Still blocked", "o", At),
        ["HazardOverdue.v1"] = new HazardOverdue(1, At, At),
        ["HazardEscalated.v1"] = new HazardEscalated(EscalationLevel.SecurityFireOfficer, "Plan", "o", At),
        ["AuthorityReplyRecorded.v1"] = new AuthorityReplyRecorded("复函-1", "o", At),
        ["HazardClosed.v1"] = new HazardClosed(At),
        ["TrainingRecorded.v1"] = new Training.TrainingRecorded(Id, "e", Training.TrainingAudience.NewStaff, "Evacuation", new DateOnly(2026, 6, 10), "Liu", ["n"],
            [new Training.ExamResult("n", true)], "o", At),
        ["DrillPlanned.v1"] = new Drills.DrillPlanned(Id, "e", Drills.DrillKind.Evacuation, new DateOnly(2026, 6, 10), "Plan v3", "o", At),
        ["DrillBriefed.v1"] = new Drills.DrillBriefed("Wardens", "o", At),
        ["DrillConducted.v1"] = new Drills.DrillConducted(40, "o", At),
        ["DrillDebriefed.v1"] = new Drills.DrillDebriefed("Good", "Exit C", "o", At),
        ["DrillClosed.v1"] = new Drills.DrillClosed(new DateOnly(2026, 12, 10), At),
        ["EquipmentRegistered.v1"] = new Equipment.EquipmentRegistered(Id, "e", "PUMP-1", Equipment.EquipmentType.FirePump, null, "B2 pump room", "Zhao", true, "SITE", "PUMP", At, At),
        ["EquipmentChecked.v1"] = new Equipment.EquipmentChecked(true, true, null, "g", At),
        ["EquipmentTested.v1"] = new Equipment.EquipmentTested("2026-06", false, null, "o", At, At),
        ["EquipmentTestOverdue.v1"] = new Equipment.EquipmentTestOverdue("2026-06", At, At, At),
        ["EquipmentLostOrDamaged.v1"] = new Equipment.EquipmentLostOrDamaged(Id, "lost", 1, "GM", "g", At),
        ["NextDrillOverdue.v1"] = new Drills.NextDrillOverdue(new DateOnly(2026, 12, 10), At),
        ["EquipmentFaultSignalled.v1"] = new Equipment.EquipmentFaultSignalled(Id, "SD-B2-01", "Loop open", At),
        ["AlarmDeviceRegistered.v1"] = new Alarms.AlarmDeviceRegistered("SD-B2-01", Id, "e", "B2", "o", At),
        ["IncidentReported.v1"] = new Incidents.IncidentReported(Id, "e", "B2", Incidents.IncidentSource.Alarm, "SD-B2-01", Id, "Smoke", At, "system", At),
        ["IncidentAcknowledged.v1"] = new Incidents.IncidentAcknowledged("g", At),
        ["IncidentResolved.v1"] = new Incidents.IncidentResolved(Incidents.IncidentOutcome.FalseAlarm, "Steam", 0, "o", At),
        ["DailyCheckRecorded.v1"] = new DailyChecks.DailyCheckRecorded(Id, "e", DailyChecks.DailyCheckKind.ServiceHallClosing, new DateOnly(2026, 6, 10), null, "g", At),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_event_is_stored_as_its_snapshot(string name, string json) => EventJsonSnapshot.Matches(Types, Events[name], name, json);

    [Fact]
    public void Every_event_type_of_the_service_has_a_snapshot()
    {
        var declared = typeof(HazardDecider).Assembly.GetTypes()
            .Where(t => t.GetCustomAttributes(typeof(EventTypeAttribute), false).Length > 0)
            .Select(t => Types.NameOf(t)).Order();
        Assert.Equal(declared, Events.Keys.Order());
        Assert.Equal(Events.Keys.Order(), Cases.Select(c => (string)c[0]).Order());
    }

}
