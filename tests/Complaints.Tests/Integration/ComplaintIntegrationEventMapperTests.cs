using System.Text.Json;
using Platform.Complaints.Integration;
using Platform.Contracts.Complaints;
using static Platform.Complaints.Tests.Sample;

namespace Platform.Complaints.Tests.Integration;

public sealed class ComplaintIntegrationEventMapperTests
{
    private readonly ComplaintIntegrationEventMapper _mapper = new();

    [Fact]
    public void A_registration_is_published_with_ids_and_facts_but_no_personal_data()
    {
        var published = Assert.Single(_mapper.Map(RegisteredEvent(severity: Severity.Major), ComplaintId));

        Assert.Equal(
            new ComplaintRegisteredV1(
                ComplaintId, new Contracts.Complaints.UnitAddress(Estate, "3号楼", "2单元", "501"), "complaint-line", "house-repair",
                "major", null, RegisteredAt),
            published);
        var json = JsonSerializer.Serialize(published);
        Assert.DoesNotContain(Zhang.Phone, json);
        Assert.DoesNotContain("leaking", json);
        Assert.DoesNotContain(JsonSerializer.Serialize(Zhang.Name).Trim('"'), json);
    }

    [Fact]
    public void A_transfer_is_published_with_the_unit_and_category_for_the_work_order() =>
        Assert.Equal(
            new ComplaintTransferredV1(
                ComplaintId, new Contracts.Complaints.UnitAddress(Estate, "3号楼", "2单元", "501"), "engineering", true, "house-repair",
                "fix the ceiling leak", Later),
            Assert.Single(_mapper.Map(Transferred()[0], ComplaintId)));

    [Fact]
    public void A_resolution_is_published_with_its_work_order_and_follow_up_deadline() =>
        Assert.Equal(
            new ComplaintResolvedV1(ComplaintId, Estate, WorkOrderId, ResolvedAt, FollowUpDueAt),
            Assert.Single(_mapper.Map(Resolved(WorkOrderId)[0], ComplaintId)));

    [Fact]
    public void Closing_is_published() =>
        Assert.Equal(
            new ComplaintClosedV1(ComplaintId, Estate, ResolvedAt.AddDays(2)),
            Assert.Single(_mapper.Map(Closed()[0], ComplaintId)));

    [Fact]
    public void A_missed_deadline_is_published_with_its_kind()
    {
        var detectedAt = ReplyDueAt.AddMinutes(1);
        Assert.Equal(
            new ComplaintDeadlineMissedV1(ComplaintId, Estate, "follow-up", ReplyDueAt, detectedAt),
            Assert.Single(_mapper.Map(new ComplaintDeadlineMissed(Estate, DeadlineKind.FollowUp, ReplyDueAt, detectedAt), ComplaintId)));
    }

    [Fact]
    public void Internal_events_are_not_published()
    {
        Assert.Empty(_mapper.Map(Replied()[0], ComplaintId));
        Assert.Empty(_mapper.Map(ClaimRaised()[0], ComplaintId));
        Assert.Empty(_mapper.Map(FollowedUp()[0], ComplaintId));
    }
}

public sealed class CompensationSettlementMapperTests
{
    private readonly ComplaintIntegrationEventMapper _mapper = new();
    private static readonly Contracts.Complaints.UnitAddress Address = new(Estate, "3号楼", "2单元", "501");

    private static ComplaintState StateAfter(params IEnumerable<object>[] history) =>
        new ComplaintDecider().Fold(history.SelectMany(e => e));

    [Fact]
    public void F9_fees_withheld_over_a_claim_are_published_with_the_unit_and_construction_defects_for_engineering_quality()
    {
        var state = StateAfter(Registered(), ClaimRaised(engineeringQuality: true), [new FeesWithheldOverClaim(1, Later)]);
        Assert.Equal(new FeesWithheldOverClaimV1(state.Id, 1, Address, "construction-defects", Later),
            Assert.Single(_mapper.MapCompensation(new FeesWithheldOverClaim(1, Later), state)));
    }

    [Fact]
    public void F9_the_signed_agreement_of_an_approved_claim_settles_it_with_the_approved_amount()
    {
        var state = StateAfter(Registered(), ClaimRaised(), PlanDrafted(), Approved(4_000m), LegallyConfirmed(), AgreementSigned());
        Assert.Equal(new CompensationSettledV1(state.Id, 1, Address, "approved", 4_000m, Later),
            Assert.Single(_mapper.MapCompensation(AgreementSigned()[0], state)));
    }

    [Fact]
    public void F9_a_rejected_claim_is_settled_too()
    {
        var rejected = new CompensationRejected(1, "not covered", Later);
        var state = StateAfter(Registered(), ClaimRaised(), [rejected]);
        Assert.Equal("rejected", Assert.IsType<CompensationSettledV1>(Assert.Single(_mapper.MapCompensation(rejected, state))).Outcome);
    }

    [Fact]
    public void Only_the_compensation_events_of_F9_need_the_complaints_state() =>
        Assert.Equal([false, true, true, true],
            new object[] { ClaimRaised()[0], new FeesWithheldOverClaim(1, Later), AgreementSigned()[0], new CompensationRejected(1, "x", Later) }
                .Select(ComplaintIntegrationEventMapper.IsCompensationSettlement));
}
