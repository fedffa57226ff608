using Platform.BuildingBlocks.EventSourcing;
using Platform.Complaints.Features;
using static Platform.Complaints.Tests.Sample;

namespace Platform.Complaints.Tests.Deciders;

public sealed class MarkDeadlineMissedTests
{
    private static readonly MarkDeadlineMissed Watch = new(SystemActor);

    [Fact]
    public void S03_A_general_complaint_still_in_progress_is_overdue_after_3_days()
    {
        var day0 = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
        var registered = DeciderSpec.GivenNothing().When(Register(), at: day0).Decision.Events;
        var history = DeciderSpec.Given(registered, Transferred(), Replied());

        history.When(Watch, at: day0.AddDays(3)).ThenNothing();

        var justAfter = day0.AddDays(3).AddSeconds(1);
        history.When(Watch, at: justAfter)
            .Then(new ComplaintDeadlineMissed(Estate, DeadlineKind.Resolve, day0.AddDays(3).ToUniversalTime(), justAfter));
    }

    [Fact]
    public void A_reply_deadline_passed_without_a_reply_is_missed()
    {
        var at = ReplyDueAt.AddMinutes(1);
        DeciderSpec.Given(Registered()).When(Watch, at: at)
            .Then(new ComplaintDeadlineMissed(Estate, DeadlineKind.Reply, ReplyDueAt, at));
    }

    [Fact]
    public void A_reply_in_time_meets_the_reply_deadline() =>
        DeciderSpec.Given(Registered(), Replied()).When(Watch, at: ReplyDueAt.AddMinutes(1)).ThenNothing();

    [Fact]
    public void Marking_a_missed_deadline_again_changes_nothing()
    {
        var at = ReplyDueAt.AddMinutes(1);
        DeciderSpec.Given(Registered(), [new ComplaintDeadlineMissed(Estate, DeadlineKind.Reply, ReplyDueAt, at)])
            .When(Watch, at: at.AddHours(1))
            .ThenNothing();
    }

    [Fact]
    public void The_follow_up_deadline_is_missed_3_days_after_resolution_without_a_follow_up()
    {
        var at = FollowUpDueAt.AddMinutes(1);
        DeciderSpec.Given(Registered(), Resolved()).When(Watch, at: at)
            .Then(new ComplaintDeadlineMissed(Estate, DeadlineKind.FollowUp, FollowUpDueAt, at));
        DeciderSpec.Given(Registered(), Resolved(), FollowedUp()).When(Watch, at: at).ThenNothing();
    }

    [Fact]
    public void A_major_complaint_has_no_resolve_deadline_to_miss() =>
        DeciderSpec.Given(Registered(severity: Severity.Major), Replied()).When(Watch, at: ResolveDueAt.AddDays(30)).ThenNothing();

    [Fact]
    public void A_reopened_complaint_can_miss_its_new_resolve_deadline()
    {
        var reopenedAt = ResolvedAt.AddDays(1);
        var newDue = reopenedAt.AddDays(3).ToUniversalTime();
        var at = newDue.AddMinutes(1);
        DeciderSpec.Given(
                Registered(), Replied(), [new ComplaintDeadlineMissed(Estate, DeadlineKind.Resolve, ResolveDueAt, ResolveDueAt.AddMinutes(1))],
                Resolved(), FollowedUp(FollowUpOutcome.NotSatisfied), [new ComplaintReopened("not-satisfied", newDue, reopenedAt, null)])
            .When(Watch, at: at)
            .Then(new ComplaintDeadlineMissed(Estate, DeadlineKind.Resolve, newDue, at));
    }

    [Fact]
    public void A_closed_complaint_misses_no_deadlines() =>
        DeciderSpec.Given(Registered(), Resolved(), FollowedUp(), Closed()).When(Watch, at: ResolveDueAt.AddDays(30)).ThenNothing();

    [Fact]
    public void A_resident_cannot_run_the_deadline_watch() =>
        DeciderSpec.Given(Registered()).When(new MarkDeadlineMissed(Resident)).ThenRejected("complaint-staff-only", RejectionKind.Forbidden);
}
