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
