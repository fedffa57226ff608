using Platform.BuildingBlocks.EventSourcing;
using Platform.Complaints.Features;
using static Platform.Complaints.Tests.Sample;

namespace Platform.Complaints.Tests.Deciders;

public sealed class ResolveByWorkOrderTests
{
    [Fact]
    public void Completion_of_the_linked_work_order_resolves_the_complaint_by_work_order() =>
        DeciderSpec.Given(Registered(), Transferred(), WorkOrderLinked())
            .When(new ResolveByWorkOrder(WorkOrderId, "leak sealed", SystemActor), at: ResolvedAt)
            .Then(new ComplaintResolved(Estate, "leak sealed", WorkOrderId, ResolvedAt, FollowUpDueAt));

    [Fact]
    public void A_work_order_that_is_not_linked_cannot_resolve_the_complaint() =>
        DeciderSpec.Given(Registered(), Transferred())
            .When(new ResolveByWorkOrder(WorkOrderId, null, SystemActor))
            .ThenRejected("work-order-not-linked", RejectionKind.Conflict);

    [Fact]
    public void Resolving_by_the_same_work_order_twice_changes_nothing() =>
        DeciderSpec.Given(Registered(), Transferred(), WorkOrderLinked(), Resolved(WorkOrderId))
            .When(new ResolveByWorkOrder(WorkOrderId, null, SystemActor))
            .ThenNothing();

    [Fact]
    public void A_completed_work_order_after_closing_changes_nothing() =>
        DeciderSpec.Given(Registered(), WorkOrderLinked(), Resolved(), FollowedUp(), Closed())
            .When(new ResolveByWorkOrder(WorkOrderId, null, SystemActor))
            .ThenNothing();

    [Fact]
    public void Resolving_by_work_order_keeps_the_resolution_rules() =>
        DeciderSpec.Given(Registered(Category.EngineeringDesignDispute), WorkOrderLinked())
            .When(new ResolveByWorkOrder(WorkOrderId, null, SystemActor))
            .ThenRejected("complaint-photo-required", RejectionKind.Conflict);
}
