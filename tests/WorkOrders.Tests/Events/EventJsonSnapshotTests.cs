using System.Reflection;
using System.Text;
using Platform.BuildingBlocks.EventSourcing;

namespace Platform.WorkOrders.Tests.Events;

/// <summary>
/// The stored JSON of every event type, exactly. A failure here means stored events would no longer read back:
/// add a new version with an upcaster instead of changing a shape.
/// </summary>
public class EventJsonSnapshotTests
{
    private static readonly Guid OrderId = Guid.Parse("0193a000-0000-7000-8000-000000000001");
    private static readonly Guid ComplaintId = Guid.Parse("0193a000-0000-7000-8000-0000000000c1");
    private static readonly Guid OtherId = Guid.Parse("0193a000-0000-7000-8000-0000000000aa");
    private static readonly DateTimeOffset At = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset Later = new(2026, 3, 3, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly EventTypeMap Types = new EventTypeMap().RegisterAssemblyOf<WorkOrderDecider>();

    private static readonly (object Event, string Json)[] Snapshots =
    [
        (new WorkOrderLogged(OrderId, IntakeChannel.ReceptionWindow, WorkOrderType.Service, new UnitAddress("estate-xx", "3", "2", "501"),
            new Reporter("Zhang", "13800138000"), "resident-42", ComplaintId, "屋顶漏水", "roof", UrgencyClass.LeakSeepage,
            UrgencySource.Keywords, At.AddMinutes(30), Later, At),
         """{"workOrderId":"0193a000-0000-7000-8000-000000000001","channel":"receptionWindow","type":"service","unit":{"estateId":"estate-xx","building":"3","entrance":"2","room":"501"},"reporter":{"name":"Zhang","phone":"13800138000"},"residentId":"resident-42","complaintId":"0193a000-0000-7000-8000-0000000000c1","content":"\u5C4B\u9876\u6F0F\u6C34","category":"roof","urgency":"leakSeepage","urgencySource":"keywords","handleDueAt":"2026-03-02T10:30:00+08:00","repairDueAt":"2026-03-03T10:00:00+08:00","loggedAt":"2026-03-02T10:00:00+08:00"}"""),
        (new FireSafetyWorkLinked(OtherId, FireSafetyWorkKind.HazardRectification, ComplaintId, null),
         """{"requestId":"0193a000-0000-7000-8000-0000000000aa","kind":"hazardRectification","hazardId":"0193a000-0000-7000-8000-0000000000c1","equipmentId":null}"""),
        (new WorkOrderUrgencyReclassified(UrgencyClass.Other, UrgencyClass.SafetyFacility, null, Later, At),
         """{"from":"other","to":"safetyFacility","handleDueAt":null,"repairDueAt":"2026-03-03T10:00:00+08:00","reclassifiedAt":"2026-03-02T10:00:00+08:00"}"""),
        (new TechnicianDispatched("tech-7", Later, At),
         """{"technicianId":"tech-7","appointmentAt":"2026-03-03T10:00:00+08:00","dispatchedAt":"2026-03-02T10:00:00+08:00"}"""),
        (new TechnicianArrived("tech-7", At),
         """{"technicianId":"tech-7","arrivedAt":"2026-03-02T10:00:00+08:00"}"""),
        (new QuoteIssued(80.00m, "FS-2026-SERVICE-01", At),
         """{"amount":80.00,"feeStandardRef":"FS-2026-SERVICE-01","issuedAt":"2026-03-02T10:00:00+08:00"}"""),
        (new QuoteAccepted(80.5m, At),
         """{"amount":80.5,"acceptedAt":"2026-03-02T10:00:00+08:00"}"""),
        (new QuoteDeclined(80m, At),
         """{"amount":80,"declinedAt":"2026-03-02T10:00:00+08:00"}"""),
        (new WorkOrderCancelled(CancellationReason.QuoteDeclined, At),
         """{"reason":"quoteDeclined","cancelledAt":"2026-03-02T10:00:00+08:00"}"""),
        (new WorkStarted("tech-7", At),
         """{"technicianId":"tech-7","startedAt":"2026-03-02T10:00:00+08:00"}"""),
        (new MaterialsRequested(OtherId, "tech-7", [new MaterialLine("LOCK-IN-01", 1m, "pcs"), new MaterialLine("PIPE-PVC-20", 2.5m, "m")], At),
         """{"requestId":"0193a000-0000-7000-8000-0000000000aa","technicianId":"tech-7","lines":[{"itemCode":"LOCK-IN-01","quantity":1,"unit":"pcs"},{"itemCode":"PIPE-PVC-20","quantity":2.5,"unit":"m"}],"requestedAt":"2026-03-02T10:00:00+08:00"}"""),
        (new MaterialsIssued(OtherId, OtherId, [new MaterialUsed(OtherId, "LOCK-IN-01", 1m, "pcs", 80m)], At),
         """{"issueId":"0193a000-0000-7000-8000-0000000000aa","requisitionId":"0193a000-0000-7000-8000-0000000000aa","lines":[{"requisitionId":"0193a000-0000-7000-8000-0000000000aa","itemCode":"LOCK-IN-01","quantity":1,"unit":"pcs","unitCost":80}],"issuedAt":"2026-03-02T10:00:00+08:00"}"""),
        (new WorkCompleted("tech-7", "Zhang", 120.00m, false, At),
         """{"technicianId":"tech-7","signedOffBy":"Zhang","amount":120.00,"rework":false,"completedAt":"2026-03-02T10:00:00+08:00"}"""),
        (new WorkOrderHandedToBilling(120.00m, "CNY", "FS-2026-SERVICE-01", At),
         """{"amount":120.00,"currency":"CNY","feeStandardRef":"FS-2026-SERVICE-01","completedAt":"2026-03-02T10:00:00+08:00"}"""),
        (new FollowUpScheduled(2, FollowUpTrigger.AfterNextRain, null),
         """{"sequence":2,"trigger":"afterNextRain","dueAt":null}"""),
        (new FollowUpRecorded(2, FollowUpOutcome.ProblemFound, ReworkReason.PoorWorkmanship, At, Later),
         """{"sequence":2,"outcome":"problemFound","problem":"poorWorkmanship","rainedAt":"2026-03-02T10:00:00+08:00","recordedAt":"2026-03-03T10:00:00+08:00"}"""),
        (new ReworkOrdered(2, ReworkReason.NotFixed, At, At.AddHours(12)),
         """{"followUpSequence":2,"reason":"notFixed","orderedAt":"2026-03-02T10:00:00+08:00","noticeDueAt":"2026-03-02T22:00:00+08:00"}"""),
        (new ReworkNoticeIssued("tech-8", At),
         """{"technicianId":"tech-8","issuedAt":"2026-03-02T10:00:00+08:00"}"""),
        (new WorkOrderClosed(At),
         """{"closedAt":"2026-03-02T10:00:00+08:00"}"""),
        (new WorkOrderSlaBreached(SlaDeadline.RectificationReply, At, Later, null, OtherId),
         """{"deadline":"rectificationReply","dueAt":"2026-03-02T10:00:00+08:00","detectedAt":"2026-03-03T10:00:00+08:00","followUpSequence":null,"rectificationNoticeId":"0193a000-0000-7000-8000-0000000000aa"}"""),
        (new RectificationNoticeIssued(OtherId, "Contractor Huajian", "Re-seal the roof membrane", Later, At),
         """{"noticeId":"0193a000-0000-7000-8000-0000000000aa","responsibleUnit":"Contractor Huajian","subject":"Re-seal the roof membrane","replyDueAt":"2026-03-03T10:00:00+08:00","issuedAt":"2026-03-02T10:00:00+08:00"}"""),
        (new RectificationReplyRecorded(OtherId, "Will re-seal on Friday", At),
         """{"noticeId":"0193a000-0000-7000-8000-0000000000aa","summary":"Will re-seal on Friday","repliedAt":"2026-03-02T10:00:00+08:00"}"""),
    ];

    public static TheoryData<string> EventNames => new(Snapshots.Select(s => Types.NameOf(s.Event.GetType())));

    [Theory]
    [MemberData(nameof(EventNames))]
    public void The_stored_json_of_each_event_is_stable(string name)
    {
        var (@event, json) = Snapshots.Single(s => Types.NameOf(s.Event.GetType()) == name);

        Assert.Equal(json, Encoding.UTF8.GetString(Types.Serialize(@event)));
    }

    [Theory]
    [MemberData(nameof(EventNames))]
    public void The_stored_json_of_each_event_reads_back(string name)
    {
        var (_, json) = Snapshots.Single(s => Types.NameOf(s.Event.GetType()) == name);

        var read = Types.Deserialize(name, Encoding.UTF8.GetBytes(json));

        Assert.Equal(json, Encoding.UTF8.GetString(Types.Serialize(read)));
    }

    [Fact]
    public void Every_event_type_has_a_snapshot_and_a_versioned_name()
    {
        var eventTypes = typeof(WorkOrderDecider).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<EventTypeAttribute>() is not null)
            .ToList();

        Assert.Equal(eventTypes.Select(t => t.Name).Order(), Snapshots.Select(s => s.Event.GetType().Name).Order());
        Assert.All(eventTypes, t => Assert.Matches(@"^[A-Za-z]+\.v[0-9]+$", t.GetCustomAttribute<EventTypeAttribute>()!.Name));
    }

    [Fact]
    public void The_state_folds_every_event_type()
    {
        var decider = new WorkOrderDecider();
        var logged = Snapshots.Select(s => s.Event).OfType<WorkOrderLogged>().Single();

        // A fold must not throw for any stored type; the order here is not a realistic history.
        foreach (var (@event, _) in Snapshots.Where(s => s.Event is not (QuoteAccepted or ReworkNoticeIssued)))
            decider.Fold([logged, @event]);
        decider.Fold([logged, new QuoteIssued(80m, "FS", At), new QuoteAccepted(80m, At)]);
        decider.Fold([logged, new ReworkOrdered(1, ReworkReason.NotFixed, At, Later), new ReworkNoticeIssued("tech-7", At)]);
    }
}
