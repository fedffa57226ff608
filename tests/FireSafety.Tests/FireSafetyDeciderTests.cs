using Platform.BuildingBlocks.EventSourcing;
using Platform.FireSafety.Features;
using Platform.FireSafety.Hazards;
using Platform.FireSafety.Inspections;
using Platform.FireSafety.KeyLocations;

namespace Platform.FireSafety.Tests;

internal static class A
{
    public static readonly DateTimeOffset Eight = new(2026, 6, 10, 8, 0, 0, TimeSpan.FromHours(8));
    public static readonly Actor Officer = new("officer-1", Roles.FireSafetyOfficer);
    public static readonly Actor Guard = new("guard-1", Roles.SecurityGuard);
    public static readonly Actor Technician = new("tech-1", Roles.Technician);
    public static readonly Guid LocationId = FireStreams.KeyLocationId("estate-1", "SUB-1");
    public static readonly Guid HazardId = Guid.Parse("0193c000-0000-7000-8000-0000000000d1");
    public static readonly Guid InspectionId = FireStreams.InspectionId("estate-1", "Engineering", "2026-06");

    public static KeyLocationDesignated Substation(DateTimeOffset at) =>
        new(LocationId, "estate-1", "SUB-1", "变配电室", KeyLocationKind.SubstationRoom, "Engineering", "Wang", at);

    public static InspectionRecorded Inspected { get; } =
        new(InspectionId, "estate-1", "2026-06", "Engineering", Officer.Id, "Evacuation route B blocked", ["eng-head", "eng-deputy"], [], Eight);

    public static InspectionState Inspection(params object[] events) => new InspectionDecider().Fold(events);

    public static HazardIdentified Found(HazardSource source = HazardSource.Inspection, bool major = false, bool electrical = false) =>
        new(HazardId, "estate-1", "Stair B", "Evacuation route blocked", major, electrical, electrical, source, source == HazardSource.Inspection ? InspectionId : null,
            source == HazardSource.FireAuthority ? "FA-2026-07" : null, Officer.Id, Eight, Eight);

    public static RectificationOrdered Ordered(int round = 1, DateTimeOffset? deadline = null) =>
        new(round, "Engineering", deadline ?? Eight.AddDays(7), true, Officer.Id, Eight);

    public static DeciderScenario<KeyLocationState, IKeyLocationCommand> Location(params object[] given) => new(new KeyLocationDecider(), given);
    public static DeciderScenario<HazardState, IHazardCommand> Hazard(params object[] given) => new(new HazardDecider(), given);
    public static DeciderScenario<InspectionState, IInspectionCommand> Inspecting(params object[] given) => new(new InspectionDecider(), given);
}

public class PatrolTests
{
    private static RecordPatrol Patrol(DateTimeOffset at, Actor? by = null) => new(A.LocationId, Guid.NewGuid(), at, null, [], by ?? A.Guard);

    [Fact]
    public void S36_a_patrol_at_08_00_makes_the_next_due_at_10_00()
    {
        var recorded = A.Location(A.Substation(A.Eight.AddHours(-1))).When(Patrol(A.Eight), A.Eight).Single<PatrolRecorded>();
        Assert.Equal(A.Eight.AddHours(2), recorded.NextDueAt);
    }

    [Fact]
    public void S36_decision_10_the_interval_rolls_from_the_last_record_a_patrol_at_09_55_moves_the_next_to_11_55()
    {
        var state = A.Location(A.Substation(A.Eight.AddHours(-1)), new PatrolRecorded(Guid.NewGuid(), "g", A.Eight, null, [], A.Eight.AddHours(2)))
            .When(Patrol(A.Eight.AddMinutes(115)), A.Eight.AddMinutes(115)).StateAfter;
        Assert.Equal(A.Eight.AddMinutes(235), state.NextDueAt);
    }

    [Fact]
    public void S36_no_record_by_10_00_is_a_missed_patrol_once()
    {
        object[] patrolled = [A.Substation(A.Eight.AddHours(-1)), new PatrolRecorded(Guid.NewGuid(), "g", A.Eight, null, [], A.Eight.AddHours(2))];
        A.Location(patrolled).When(new MarkPatrolMissed(A.LocationId, Actor.System), A.Eight.AddMinutes(119)).ThenNothing();
        var missed = A.Location(patrolled).When(new MarkPatrolMissed(A.LocationId, Actor.System), A.Eight.AddHours(2)).Single<PatrolMissed>();
        Assert.Equal((A.Eight.AddHours(2), A.Eight.AddHours(4)), (missed.DueAt, missed.NextDueAt));
        A.Location([.. patrolled, missed]).When(new MarkPatrolMissed(A.LocationId, Actor.System), A.Eight.AddHours(3)).ThenNothing();
    }

    [Fact]
    public void A_night_without_patrols_misses_every_slot_each_once() =>
        Assert.Equal(4, A.Location(A.Substation(A.Eight)).When(new MarkPatrolMissed(A.LocationId, Actor.System), A.Eight.AddHours(9)).All<PatrolMissed>().Count);

    [Fact]
    public void A_patrol_is_not_recorded_in_the_future_or_before_the_last() =>
        A.Location(A.Substation(A.Eight.AddHours(-1)), new PatrolRecorded(Guid.NewGuid(), "g", A.Eight, null, [], A.Eight.AddHours(2)))
            .When(Patrol(A.Eight.AddMinutes(-5)), A.Eight.AddHours(1)).ThenRejected("patrol-before-the-last", RejectionKind.Invalid, "patrolledAt");

    [Fact]
    public void Guards_and_officers_patrol() =>
        A.Location(A.Substation(A.Eight.AddHours(-1))).When(Patrol(A.Eight, A.Technician), A.Eight).ThenRejected("patrolled-by-guards-and-officers", RejectionKind.Forbidden);

    [Fact]
    public void A_key_location_names_its_responsible_department_and_person() =>
        A.Location().When(new DesignateKeyLocation(A.LocationId, "estate-1", "SUB-1", "变配电室", KeyLocationKind.SubstationRoom, "Engineering", " ", A.Officer), A.Eight)
            .ThenRejected("responsible-person-required", RejectionKind.Invalid, "responsiblePerson");
}

public class InspectionAndHazardTests
{
    private static OrderRectification Order(DateTimeOffset? deadline, InspectionState inspection) =>
        new(A.HazardId, "Engineering", deadline, true, inspection, A.Officer);

    [Fact]
    public void S37_an_unsigned_inspection_record_orders_no_rectification()
    {
        var halfSigned = A.Inspection(A.Inspected, new InspectionSigned("eng-head", A.Eight));
        var refused = A.Hazard(A.Found()).When(Order(A.Eight.AddDays(7), halfSigned), A.Eight).ThenRejected("inspection-not-signed", RejectionKind.Conflict);
        Assert.Contains("eng-deputy", refused.Detail);
    }

    [Fact]
    public void S37_with_every_signature_rectification_is_ordered_with_the_inspectors_deadline()
    {
        var signed = A.Inspection(A.Inspected, new InspectionSigned("eng-head", A.Eight), new InspectionSigned("eng-deputy", A.Eight));
        A.Hazard(A.Found()).When(Order(A.Eight.AddDays(7), signed), A.Eight).Then(A.Ordered());
    }

    [Fact]
    public void Decision_6_a_rectification_deadline_has_no_default() =>
        A.Hazard(A.Found(HazardSource.StaffReport)).When(Order(null, InspectionState.Initial), A.Eight).ThenRejected("deadline-required", RejectionKind.Invalid, "deadline");

    [Fact]
    public void An_inspection_record_names_the_people_concerned_who_sign_it() =>
        A.Inspecting().When(new RecordInspection(A.InspectionId, "estate-1", "2026-06", "Engineering", "Route B blocked", [], [], A.Officer), A.Eight)
            .ThenRejected("signers-required", RejectionKind.Invalid, "requiredSigners");

    [Fact]
    public void Only_the_people_the_record_names_sign_it() =>
        A.Inspecting(A.Inspected).When(new SignInspection(A.InspectionId, new Actor("someone", Roles.TeamLeader)), A.Eight)
            .ThenRejected("signed-by-the-people-concerned", RejectionKind.Forbidden);

    [Fact]
    public void The_department_is_notified_once_the_record_is_signed()
    {
        A.Inspecting(A.Inspected).When(new NotifyInspectedDepartment(A.InspectionId, A.Officer), A.Eight).ThenRejected("inspection-not-signed");
        A.Inspecting(A.Inspected, new InspectionSigned("eng-head", A.Eight), new InspectionSigned("eng-deputy", A.Eight))
            .When(new NotifyInspectedDepartment(A.InspectionId, A.Officer), A.Eight).Single<InspectedDepartmentNotified>();
    }

    [Fact]
    public void Next_months_inspection_lists_the_departments_open_hazards_for_re_checking()
    {
        var recorded = A.Inspecting().When(new RecordInspection(A.InspectionId, "estate-1", "2026-06", "Engineering", "Route B clear", ["eng-head"], [A.HazardId], A.Officer), A.Eight)
            .Single<InspectionRecorded>();
        Assert.Equal([A.HazardId], recorded.RecheckedHazards);
    }

    [Fact]
    public void An_electrical_hazard_reported_by_anyone_is_taken_out_of_use_at_once()
    {
        var report = new ReportHazard(A.HazardId, "estate-1", "Lobby", "Scorched socket", false, true, HazardSource.StaffReport, null, null, A.Eight, InspectionState.Initial, A.Technician);
        Assert.True(A.Hazard().When(report, A.Eight).Single<HazardIdentified>().StopUse);
    }

    [Fact]
    public void A_hazard_from_an_inspection_names_its_record_and_is_registered_by_the_officer()
    {
        var report = new ReportHazard(A.HazardId, "estate-1", "Stair B", "Blocked", false, false, HazardSource.Inspection, Guid.NewGuid(), null, A.Eight, InspectionState.Initial, A.Officer);
        A.Hazard().When(report, A.Eight).ThenRejected("inspection-not-found", RejectionKind.Invalid, "sourceId");
        A.Hazard().When(report with { SourceId = A.InspectionId, Inspection = A.Inspection(A.Inspected), By = A.Technician }, A.Eight)
            .ThenRejected("registered-by-the-fire-officer", RejectionKind.Forbidden);
    }

    [Fact]
    public void A_rectified_hazard_that_passes_its_recheck_closes()
    {
        var result = A.Hazard(A.Found(), A.Ordered(), new HazardRectified(1, "Cleared", "eng", A.Eight)).When(new RecheckHazard(A.HazardId, true, "Clear", null, A.Officer), A.Eight);
        Assert.Equal(HazardStatus.Closed, result.StateAfter.Status);
    }

    [Fact]
    public void A_failed_recheck_orders_rectification_again_by_a_new_deadline()
    {
        object[] rectified = [A.Found(), A.Ordered(), new HazardRectified(1, "Cleared", "eng", A.Eight)];
        A.Hazard(rectified).When(new RecheckHazard(A.HazardId, false, "Still blocked", null, A.Officer), A.Eight).ThenRejected("deadline-required", RejectionKind.Invalid, "newDeadline");
        var again = A.Hazard(rectified).When(new RecheckHazard(A.HazardId, false, "Still blocked", A.Eight.AddDays(3), A.Officer), A.Eight).Single<RectificationOrdered>();
        Assert.Equal((2, A.Eight.AddDays(3)), (again.Round, again.Deadline));
    }

    [Fact]
    public void A_passed_deadline_flags_the_hazard_overdue_once_per_round()
    {
        var overdue = A.Hazard(A.Found(), A.Ordered()).When(new MarkHazardOverdue(A.HazardId, Actor.System), A.Eight.AddDays(8)).Single<HazardOverdue>();
        A.Hazard(A.Found(), A.Ordered(), overdue).When(new MarkHazardOverdue(A.HazardId, Actor.System), A.Eight.AddDays(9)).ThenNothing();
        A.Hazard(A.Found(), A.Ordered()).When(new MarkHazardOverdue(A.HazardId, Actor.System), A.Eight.AddDays(6)).ThenNothing();
    }

    [Fact]
    public void Only_a_major_hazard_is_escalated_first_to_the_security_fire_officer_then_higher()
    {
        A.Hazard(A.Found()).When(new EscalateHazard(A.HazardId, EscalationLevel.SecurityFireOfficer, "Plan", A.Officer), A.Eight).ThenRejected("only-major-hazards-escalate");
        A.Hazard(A.Found(major: true)).When(new EscalateHazard(A.HazardId, EscalationLevel.SuperiorAuthority, "Plan", A.Officer), A.Eight).ThenRejected("escalate-in-order");
        A.Hazard(A.Found(major: true)).When(new EscalateHazard(A.HazardId, EscalationLevel.SecurityFireOfficer, " ", A.Officer), A.Eight)
            .ThenRejected("solution-plan-required", RejectionKind.Invalid, "solutionPlan");
    }

    [Fact]
    public void A_hazard_the_authority_ordered_closes_only_after_its_written_reply()
    {
        object[] rectified = [A.Found(HazardSource.FireAuthority), A.Ordered(), new HazardRectified(1, "Fixed", "eng", A.Eight)];
        var passed = A.Hazard(rectified).When(new RecheckHazard(A.HazardId, true, "OK", null, A.Officer), A.Eight);
        Assert.Equal(HazardStatus.Rectified, passed.StateAfter.Status);
        var replied = A.Hazard([.. rectified, .. passed.Decision.Events]).When(new RecordAuthorityReply(A.HazardId, "复函-2026-07", A.Officer), A.Eight);
        Assert.Equal(HazardStatus.Closed, replied.StateAfter.Status);
    }

    [Fact]
    public void A_closed_hazard_takes_no_more_commands() =>
        A.Hazard(A.Found(), new HazardClosed(A.Eight)).When(new RecordInterimMeasure(A.HazardId, "Cones", A.Officer), A.Eight).ThenRejected("hazard-closed");
}
