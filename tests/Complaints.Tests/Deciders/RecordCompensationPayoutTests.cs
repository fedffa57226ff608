using Platform.BuildingBlocks.EventSourcing;
using Platform.Complaints.Features;
using static Platform.Complaints.Tests.Sample;

namespace Platform.Complaints.Tests.Deciders;

public sealed class RecordCompensationPayoutTests
{
    private static readonly object[][] ApprovedClaim = [Registered(), ClaimRaised(), PlanDrafted(), Approved()];

    [Fact]
    public void S06_No_payout_without_a_supplementary_agreement_confirmed_by_legal_counsel()
    {
        var payout = new RecordCompensationPayout(5_000m, "PAY-1", FinanceClerk);

        DeciderSpec.Given(ApprovedClaim).When(payout).ThenRejected("payout-needs-legal-agreement", RejectionKind.Conflict);
        DeciderSpec.Given([.. ApprovedClaim, LegallyConfirmed()]).When(payout)
            .ThenRejected("payout-needs-legal-agreement", RejectionKind.Conflict);
        // Signing checks counsel's confirmation too, but the payout rule must hold on any stored history.
        DeciderSpec.Given([.. ApprovedClaim, AgreementSigned()]).When(payout)
            .ThenRejected("payout-needs-legal-agreement", RejectionKind.Conflict);

        DeciderSpec.Given([.. ApprovedClaim, LegallyConfirmed(), AgreementSigned()])
            .When(payout, at: Later)
            .Then(new CompensationPayoutRecorded(1, 5_000m, "PAY-1", FullyPaid: true, Later));
    }

    [Fact]
    public void A_payout_needs_approved_compensation() =>
        DeciderSpec.Given(Registered(), ClaimRaised(), PlanDrafted())
            .When(new RecordCompensationPayout(100m, null, Supervisor))
            .ThenRejected("payout-needs-approval", RejectionKind.Conflict);

    [Fact]
    public void A_payout_may_not_exceed_the_approved_amount() =>
        DeciderSpec.Given([.. ApprovedClaim, LegallyConfirmed(), AgreementSigned()])
            .When(new RecordCompensationPayout(5_000.01m, null, Supervisor))
            .ThenRejected("payout-exceeds-approved-amount", RejectionKind.Conflict);

    [Fact]
    public void Payouts_may_come_in_parts_until_the_approved_amount_is_paid()
    {
        var signed = DeciderSpec.Given([.. ApprovedClaim, LegallyConfirmed(), AgreementSigned()]);
        var first = signed.When(new RecordCompensationPayout(2_000m, null, Supervisor), at: Later)
            .Then(new CompensationPayoutRecorded(1, 2_000m, null, FullyPaid: false, Later));
        Assert.True(first.State.Claim!.IsOpen);

        DeciderSpec.Given([.. ApprovedClaim, LegallyConfirmed(), AgreementSigned(), first.Decision.Events])
            .When(new RecordCompensationPayout(3_000m, null, Supervisor), at: Later)
            .Then(new CompensationPayoutRecorded(1, 3_000m, null, FullyPaid: true, Later));
    }

    [Fact]
    public void An_amount_beyond_the_money_ceiling_is_refused_even_after_a_partial_payout_instead_of_overflowing()
    {
        var partlyPaid = DeciderSpec.Given([.. ApprovedClaim, LegallyConfirmed(), AgreementSigned(),
            [new CompensationPayoutRecorded(1, 2_000m, null, FullyPaid: false, Later)]]);

        partlyPaid.When(new RecordCompensationPayout(decimal.MaxValue, null, Supervisor))
            .ThenRejected("payout-amount-invalid", RejectionKind.Invalid);
        partlyPaid.When(new RecordCompensationPayout(Money.MaxYuan + 0.01m, null, Supervisor))
            .ThenRejected("payout-amount-invalid", RejectionKind.Invalid);
    }

    [Fact]
    public void A_call_centre_agent_may_not_record_a_payout() =>
        DeciderSpec.Given([.. ApprovedClaim, LegallyConfirmed(), AgreementSigned()])
            .When(new RecordCompensationPayout(100m, null, Agent))
            .ThenRejected("payout-needs-complaint-supervisor-or-finance", RejectionKind.Forbidden);

    [Fact]
    public void A_payout_needs_an_amount_in_yuan_and_fen() =>
        DeciderSpec.Given([.. ApprovedClaim, LegallyConfirmed(), AgreementSigned()])
            .When(new RecordCompensationPayout(0m, null, FinanceClerk))
            .ThenRejected("payout-amount-invalid", RejectionKind.Invalid);
}
