using System.Reflection;
using System.Text.Json;
using MassTransit;
using Platform.BuildingBlocks.EventSourcing;
using Platform.Contracts.WorkOrders;
using Platform.WorkOrders.Integration;
using Platform.WorkOrders.Tests.Deciders;

namespace Platform.WorkOrders.Tests.Integration;

public class WorkOrderIntegrationEventMapperTests
{
    private static readonly WorkOrderDecider Decider = new();
    private static readonly WorkOrderUnit Unit = new("estate-xx", "3", "2", "501");

    /// <summary>Maps the last event with the state folded up to and including it, as the publisher does.</summary>
    private static object? MapLast(params object[] history) =>
        WorkOrderIntegrationEventMapper.Map(history[^1], Decider.Fold(history));

    [Fact]
    public void A_logged_order_is_published_as_opened_with_its_complaint()
    {
        var logged = History.Logged(UrgencyClass.SafetyFacility, category: "access-control", complaintId: A.ComplaintId);

        Assert.Equal(
            new WorkOrderOpenedV1(A.OrderId, A.ComplaintId, Unit, "complaint", "repair", "safety-facility", "access-control", A.T0),
            MapLast(logged));
    }

    [Fact]
    public void An_order_not_from_a_complaint_has_no_complaint_id()
    {
        var opened = Assert.IsType<WorkOrderOpenedV1>(MapLast(History.Logged()));

        Assert.Null(opened.ComplaintId);
        Assert.Equal(("hotline", "other"), (opened.Channel, opened.Urgency));
    }

    [Fact]
    public void A_completion_carries_the_complaint_id_and_the_signed_amount()
    {
        object[] history =
        [
            History.Logged(type: WorkOrderType.Service, complaintId: A.ComplaintId),
            new TechnicianDispatched("tech-7", A.T0, A.T0),
            new WorkCompleted("tech-7", "Zhang", 80.00m, false, History.CompletedAt),
        ];

        Assert.Equal(new WorkOrderCompletedV1(A.OrderId, A.ComplaintId, "estate-xx", History.CompletedAt, 80.00m, false), MapLast(history));
    }

    [Fact]
    public void Rework_is_published_with_a_reason_code_and_the_notice_deadline()
    {
        var at = History.CompletedAt.AddDays(1);
        object[] history = [History.Logged(complaintId: A.ComplaintId), new ReworkOrdered(1, ReworkReason.PoorWorkmanship, at, at.AddHours(12))];

        Assert.Equal(
            new WorkOrderReworkOrderedV1(A.OrderId, A.ComplaintId, "estate-xx", "poor-workmanship", at, at.AddHours(12)),
            MapLast(history));
    }

    [Fact]
    public void Closing_and_cancelling_are_published()
    {
        var at = A.T0.AddDays(3);

        Assert.Equal(new WorkOrderClosedV1(A.OrderId, A.ComplaintId, "estate-xx", at), MapLast(History.Logged(complaintId: A.ComplaintId), new WorkOrderClosed(at)));
        Assert.Equal(
            new WorkOrderCancelledV1(A.OrderId, null, "estate-xx", "quote-declined", at),
            MapLast(History.Logged(), new WorkOrderCancelled(CancellationReason.QuoteDeclined, at)));
    }

    [Fact]
    public void A_breach_is_published_with_its_deadline_code_urgency_and_category()
    {
        var due = A.T0.AddHours(6);
        object[] history = [History.Logged(category: "gas-fault", handleDueAt: due), new WorkOrderSlaBreached(SlaDeadline.Handle, due, due.AddMinutes(1), null, null)];

        Assert.Equal(
            new WorkOrderSlaBreachedV1(A.OrderId, null, "estate-xx", "handle", "other", "gas-fault", due, due.AddMinutes(1)),
            MapLast(history));
        Assert.Equal(
            "rework-notice",
            Assert.IsType<WorkOrderSlaBreachedV1>(MapLast(History.Logged(), new WorkOrderSlaBreached(SlaDeadline.ReworkNotice, due, due, 1, null))).Deadline);
    }

    [Fact]
    public void Materials_are_published_line_by_line_for_Inventory()
    {
        var requestId = Guid.Parse("0193a000-0000-7000-8000-0000000000aa");
        object[] history = [History.Logged(), new MaterialsRequested(requestId, "tech-7", [new MaterialLine("LOCK-IN-01", 1m, "pcs")], A.T0)];

        var published = Assert.IsType<MaterialsRequestedV1>(MapLast(history));

        Assert.Equal((A.OrderId, requestId, "estate-xx", "tech-7", A.T0), (published.WorkOrderId, published.RequestId, published.EstateId, published.TechnicianId, published.RequestedAt));
        Assert.Equal([new MaterialLineV1("LOCK-IN-01", 1m, "pcs")], published.Lines);
    }

    [Fact]
    public void A_paid_completion_is_handed_to_Fees_in_CNY_with_the_unit()
    {
        object[] history = [History.Logged(type: WorkOrderType.Service), new WorkOrderHandedToBilling(120.00m, "CNY", "FS-2026-SERVICE-01", History.CompletedAt)];

        Assert.Equal(
            new WorkOrderBillingHandedOverV1(A.OrderId, "estate-xx", Unit, 120.00m, "CNY", "FS-2026-SERVICE-01", History.CompletedAt),
            MapLast(history));
    }

    [Theory]
    [MemberData(nameof(InternalEvents))]
    public void Internal_steps_are_not_published(object @event) =>
        Assert.Null(WorkOrderIntegrationEventMapper.Map(@event, Decider.Fold([History.Logged()])));

    public static TheoryData<object> InternalEvents => new(
        new TechnicianDispatched("tech-7", A.T0, A.T0),
        new TechnicianArrived("tech-7", A.T0),
        new QuoteIssued(80m, "FS", A.T0),
        new WorkStarted("tech-7", A.T0),
        new FollowUpScheduled(1, FollowUpTrigger.AfterCompletion, A.T0),
        new FollowUpRecorded(1, FollowUpOutcome.Satisfied, null, null, A.T0));

    [Fact]
    public void Integration_events_carry_no_personal_data()
    {
        var logged = History.Logged() with { Reporter = new Reporter("Zhang San", "13800138000"), Content = "Zhang's basin is blocked" };

        var json = JsonSerializer.Serialize(MapLast(logged), PlatformJson.Options);

        Assert.DoesNotContain("Zhang", json);
        Assert.DoesNotContain("13800138000", json);
    }

    [Fact]
    public void Every_contract_has_a_versioned_workorders_exchange_and_urn()
    {
        var contracts = typeof(WorkOrderOpenedV1).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(WorkOrderOpenedV1).Namespace && t.GetCustomAttribute<EntityNameAttribute>() is not null)
            .ToList();

        Assert.Equal(9, contracts.Count);
        Assert.All(contracts, t =>
        {
            var entity = t.GetCustomAttribute<EntityNameAttribute>()!.EntityName;
            Assert.Matches(@"^workorders\.[a-z-]+\.v[0-9]+$", entity);
            Assert.Equal($"urn:message:{entity}", t.GetCustomAttribute<MessageUrnAttribute>()!.Urn.ToString());
        });
    }
}
