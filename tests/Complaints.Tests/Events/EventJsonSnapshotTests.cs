using System.Text.Json;
using Platform.BuildingBlocks.EventSourcing;

namespace Platform.Complaints.Tests.Events;

/// <summary>
/// The stored JSON of every complaint event, exactly. If one of these fails, a stored shape changed: old events would
/// no longer read the same. Add a ".v2" event and an upcaster instead of editing a snapshot.
/// </summary>
public sealed class EventJsonSnapshotTests
{
    private static readonly EventTypeMap Types = new EventTypeMap().RegisterAssemblyOf<ComplaintState>();

    private static readonly Dictionary<string, string> Snapshots = new()
    {
        ["ComplaintRegistered.v1"] = """
            {"complaintId":"0193a000-0000-7000-8000-000000000001","estateId":"estate-xx","unit":{"building":"3","entrance":"2","room":"501"},"reporter":{"name":"Zhang","phone":"13800138000","kind":"tenant","residentId":"resident-7"},"channel":"call-centre-400","content":"water leaking","category":"engineering-design-dispute","severity":"major","linkedToComplaintId":"0193b000-0000-7000-8000-0000000000aa","sla":{"replyWithin":"1.00:00:00","resolveWithin":"3.00:00:00","followUpWithin":"3.00:00:00","timeZone":"Asia/Shanghai"},"registeredBy":"agent-1","registeredAt":"2026-03-02T15:10:00+00:00"}
            """,
        ["ComplaintDeadlinesSet.v1"] = """
            {"replyDueAt":"2026-03-03T15:10:00+00:00","resolveDueAt":"2026-03-05T15:10:00+00:00"}
            """,
        ["ComplaintClassified.v1"] = """
            {"category":"water-electricity","severity":"general","valid":true,"groupComplaint":false,"classifiedAt":"2026-03-02T15:10:00+00:00"}
            """,
        ["ComplaintTransferred.v1"] = """
            {"estateId":"estate-xx","unit":{"building":"3","entrance":null,"room":null},"category":"doors","department":"engineering","needsWork":true,"workDescription":"fix the door","transferredAt":"2026-03-02T15:10:00+00:00"}
            """,
        ["ComplaintProgressCommunicated.v1"] = """
            {"message":"on our way","isReply":true,"communicatedAt":"2026-03-02T15:10:00+00:00"}
            """,
        ["ComplaintEvidenceAttached.v1"] = """
            {"photoRef":"photos/1.jpg","caption":"site","attachedAt":"2026-03-02T15:10:00+00:00"}
            """,
        ["ComplaintEscalated.v1"] = """
            {"fromLevel":"call-centre-agent","toLevel":"department-manager","reason":"group complaint","escalatedBy":"supervisor-1","escalatedAt":"2026-03-02T15:10:00+00:00"}
            """,
        ["CompensationClaimRaised.v1"] = """
            {"claimNumber":1,"amount":10000.50,"basis":"ruined floor","engineeringQuality":true,"raisedAt":"2026-03-02T15:10:00+00:00"}
            """,
        ["CompensationPlanDrafted.v1"] = """
            {"claimNumber":1,"plan":"pay","technicalAppraisal":"slab leak","legalOpinion":"clause 8","draftedAt":"2026-03-02T15:10:00+00:00"}
            """,
        ["CompensationSignOffRecorded.v1"] = """
            {"claimNumber":1,"level":"department-manager","signedOffBy":"dm-1","signedOffAt":"2026-03-02T15:10:00+00:00"}
            """,
        ["CompensationApproved.v1"] = """
            {"claimNumber":1,"approvedAmount":9000,"approverRole":"general-manager","approvedBy":"gm-1","approvedAt":"2026-03-02T15:10:00+00:00"}
            """,
        ["CompensationRejected.v1"] = """
            {"claimNumber":1,"reason":"not covered","rejectedAt":"2026-03-02T15:10:00+00:00"}
            """,
        ["CompensationLegalConfirmed.v1"] = """
            {"claimNumber":1,"counselName":"Counsel Li","enteredBy":"dm-1","confirmedAt":"2026-03-02T15:10:00+00:00"}
            """,
        ["SupplementaryAgreementSigned.v1"] = """
            {"claimNumber":1,"agreementReference":"ARCH-17","signedAt":"2026-03-02T15:10:00+00:00"}
            """,
        ["FeesWithheldOverClaim.v1"] = """
            {"claimNumber":1,"withheldAt":"2026-03-02T15:10:00+00:00"}
            """,
        ["CompensationPayoutRecorded.v1"] = """
            {"claimNumber":1,"amount":9000,"paymentReference":"PAY-1","fullyPaid":true,"paidAt":"2026-03-02T15:10:00+00:00"}
            """,
        ["ComplaintWorkOrderLinked.v1"] = """
            {"workOrderId":"0193b000-0000-7000-8000-0000000000aa","linkedAt":"2026-03-02T15:10:00+00:00"}
            """,
        ["ComplaintResolved.v1"] = """
            {"estateId":"estate-xx","solution":"repaired","workOrderId":"0193b000-0000-7000-8000-0000000000aa","resolvedAt":"2026-03-02T15:10:00+00:00","followUpDueAt":"2026-03-05T15:10:00+00:00"}
            """,
        ["ComplaintReworkRecorded.v2"] = """
            {"workOrderId":"0193b000-0000-7000-8000-0000000000aa","notes":"still dripping","recordedAt":"2026-03-02T15:10:00+00:00","workOrderRevision":7}
            """,
        ["LinkedWorkOrderCompleted.v1"] = """
            {"workOrderId":"0193b000-0000-7000-8000-0000000000aa","workOrderRevision":9,"notedAt":"2026-03-02T15:10:00+00:00"}
            """,
        ["ComplaintFollowUpRecorded.v1"] = """
            {"followUpNumber":2,"outcome":"new-demand","notes":"ok","newDemandContent":"lift noise","recordedAt":"2026-03-02T15:10:00+00:00"}
            """,
        ["ComplaintReopened.v2"] = """
            {"reason":"not-satisfied","resolveDueAt":null,"reopenedAt":"2026-03-02T15:10:00+00:00","followUpDueAt":"2026-03-05T15:10:00+00:00"}
            """,
        ["LinkedCaseOpened.v1"] = """
            {"newComplaintId":"0193a000-0000-7000-8000-000000000001","followUpNumber":2,"content":"lift noise","openedAt":"2026-03-02T15:10:00+00:00"}
            """,
        ["ComplaintClosed.v1"] = """
            {"estateId":"estate-xx","closedAt":"2026-03-02T15:10:00+00:00"}
            """,
        ["ComplaintDeadlineMissed.v1"] = """
            {"estateId":"estate-xx","deadline":"follow-up","dueAt":"2026-03-02T15:10:00+00:00","detectedAt":"2026-03-02T15:11:00+00:00"}
            """,

    };

    public static TheoryData<string> EventNames => new(Snapshots.Keys);

    [Theory]
    [MemberData(nameof(EventNames))]
    public void Stored_json_of_each_event_does_not_change(string name)
    {
        var sample = EventSamples.All.Single(e => Types.NameOf(e.GetType()) == name);
        Assert.Equal(Snapshots[name].Trim(), JsonSerializer.Serialize(sample, sample.GetType(), PlatformJson.Options));
    }

    [Theory]
    [MemberData(nameof(EventNames))]
    public void Each_stored_event_reads_back_as_it_was_written(string name)
    {
        var sample = EventSamples.All.Single(e => Types.NameOf(e.GetType()) == name);
        var read = Types.Deserialize(name, System.Text.Encoding.UTF8.GetBytes(Snapshots[name].Trim()));
        Assert.Equal(
            JsonSerializer.Serialize(sample, sample.GetType(), PlatformJson.Options),
            JsonSerializer.Serialize(read, read.GetType(), PlatformJson.Options));
    }

    [Fact]
    public void A_stored_v1_rework_reads_as_v2_without_a_work_order_revision()
    {
        var v1 = """{"workOrderId":"0193b000-0000-7000-8000-0000000000aa","notes":"still dripping","recordedAt":"2026-03-02T15:10:00+00:00"}"""u8;

        var read = Assert.IsType<ComplaintReworkRecorded>(Types.Deserialize("ComplaintReworkRecorded.v1", v1));

        Assert.Equal("still dripping", read.Notes);
        Assert.Null(read.WorkOrderRevision);
    }

    [Fact]
    public void A_stored_v1_reopening_reads_as_v2_without_a_call_back_deadline()
    {
        var v1 = """{"reason":"not-satisfied","resolveDueAt":null,"reopenedAt":"2026-03-02T15:10:00+00:00"}"""u8;

        var read = Assert.IsType<ComplaintReopened>(Types.Deserialize("ComplaintReopened.v1", v1));

        Assert.Equal("not-satisfied", read.Reason);
        Assert.Null(read.FollowUpDueAt);
    }

    [Fact]
    public void Every_complaint_event_type_has_a_snapshot() =>
        Assert.Equal(Types.Names.Order(), Snapshots.Keys.Order());
}
