using Platform.BuildingBlocks.EventSourcing;
using Platform.Complaints.Features;
using static Platform.Complaints.Tests.Sample;

namespace Platform.Complaints.Tests.Deciders;

public sealed class ResolveComplaintTests
{
    [Fact]
    public void Resolving_sets_the_follow_up_deadline_3_days_later()
    {
        var outcome = DeciderSpec.Given(Registered(), Transferred())
            .When(new ResolveComplaint("ceiling repaired", Agent), at: ResolvedAt)
            .Then(new ComplaintResolved(Estate, "ceiling repaired", null, ResolvedAt, ResolvedAt.AddDays(3).ToUniversalTime()));
        Assert.Equal(ComplaintStatus.Resolved, outcome.State.Status);
    }

    [Fact]
    public void S04_Resolving_an_engineering_dispute_requires_an_on_site_photo()
    {
        var dispute = new object[][] { Registered(Category.EngineeringDesignDispute), Transferred() };
        var resolve = new ResolveComplaint("drain pipe rerouted", Agent);

        DeciderSpec.Given(dispute).When(resolve).ThenRejected("complaint-photo-required", RejectionKind.Conflict);

        DeciderSpec.Given([.. dispute, [new ComplaintEvidenceAttached("photos/site-1.jpg", "on site", Later)]])
            .When(resolve, at: ResolvedAt)
            .Then(new ComplaintResolved(Estate, "drain pipe rerouted", null, ResolvedAt, FollowUpDueAt));
    }

    [Fact]
    public void An_open_compensation_claim_blocks_resolving() =>
        DeciderSpec.Given(Registered(), ClaimRaised(), PlanDrafted(), Approved(), LegallyConfirmed(), AgreementSigned())
            .When(new ResolveComplaint("paid", Supervisor))
            .ThenRejected("complaint-compensation-open", RejectionKind.Conflict);

    [Fact]
    public void A_paid_claim_no_longer_blocks_resolving() =>
        DeciderSpec.Given(Registered(), ClaimRaised(), PlanDrafted(), Approved(), LegallyConfirmed(), AgreementSigned(), PaidOut())
            .When(new ResolveComplaint("paid", Supervisor), at: ResolvedAt)
            .Then(new ComplaintResolved(Estate, "paid", null, ResolvedAt, FollowUpDueAt));

    [Fact]
    public void A_rejected_claim_no_longer_blocks_resolving() =>
        DeciderSpec.Given(Registered(), ClaimRaised(), [new CompensationRejected(1, "not covered", Later)])
            .When(new ResolveComplaint("explained", Supervisor), at: ResolvedAt)
            .Then(new ComplaintResolved(Estate, "explained", null, ResolvedAt, FollowUpDueAt));

    [Fact]
    public void A_major_complaint_must_reach_the_department_manager_before_it_is_resolved()
    {
        var major = new object[][] { Registered(severity: Severity.Major) };
        DeciderSpec.Given(major).When(new ResolveComplaint("done", GeneralManager))
            .ThenRejected("complaint-needs-department-manager", RejectionKind.Conflict);
        DeciderSpec.Given([.. major, EscalatedTo(HandlingLevel.ComplaintSupervisor)]).When(new ResolveComplaint("done", GeneralManager))
            .ThenRejected("complaint-needs-department-manager", RejectionKind.Conflict);

        Assert.Null(DeciderSpec.Given([.. major, EscalatedTo(HandlingLevel.DepartmentManager)])
            .When(new ResolveComplaint("done", DepartmentManager)).Decision.Rejection);
    }

    [Fact]
    public void A_group_complaint_must_reach_the_department_manager_before_it_is_resolved()
    {
        DeciderSpec.Given(Registered(), Classified(group: true))
            .When(new ResolveComplaint("done", Agent))
            .ThenRejected("complaint-needs-department-manager", RejectionKind.Conflict);
        Assert.Null(DeciderSpec.Given(Registered(), Classified(group: true), EscalatedTo(HandlingLevel.GeneralManager))
            .When(new ResolveComplaint("done", Agent)).Decision.Rejection);
    }

    [Fact]
    public void Resolving_needs_a_solution() =>
        DeciderSpec.Given(Registered())
            .When(new ResolveComplaint("", Agent))
            .ThenRejected("complaint-solution-required", RejectionKind.Invalid);

    [Fact]
    public void Resolving_again_with_the_same_solution_changes_nothing() =>
        DeciderSpec.Given(Registered(), Resolved())
            .When(new ResolveComplaint("ceiling repaired", Agent))
            .ThenNothing();

    [Fact]
    public void Resolving_a_resolved_complaint_differently_is_a_conflict() =>
        DeciderSpec.Given(Registered(), Resolved())
            .When(new ResolveComplaint("something else", Agent))
            .ThenRejected("complaint-already-resolved", RejectionKind.Conflict);
}
