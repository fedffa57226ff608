using Platform.BuildingBlocks.EventSourcing;
using Platform.Complaints.Features;
using static Platform.Complaints.Tests.Sample;

namespace Platform.Complaints.Tests.Deciders;

public sealed class RecordReworkTests
{
    [Fact]
    public void Rework_on_a_complaint_resolved_by_its_work_order_reopens_it()
    {
        var reworkAt = ResolvedAt.AddHours(10);
        var outcome = DeciderSpec.Given(Registered(), WorkOrderLinked(), Resolved(WorkOrderId))
            .When(new RecordRework(WorkOrderId, "still dripping", SystemActor), at: reworkAt)
            .Then(
                new ComplaintReworkRecorded(WorkOrderId, "still dripping", reworkAt),
                new ComplaintReopened("rework", reworkAt.AddDays(3).ToUniversalTime(), reworkAt));
        Assert.Equal(ComplaintStatus.InProgress, outcome.State.Status);
        Assert.Equal(1, outcome.State.ReworkCount);
    }

    [Fact]
    public void Rework_on_a_complaint_in_progress_is_shown_without_reopening() =>
        DeciderSpec.Given(Registered(), Transferred(), WorkOrderLinked())
            .When(new RecordRework(WorkOrderId, null, SystemActor), at: Later)
            .Then(new ComplaintReworkRecorded(WorkOrderId, null, Later));

    [Fact]
    public void Rework_needs_a_linked_work_order() =>
        DeciderSpec.Given(Registered())
            .When(new RecordRework(WorkOrderId, null, SystemActor))
            .ThenRejected("work-order-not-linked", RejectionKind.Conflict);

    [Fact]
    public void After_rework_the_same_work_order_resolves_the_complaint_again() =>
        DeciderSpec.Given(
                Registered(), WorkOrderLinked(), Resolved(WorkOrderId),
                [new ComplaintReworkRecorded(WorkOrderId, null, ResolvedAt), new ComplaintReopened("rework", null, ResolvedAt)])
            .When(new ResolveByWorkOrder(WorkOrderId, "redone", SystemActor), at: ResolvedAt)
            .Then(new ComplaintResolved(Estate, "redone", WorkOrderId, ResolvedAt, FollowUpDueAt));
}
