using Platform.BuildingBlocks.EventSourcing;
using Platform.Complaints.Features;
using static Platform.Complaints.Tests.Sample;

namespace Platform.Complaints.Tests.Deciders;

public sealed class RejectCompensationTests
{
    [Fact]
    public void Rejecting_a_claim_puts_the_complaint_back_in_progress()
    {
        var outcome = DeciderSpec.Given(Registered(), ClaimRaised())
            .When(new RejectCompensation("not caused by the property", Supervisor), at: Later)
            .Then(new CompensationRejected(1, "not caused by the property", Later));
        Assert.Equal(ComplaintStatus.InProgress, outcome.State.Status);
        Assert.False(outcome.State.Claim!.IsOpen);
    }

    [Fact]
    public void Rejecting_a_claim_of_10000_yuan_or_more_needs_the_department_manager() =>
        DeciderSpec.Given(Registered(), ClaimRaised(10_000m))
            .When(new RejectCompensation("no", Supervisor))
            .ThenRejected("compensation-needs-department-manager", RejectionKind.Forbidden);

    [Fact]
    public void An_approved_claim_cannot_be_rejected() =>
        DeciderSpec.Given(Registered(), ClaimRaised(), PlanDrafted(), Approved())
            .When(new RejectCompensation("changed our mind", GeneralManager))
            .ThenRejected("compensation-already-approved", RejectionKind.Conflict);

    [Fact]
    public void Rejecting_needs_a_reason() =>
        DeciderSpec.Given(Registered(), ClaimRaised())
            .When(new RejectCompensation("", Supervisor))
            .ThenRejected("compensation-rejection-reason-required", RejectionKind.Invalid);
}
