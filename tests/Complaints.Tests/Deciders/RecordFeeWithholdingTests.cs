using Platform.BuildingBlocks.EventSourcing;
using Platform.Complaints.Features;
using static Platform.Complaints.Tests.Sample;

namespace Platform.Complaints.Tests.Deciders;

public sealed class RecordFeeWithholdingTests
{
    [Fact]
    public void A_complainant_withholding_fees_over_the_open_claim_is_recorded_for_Fees() =>
        DeciderSpec.Given(Registered(), ClaimRaised())
            .When(new RecordFeeWithholding(Agent), at: Later)
            .Then(new FeesWithheldOverClaim(1, Later));

    [Fact]
    public void Withholding_is_recorded_once_per_claim() =>
        DeciderSpec.Given(Registered(), ClaimRaised(), [new FeesWithheldOverClaim(1, Later)])
            .When(new RecordFeeWithholding(Agent), at: Later)
            .ThenNothing();

    [Fact]
    public void Fees_are_withheld_only_over_an_open_claim() =>
        DeciderSpec.Given(Registered())
            .When(new RecordFeeWithholding(Agent))
            .ThenRejected("compensation-claim-not-open", RejectionKind.Conflict);

    [Fact]
    public void A_settled_claim_leaves_nothing_to_withhold_fees_over() =>
        DeciderSpec.Given(Registered(), ClaimRaised(), PlanDrafted(), Approved(), LegallyConfirmed(), AgreementSigned())
            .When(new RecordFeeWithholding(Agent))
            .ThenRejected("compensation-already-settled", RejectionKind.Conflict);
}
