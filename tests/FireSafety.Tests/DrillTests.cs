using Platform.BuildingBlocks.EventSourcing;
using Platform.FireSafety.Drills;
using Platform.FireSafety.Features;

namespace Platform.FireSafety.Tests;

public class DrillTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly Guid Id = Guid.Parse("0193c000-0000-7000-8000-0000000000f1");
    private static readonly DateTimeOffset At = new(2026, 6, 10, 15, 0, 0, TimeSpan.FromHours(8));
    private static readonly Actor Officer = new("officer-1", Roles.FireSafetyOfficer);
    private static readonly DrillPlanned Planned = new(Id, "estate-1", DrillKind.Evacuation, new DateOnly(2026, 6, 10), "Plan v3", Officer.Id, At);

    private static DeciderScenario<DrillState, IDrillCommand> Given(params object[] history) => new(new DrillDecider(), history);

    private static AdvanceDrill Step(DrillStep step, string? text = "x", string? revision = "Exit C added", int? participants = 40, int interval = 6) =>
        new(Id, step, text, revision, participants, interval, Shanghai, Officer);

    private static readonly object[] Conducted =
        [Planned, new DrillBriefed("Wardens per floor", Officer.Id, At), new DrillConducted(40, Officer.Id, At)];

    [Fact]
    public void A_drill_is_not_closed_without_its_debrief() =>
        Given(Conducted).When(Step(DrillStep.Close), At).ThenRejected("drill-not-debriefed");

    [Fact]
    public void A_drill_is_briefed_before_it_is_conducted() =>
        Given(Planned).When(Step(DrillStep.Conduct), At).ThenRejected("drill-step-out-of-order");

    [Fact]
    public void The_debrief_records_how_the_plan_was_revised() =>
        Given(Conducted).When(Step(DrillStep.Debrief, revision: null), At).ThenRejected("plan-revision-required", RejectionKind.Invalid, "planRevision");

    [Fact]
    public void Closing_sets_the_next_drill_due_half_a_year_after_it_by_default_or_by_the_estates_setting()
    {
        object[] debriefed = [.. Conducted, new DrillDebriefed("Good", "Exit C added", Officer.Id, At)];
        Assert.Equal(new DateOnly(2026, 12, 10), Given(debriefed).When(Step(DrillStep.Close), At).Single<DrillClosed>().NextDueBy);
        Assert.Equal(new DateOnly(2027, 6, 10), Given(debriefed).When(Step(DrillStep.Close, interval: 12), At).Single<DrillClosed>().NextDueBy);
    }

    [Fact]
    public void Drills_are_run_by_the_fire_officer() =>
        Given().When(new PlanDrill(Id, "estate-1", DrillKind.Evacuation, new DateOnly(2026, 6, 10), "Plan", new Actor("g", Roles.SecurityGuard)), At)
            .ThenRejected("drills-by-the-fire-officer", RejectionKind.Forbidden);
}

public class TrainingTests
{
    private static readonly DateTimeOffset At = new(2026, 6, 10, 15, 0, 0, TimeSpan.FromHours(8));
    private static readonly Actor Officer = new("officer-1", Roles.FireSafetyOfficer);

    private static RecordTraining NewStaff(params Training.ExamResult[] results) =>
        new(Guid.Parse("0193c000-0000-7000-8000-0000000000f2"), "estate-1", Training.TrainingAudience.NewStaff, "Extinguishers and evacuation",
            new DateOnly(2026, 6, 10), "Officer Liu", ["new-1", "new-2"], results, Officer);

    private static DeciderScenario<Training.TrainingState, Training.ITrainingCommand> Given() => new(new Training.TrainingDecider(), []);

    [Fact]
    public void New_staff_training_records_every_attendees_exam_before_they_take_up_the_post()
    {
        var refused = Given().When(NewStaff(new Training.ExamResult("new-1", true)), At).ThenRejected("exam-results-required", RejectionKind.Invalid, "examResults");
        Assert.Contains("new-2", refused.Detail);
        Given().When(NewStaff(new Training.ExamResult("new-1", true), new Training.ExamResult("new-2", false)), At).Single<Training.TrainingRecorded>();
    }

    [Fact]
    public void A_training_is_recorded_once_it_has_been_held() =>
        Given().When(NewStaff(new Training.ExamResult("new-1", true), new Training.ExamResult("new-2", true)) with { HeldOn = new DateOnly(2026, 6, 20) }, At)
            .ThenRejected("training-in-the-future", RejectionKind.Invalid, "heldOn");
}
