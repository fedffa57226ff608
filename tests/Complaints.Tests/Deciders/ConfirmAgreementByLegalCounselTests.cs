using Platform.BuildingBlocks.EventSourcing;
using Platform.Complaints.Features;
using static Platform.Complaints.Tests.Sample;

namespace Platform.Complaints.Tests.Deciders;

public sealed class ConfirmAgreementByLegalCounselTests
{
    [Fact]
    public void Legal_confirmation_is_entered_by_a_manager_naming_counsel() =>
        DeciderSpec.Given(Registered(), ClaimRaised(), PlanDrafted(), Approved())
            .When(new ConfirmAgreementByLegalCounsel("Counsel Li", DepartmentManager), at: Later)
            .Then(new CompensationLegalConfirmed(1, "Counsel Li", DepartmentManager.Id, Later));

    [Fact]
    public void A_complaint_supervisor_cannot_enter_legal_confirmation() =>
        DeciderSpec.Given(Registered(), ClaimRaised(), PlanDrafted(), Approved())
            .When(new ConfirmAgreementByLegalCounsel("Counsel Li", Supervisor))
            .ThenRejected("legal-confirmation-needs-department-manager", RejectionKind.Forbidden);

    [Fact]
    public void Legal_confirmation_needs_approved_compensation() =>
        DeciderSpec.Given(Registered(), ClaimRaised(), PlanDrafted())
            .When(new ConfirmAgreementByLegalCounsel("Counsel Li", GeneralManager))
            .ThenRejected("agreement-needs-approved-compensation", RejectionKind.Conflict);

    [Fact]
    public void Legal_confirmation_names_counsel() =>
        DeciderSpec.Given(Registered(), ClaimRaised(), PlanDrafted(), Approved())
            .When(new ConfirmAgreementByLegalCounsel(" ", GeneralManager))
            .ThenRejected("legal-counsel-name-required", RejectionKind.Invalid);

    [Fact]
    public void Confirming_again_changes_nothing() =>
        DeciderSpec.Given(Registered(), ClaimRaised(), PlanDrafted(), Approved(), LegallyConfirmed())
            .When(new ConfirmAgreementByLegalCounsel("Counsel Li", GeneralManager))
            .ThenNothing();
}
