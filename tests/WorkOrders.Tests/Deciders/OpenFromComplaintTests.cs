using Platform.BuildingBlocks.EventSourcing;
using Platform.Contracts.Complaints;
using Platform.WorkOrders.Features;

namespace Platform.WorkOrders.Tests.Deciders;

public class OpenFromComplaintTests
{
    private static readonly DateTimeOffset TransferredAt = A.T0;

    private static ComplaintTransferredV1 Transferred(bool needsWork = true, string? description = "Water leaking from the ceiling") =>
        new(A.ComplaintId, new Contracts.Complaints.UnitAddress("estate-xx", "3", "2", "501"), "engineering", needsWork,
            "Water / Electricity", description, TransferredAt);

    private static OpenFromComplaint Open(ComplaintTransferredV1? message = null) => OpenFromComplaint.From(message ?? Transferred(), A.Policy)!;

    private static Guid ExpectedId => DeterministicId.Create("work-order-for-complaint", A.ComplaintId.ToString());

    [Fact]
    public void A_complaint_transferred_with_work_needed_opens_a_linked_order() =>
        Scenario.Given()
            .When(Open(), TransferredAt.AddSeconds(3))
            .Then(new WorkOrderLogged(ExpectedId, IntakeChannel.Complaint, WorkOrderType.Repair, A.Unit, null, null, A.ComplaintId,
                "Water leaking from the ceiling", "water-electricity", UrgencyClass.LeakSeepage, UrgencySource.Keywords, null, null, TransferredAt));

    [Fact]
    public void The_order_id_is_derived_from_the_complaint_id()
    {
        Assert.Equal(ExpectedId, Open().WorkOrderId);
        Assert.Equal(ExpectedId, OpenFromComplaint.WorkOrderIdFor(A.ComplaintId));
        Assert.NotEqual(ExpectedId, OpenFromComplaint.WorkOrderIdFor(Guid.NewGuid()));
    }

    [Fact]
    public void A_redelivered_complaint_changes_nothing()
    {
        var logged = Scenario.Given().When(Open(), TransferredAt.AddSeconds(3)).Single<WorkOrderLogged>();

        Scenario.Given(logged).When(Open(), TransferredAt.AddMinutes(5)).ThenNothing();
    }

    [Fact]
    public void A_complaint_that_needs_no_work_opens_no_order() =>
        Assert.Null(OpenFromComplaint.From(Transferred(needsWork: false), A.Policy));

    [Fact]
    public void Only_the_complaints_integration_opens_orders_from_complaints() =>
        Scenario.Given().When(Open() with { By = A.Agent }, TransferredAt).ThenRejected("role-not-allowed", RejectionKind.Forbidden);

    [Fact]
    public void Deadlines_run_from_the_transfer_not_from_when_the_message_arrived()
    {
        var urgent = Transferred(description: "People trapped in lift");

        var logged = Scenario.Given().When(Open(urgent), TransferredAt.AddHours(2)).Single<WorkOrderLogged>();

        Assert.Equal((TransferredAt, TransferredAt.AddMinutes(30)), (logged.LoggedAt, logged.HandleDueAt));
    }

    [Fact]
    public void Without_a_work_description_the_content_names_the_complaint_category()
    {
        var logged = Scenario.Given().When(Open(Transferred(description: null)), TransferredAt).Single<WorkOrderLogged>();

        Assert.Equal("Work needed for complaint (Water / Electricity)", logged.Content);
    }
}
