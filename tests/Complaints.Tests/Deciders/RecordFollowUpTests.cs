using Platform.BuildingBlocks.EventSourcing;
using Platform.Complaints.Features;
using static Platform.Complaints.Tests.Sample;

namespace Platform.Complaints.Tests.Deciders;

public sealed class RecordFollowUpTests
{
    private static readonly DateTimeOffset CalledAt = ResolvedAt.AddDays(1);

    [Fact]
    public void A_satisfied_follow_up_is_recorded() =>
        DeciderSpec.Given(Registered(), Resolved())
            .When(new RecordFollowUp(FollowUpOutcome.Satisfied, "happy", null, Agent), at: CalledAt)
            .Then(new ComplaintFollowUpRecorded(1, FollowUpOutcome.Satisfied, "happy", null, CalledAt));

    [Fact]
    public void A_follow_up_that_is_not_satisfied_reopens_the_complaint()
    {
        var outcome = DeciderSpec.Given(Registered(), Resolved())
            .When(new RecordFollowUp(FollowUpOutcome.NotSatisfied, "still leaking", null, Agent), at: CalledAt)
            .Then(
                new ComplaintFollowUpRecorded(1, FollowUpOutcome.NotSatisfied, "still leaking", null, CalledAt),
                new ComplaintReopened("not-satisfied", CalledAt.AddDays(3).ToUniversalTime(), CalledAt, CalledAt.AddDays(6).ToUniversalTime()));
        Assert.Equal(ComplaintStatus.InProgress, outcome.State.Status);
        // The call-back is due at once, not only once the complaint is resolved again.
        Assert.Equal(CalledAt.AddDays(6).ToUniversalTime(), outcome.State.FollowUpDueAt);
    }

    [Fact]
    public void A_reopened_compensation_complaint_gets_no_new_resolve_deadline() =>
        DeciderSpec.Given(Registered(), ClaimRaised(), [new CompensationRejected(1, "not covered", Later)], Resolved())
            .When(new RecordFollowUp(FollowUpOutcome.NotSatisfied, null, null, Agent), at: CalledAt)
            .Then(
                new ComplaintFollowUpRecorded(1, FollowUpOutcome.NotSatisfied, null, null, CalledAt),
                new ComplaintReopened("not-satisfied", null, CalledAt, CalledAt.AddDays(3).ToUniversalTime()));

    [Fact]
    public void S10_A_new_demand_in_a_follow_up_opens_a_linked_case_and_the_original_can_still_close()
    {
        var expectedCase = Platform.BuildingBlocks.EventSourcing.DeterministicId.Create(ComplaintId.ToString(), "linked", "1");
        var outcome = DeciderSpec.Given(Registered(), Resolved())
            .When(new RecordFollowUp(FollowUpOutcome.NewDemand, "fine", "the lift is noisy", Agent), at: CalledAt)
            .Then(
                new ComplaintFollowUpRecorded(1, FollowUpOutcome.NewDemand, "fine", "the lift is noisy", CalledAt),
                new LinkedCaseOpened(expectedCase, 1, "the lift is noisy", CalledAt));

        DeciderSpec.Given(Registered(), Resolved(), outcome.Decision.Events)
            .When(new CloseComplaint(Agent), at: CalledAt)
            .Then(new ComplaintClosed(Estate, CalledAt));
    }

    [Fact]
    public void The_linked_case_gets_the_same_id_every_time_for_the_same_follow_up()
    {
        Assert.Equal(RecordFollowUp.LinkedCaseId(ComplaintId, 2), RecordFollowUp.LinkedCaseId(ComplaintId, 2));
        Assert.NotEqual(RecordFollowUp.LinkedCaseId(ComplaintId, 1), RecordFollowUp.LinkedCaseId(ComplaintId, 2));
    }

    [Fact]
    public void A_new_demand_needs_its_content() =>
        DeciderSpec.Given(Registered(), Resolved())
            .When(new RecordFollowUp(FollowUpOutcome.NewDemand, null, " ", Agent))
            .ThenRejected("new-demand-content-required", RejectionKind.Invalid);

    [Fact]
    public void A_follow_up_comes_after_the_complaint_is_resolved() =>
        DeciderSpec.Given(Registered(), Transferred())
            .When(new RecordFollowUp(FollowUpOutcome.Satisfied, null, null, Agent))
            .ThenRejected("follow-up-needs-resolution", RejectionKind.Conflict);

    [Fact]
    public void Follow_ups_are_numbered() =>
        DeciderSpec.Given(Registered(), Resolved(), FollowedUp())
            .When(new RecordFollowUp(FollowUpOutcome.Satisfied, null, null, Agent), at: CalledAt)
            .Then(new ComplaintFollowUpRecorded(2, FollowUpOutcome.Satisfied, null, null, CalledAt));
}
