using Platform.BuildingBlocks.EventSourcing;
using Platform.Complaints.Features;
using static Platform.Complaints.Tests.Sample;

namespace Platform.Complaints.Tests.Deciders;

public sealed class DraftCompensationPlanTests
{
    [Fact]
    public void Drafting_a_plan_records_the_technical_appraisal_and_legal_opinion() =>
        DeciderSpec.Given(Registered(), ClaimRaised())
            .When(new DraftCompensationPlan("pay for the floor", "slab leak", "contract clause 8", Agent), at: Later)
            .Then(new CompensationPlanDrafted(1, "pay for the floor", "slab leak", "contract clause 8", Later));

    [Fact]
    public void An_engineering_quality_plan_needs_a_technical_appraisal() =>
        DeciderSpec.Given(Registered(), ClaimRaised(engineeringQuality: true))
            .When(new DraftCompensationPlan("repair and pay", null, "clause 8", Agent))
            .ThenRejected("compensation-plan-needs-technical-appraisal", RejectionKind.Invalid);

    [Fact]
    public void An_engineering_quality_plan_needs_legal_counsels_opinion() =>
        DeciderSpec.Given(Registered(), ClaimRaised(engineeringQuality: true))
            .When(new DraftCompensationPlan("repair and pay", "slab leak", " ", Agent))
            .ThenRejected("compensation-plan-needs-legal-opinion", RejectionKind.Invalid);

    [Fact]
    public void A_plan_needs_an_open_claim() =>
        DeciderSpec.Given(Registered())
            .When(new DraftCompensationPlan("pay", null, null, Agent))
            .ThenRejected("compensation-claim-not-open", RejectionKind.Conflict);

    [Fact]
    public void The_plan_cannot_change_after_approval() =>
        DeciderSpec.Given(Registered(), ClaimRaised(), PlanDrafted(), Approved())
            .When(new DraftCompensationPlan("pay more", null, null, Agent))
            .ThenRejected("compensation-already-approved", RejectionKind.Conflict);
}
