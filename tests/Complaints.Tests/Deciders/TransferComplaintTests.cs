using Platform.BuildingBlocks.EventSourcing;
using Platform.Complaints.Features;
using static Platform.Complaints.Tests.Sample;

namespace Platform.Complaints.Tests.Deciders;

public sealed class TransferComplaintTests
{
    [Fact]
    public void Transferring_puts_the_complaint_in_progress_and_carries_the_unit_for_the_work_order()
    {
        var outcome = DeciderSpec.Given(Registered())
            .When(new TransferComplaint(" engineering ", true, "fix the ceiling leak", Agent), at: Later)
            .Then(new ComplaintTransferred(Estate, Unit, Category.HouseRepair, "engineering", true, "fix the ceiling leak", Later));
        Assert.Equal(ComplaintStatus.InProgress, outcome.State.Status);
    }

    [Fact]
    public void Transferring_work_needs_a_work_description() =>
        DeciderSpec.Given(Registered())
            .When(new TransferComplaint("engineering", true, " ", Agent))
            .ThenRejected("work-description-required", RejectionKind.Invalid);

    [Fact]
    public void Transferring_needs_a_department() =>
        DeciderSpec.Given(Registered())
            .When(new TransferComplaint("", false, null, Agent))
            .ThenRejected("transfer-department-required", RejectionKind.Invalid);

    [Fact]
    public void Transferring_again_to_the_same_department_changes_nothing() =>
        DeciderSpec.Given(Registered(), Transferred())
            .When(new TransferComplaint("engineering", true, "fix the ceiling leak", Agent))
            .ThenNothing();

    [Fact]
    public void A_resolved_complaint_cannot_be_transferred() =>
        DeciderSpec.Given(Registered(), Resolved())
            .When(new TransferComplaint("security", false, null, Agent))
            .ThenRejected("complaint-already-resolved", RejectionKind.Conflict);

    [Fact]
    public void Transferring_during_a_compensation_claim_keeps_the_complaint_waiting_for_it()
    {
        var outcome = DeciderSpec.Given(Registered(), ClaimRaised())
            .When(new TransferComplaint("engineering", false, null, Agent));
        Assert.Equal(ComplaintStatus.CompensationPending, outcome.State.Status);
    }
}
