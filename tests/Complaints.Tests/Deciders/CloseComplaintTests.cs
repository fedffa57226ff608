using Platform.BuildingBlocks.EventSourcing;
using Platform.Complaints.Features;
using static Platform.Complaints.Tests.Sample;

namespace Platform.Complaints.Tests.Deciders;

public sealed class CloseComplaintTests
{
    private static readonly DateTimeOffset ClosedAt = ResolvedAt.AddDays(2);

    [Fact]
    public void S08_A_resolved_complaint_cannot_close_without_a_follow_up()
    {
        DeciderSpec.Given(Registered(), Resolved())
            .When(new CloseComplaint(Agent))
            .ThenRejected("close-needs-follow-up", RejectionKind.Conflict);

        DeciderSpec.Given(Registered(), Resolved(), FollowedUp(FollowUpOutcome.Satisfied))
            .When(new CloseComplaint(Agent), at: ClosedAt)
            .Then(new ComplaintClosed(Estate, ClosedAt));
    }

    [Fact]
    public void A_follow_up_before_the_latest_resolution_does_not_count_for_closing() =>
        DeciderSpec.Given(
                Registered(), Resolved(), FollowedUp(FollowUpOutcome.NotSatisfied),
                [new ComplaintReopened("not-satisfied", null, ResolvedAt, null)], Resolved())
            .When(new CloseComplaint(Agent))
            .ThenRejected("close-needs-follow-up", RejectionKind.Conflict);

    [Fact]
    public void Only_a_resolved_complaint_can_be_closed() =>
        DeciderSpec.Given(Registered(), Transferred())
            .When(new CloseComplaint(Agent))
            .ThenRejected("close-needs-resolution", RejectionKind.Conflict);

    [Fact]
    public void Closing_again_changes_nothing() =>
        DeciderSpec.Given(Registered(), Resolved(), FollowedUp(), Closed())
            .When(new CloseComplaint(Agent))
            .ThenNothing();

    public static TheoryData<IComplaintCommand> StaffCommands => new()
    {
        new ClassifyComplaint(Category.Noise, Severity.General, true, false, Sample.Agent),
        new TransferComplaint("security", false, null, Sample.Agent),
        new CommunicateProgress("hello", Sample.Agent),
        new AttachEvidence("photos/2.jpg", null, Sample.Agent),
        new EscalateComplaint(HandlingLevel.GeneralManager, "why", Sample.GeneralManager),
        new RaiseCompensationClaim(10m, "x", false, Sample.Agent),
        new ResolveComplaint("again", Sample.Agent),
        new RecordFollowUp(FollowUpOutcome.Satisfied, null, null, Sample.Agent),
    };

    [Theory]
    [MemberData(nameof(StaffCommands))]
    public void Actions_on_a_closed_complaint_are_conflicts(IComplaintCommand command) =>
        DeciderSpec.Given(Registered(), Resolved(), FollowedUp(), Closed())
            .When(command)
            .ThenRejected("complaint-closed", RejectionKind.Conflict);
}
