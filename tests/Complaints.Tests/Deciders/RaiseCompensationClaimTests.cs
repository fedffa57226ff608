using Platform.BuildingBlocks.EventSourcing;
using Platform.Complaints.Features;
using static Platform.Complaints.Tests.Sample;

namespace Platform.Complaints.Tests.Deciders;

public sealed class RaiseCompensationClaimTests
{
    [Fact]
    public void Raising_a_claim_puts_the_complaint_in_compensation_pending_without_a_resolve_deadline()
    {
        var outcome = DeciderSpec.Given(Registered(), Transferred())
            .When(new RaiseCompensationClaim(12_000.50m, "ruined floor", false, Agent), at: Later)
            .Then(
                new CompensationClaimRaised(1, 12_000.50m, "ruined floor", false, Later),
                new ComplaintDeadlinesSet(ReplyDueAt, null));
        Assert.Equal(ComplaintStatus.CompensationPending, outcome.State.Status);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-10")]
    [InlineData("10.005")]
    public void A_claim_needs_an_amount_above_zero_in_yuan_and_fen(string amount) =>
        DeciderSpec.Given(Registered())
            .When(new RaiseCompensationClaim(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), "x", false, Agent))
            .ThenRejected("compensation-amount-invalid", RejectionKind.Invalid);

    [Fact]
    public void A_claim_needs_a_basis() =>
        DeciderSpec.Given(Registered())
            .When(new RaiseCompensationClaim(100m, " ", false, Agent))
            .ThenRejected("compensation-basis-required", RejectionKind.Invalid);

    [Fact]
    public void Only_one_claim_may_be_open_at_a_time() =>
        DeciderSpec.Given(Registered(), ClaimRaised())
            .When(new RaiseCompensationClaim(100m, "more", false, Agent))
            .ThenRejected("compensation-claim-already-open", RejectionKind.Conflict);

    [Fact]
    public void A_new_claim_after_a_rejected_one_gets_the_next_number() =>
        DeciderSpec.Given(Registered(), ClaimRaised(), [new CompensationRejected(1, "not covered", Later)])
            .When(new RaiseCompensationClaim(100m, "a smaller claim", false, Agent), at: Later)
            .Then(new CompensationClaimRaised(2, 100m, "a smaller claim", false, Later));

    [Fact]
    public void A_claim_on_an_engineering_quality_complaint_is_engineering_quality_compensation() =>
        DeciderSpec.Given(Registered(Category.EngineeringQuality))
            .When(new RaiseCompensationClaim(800m, "cracked walls", EngineeringQuality: false, Agent), at: Later)
            .Then(
                new CompensationClaimRaised(1, 800m, "cracked walls", true, Later),
                new ComplaintDeadlinesSet(ReplyDueAt, null));

    [Fact]
    public void A_resolved_complaint_takes_no_new_claim() =>
        DeciderSpec.Given(Registered(), Resolved())
            .When(new RaiseCompensationClaim(100m, "late", false, Agent))
            .ThenRejected("complaint-already-resolved", RejectionKind.Conflict);
}
