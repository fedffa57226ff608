using Platform.BuildingBlocks.EventSourcing;
using Platform.Complaints.Features;
using static Platform.Complaints.Tests.Sample;

namespace Platform.Complaints.Tests.Deciders;

public sealed class SignSupplementaryAgreementTests
{
    [Fact]
    public void Signing_the_confirmed_agreement_puts_the_complaint_back_in_progress()
    {
        var outcome = DeciderSpec.Given(Registered(), ClaimRaised(), PlanDrafted(), Approved(), LegallyConfirmed())
            .When(new SignSupplementaryAgreement("ARCH-2026-017", Supervisor), at: Later)
            .Then(new SupplementaryAgreementSigned(1, "ARCH-2026-017", Later));
        Assert.Equal(ComplaintStatus.InProgress, outcome.State.Status);
    }

    [Fact]
    public void An_agreement_is_not_signed_before_legal_counsel_confirms_it() =>
        DeciderSpec.Given(Registered(), ClaimRaised(), PlanDrafted(), Approved())
            .When(new SignSupplementaryAgreement("ARCH-2026-017", GeneralManager))
            .ThenRejected("agreement-needs-legal-confirmation", RejectionKind.Conflict);

    [Fact]
    public void Signing_needs_the_archive_reference_of_the_agreement() =>
        DeciderSpec.Given(Registered(), ClaimRaised(), PlanDrafted(), Approved(), LegallyConfirmed())
            .When(new SignSupplementaryAgreement("", Supervisor))
            .ThenRejected("agreement-reference-required", RejectionKind.Invalid);

    [Fact]
    public void A_call_centre_agent_cannot_record_the_signed_agreement() =>
        DeciderSpec.Given(Registered(), ClaimRaised(), PlanDrafted(), Approved(), LegallyConfirmed())
            .When(new SignSupplementaryAgreement("ARCH-2026-017", Agent))
            .ThenRejected("agreement-signing-needs-complaint-supervisor", RejectionKind.Forbidden);
}
