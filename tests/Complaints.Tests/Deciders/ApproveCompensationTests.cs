using Platform.BuildingBlocks.EventSourcing;
using Platform.Complaints.Features;
using static Platform.Complaints.Tests.Sample;

namespace Platform.Complaints.Tests.Deciders;

public sealed class ApproveCompensationTests
{
    [Fact]
    public void A_claim_below_10000_yuan_is_approved_by_a_complaint_supervisor() =>
        DeciderSpec.Given(Registered(), ClaimRaised(9_999.99m), PlanDrafted())
            .When(new ApproveCompensation(null, Supervisor), at: Later)
            .Then(new CompensationApproved(1, 9_999.99m, HandlingLevel.ComplaintSupervisor, Supervisor.Id, Later));

    [Fact]
    public void A_call_centre_agent_cannot_approve_compensation() =>
        DeciderSpec.Given(Registered(), ClaimRaised(100m), PlanDrafted())
            .When(new ApproveCompensation(null, Agent))
            .ThenRejected("compensation-needs-complaint-supervisor", RejectionKind.Forbidden);

    [Fact]
    public void A_claim_of_exactly_10000_yuan_needs_the_department_manager() =>
        DeciderSpec.Given(Registered(), ClaimRaised(10_000m), PlanDrafted())
            .When(new ApproveCompensation(null, Supervisor))
            .ThenRejected("compensation-needs-department-manager", RejectionKind.Forbidden);

    [Theory]
    [InlineData(Roles.DepartmentManager, HandlingLevel.DepartmentManager)]
    [InlineData(Roles.GeneralManager, HandlingLevel.GeneralManager)]
    public void A_claim_of_10000_yuan_or_more_is_approved_by_the_department_manager_or_above(string role, HandlingLevel level) =>
        DeciderSpec.Given(Registered(), ClaimRaised(25_000m), PlanDrafted())
            .When(new ApproveCompensation(20_000m, new Actor("manager", role)), at: Later)
            .Then(new CompensationApproved(1, 20_000m, level, "manager", Later));

    [Fact]
    public void S07_Engineering_quality_compensation_stays_pending_until_the_general_manager_signs()
    {
        var given = DeciderSpec.Given(Registered(Category.EngineeringQuality), ClaimRaised(3_000m, engineeringQuality: true), PlanDrafted());

        var managerOnly = given.When(new ApproveCompensation(null, DepartmentManager), at: Later)
            .Then(new CompensationSignOffRecorded(1, HandlingLevel.DepartmentManager, DepartmentManager.Id, Later));
        Assert.Equal(ComplaintStatus.CompensationPending, managerOnly.State.Status);
        Assert.False(managerOnly.State.Claim!.IsApproved);

        var afterSignOff = DeciderSpec.Given(
            Registered(Category.EngineeringQuality), ClaimRaised(3_000m, engineeringQuality: true), PlanDrafted(), managerOnly.Decision.Events);
        afterSignOff.When(new ApproveCompensation(null, DepartmentManager)).ThenNothing();
        afterSignOff.When(new ApproveCompensation(null, GeneralManager), at: Later)
            .Then(new CompensationApproved(1, 3_000m, HandlingLevel.GeneralManager, GeneralManager.Id, Later));
    }

    [Fact]
    public void Engineering_quality_compensation_needs_the_general_manager() =>
        DeciderSpec.Given(Registered(), ClaimRaised(500m, engineeringQuality: true), PlanDrafted())
            .When(new ApproveCompensation(null, Supervisor))
            .ThenRejected("compensation-needs-general-manager", RejectionKind.Forbidden);

    [Fact]
    public void Approval_needs_a_drafted_plan() =>
        DeciderSpec.Given(Registered(), ClaimRaised())
            .When(new ApproveCompensation(null, GeneralManager))
            .ThenRejected("compensation-needs-plan", RejectionKind.Conflict);

    [Fact]
    public void The_approved_amount_may_not_exceed_the_claim() =>
        DeciderSpec.Given(Registered(), ClaimRaised(5_000m), PlanDrafted())
            .When(new ApproveCompensation(5_000.01m, Supervisor))
            .ThenRejected("compensation-approved-amount-invalid", RejectionKind.Invalid);

    [Fact]
    public void Approving_again_changes_nothing() =>
        DeciderSpec.Given(Registered(), ClaimRaised(), PlanDrafted(), Approved())
            .When(new ApproveCompensation(null, GeneralManager))
            .ThenNothing();
}
