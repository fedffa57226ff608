using Platform.BuildingBlocks.EventSourcing;
using Platform.Complaints.Features;
using static Platform.Complaints.Tests.Sample;

namespace Platform.Complaints.Tests.Deciders;

public sealed class LinkWorkOrderTests
{
    [Fact]
    public void Linking_a_work_order_records_its_id()
    {
        var outcome = DeciderSpec.Given(Registered(), Transferred())
            .When(new LinkWorkOrder(WorkOrderId, SystemActor), at: Later)
            .Then(new ComplaintWorkOrderLinked(WorkOrderId, Later));
        Assert.Equal(WorkOrderId, outcome.State.WorkOrderId);
    }

    [Fact]
    public void Linking_the_same_work_order_twice_changes_nothing() =>
        DeciderSpec.Given(Registered(), Transferred(), WorkOrderLinked())
            .When(new LinkWorkOrder(WorkOrderId, SystemActor))
            .ThenNothing();

    [Fact]
    public void A_work_order_for_a_closed_complaint_changes_nothing() =>
        DeciderSpec.Given(Registered(), Resolved(), FollowedUp(), Closed())
            .When(new LinkWorkOrder(WorkOrderId, SystemActor))
            .ThenNothing();

    [Fact]
    public void Linking_needs_a_work_order_id() =>
        DeciderSpec.Given(Registered())
            .When(new LinkWorkOrder(Guid.Empty, SystemActor))
            .ThenRejected("work-order-id-required", RejectionKind.Invalid);

    [Fact]
    public void A_resident_cannot_link_a_work_order() =>
        DeciderSpec.Given(Registered())
            .When(new LinkWorkOrder(WorkOrderId, Resident))
            .ThenRejected("complaint-staff-only", RejectionKind.Forbidden);
}
