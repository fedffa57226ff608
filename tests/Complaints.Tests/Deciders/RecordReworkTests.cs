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
                new ComplaintReworkRecorded(WorkOrderId, "still dripping", reworkAt, null),
                new ComplaintReopened("rework", reworkAt.AddDays(3).ToUniversalTime(), reworkAt, null));
        Assert.Equal(ComplaintStatus.InProgress, outcome.State.Status);
        Assert.Equal(1, outcome.State.ReworkCount);
    }

    [Fact]
    public void Rework_on_a_complaint_in_progress_is_shown_without_reopening() =>
        DeciderSpec.Given(Registered(), Transferred(), WorkOrderLinked())
            .When(new RecordRework(WorkOrderId, null, SystemActor), at: Later)
            .Then(new ComplaintReworkRecorded(WorkOrderId, null, Later, null));

    [Fact]
    public void A_rework_completion_that_overtook_its_rework_order_leaves_the_complaint_resolved()
    {
        // At the work order: completed (revision 5), rework ordered (8), rework completed (12). The two last travel on
        // different queues; here the completion of the rework arrives first.
        var reworkDone = DeciderSpec.Given(Registered(), WorkOrderLinked(), Resolved(WorkOrderId))
            .When(new ResolveByWorkOrder(WorkOrderId, null, SystemActor, WorkOrderRevision: 12), at: Later)
            .Then(new LinkedWorkOrderCompleted(WorkOrderId, 12, Later));

        var lateRework = DeciderSpec.Given(Registered(), WorkOrderLinked(), Resolved(WorkOrderId), reworkDone.Decision.Events)
            .When(new RecordRework(WorkOrderId, "not fixed", SystemActor, WorkOrderRevision: 8), at: Later)
            .Then(new ComplaintReworkRecorded(WorkOrderId, "not fixed", Later, 8));

        Assert.Equal(ComplaintStatus.Resolved, lateRework.State.Status);
        Assert.Equal(1, lateRework.State.ReworkCount);
    }

    [Fact]
    public void A_rework_order_in_the_usual_order_reopens_and_its_completion_resolves_again()
    {
        var rework = DeciderSpec.Given(Registered(), WorkOrderLinked(), Resolved(WorkOrderId))
            .When(new RecordRework(WorkOrderId, null, SystemActor, WorkOrderRevision: 8), at: Later);
        Assert.Equal(ComplaintStatus.InProgress, rework.State.Status);

        DeciderSpec.Given(Registered(), WorkOrderLinked(), Resolved(WorkOrderId), rework.Decision.Events)
            .When(new ResolveByWorkOrder(WorkOrderId, "redone", SystemActor, WorkOrderRevision: 12), at: ResolvedAt)
            .Then(new LinkedWorkOrderCompleted(WorkOrderId, 12, ResolvedAt), new ComplaintResolved(Estate, "redone", WorkOrderId, ResolvedAt, FollowUpDueAt));
    }

    [Fact]
    public void A_completion_older_than_a_rework_already_handled_resolves_nothing()
    {
        var reopened = DeciderSpec.Given(Registered(), WorkOrderLinked(), Resolved(WorkOrderId))
            .When(new RecordRework(WorkOrderId, null, SystemActor, WorkOrderRevision: 8), at: Later);

        DeciderSpec.Given(Registered(), WorkOrderLinked(), Resolved(WorkOrderId), reopened.Decision.Events)
            .When(new ResolveByWorkOrder(WorkOrderId, null, SystemActor, WorkOrderRevision: 5), at: Later)
            .ThenNothing();
    }

    [Fact]
    public void Rework_needs_a_linked_work_order() =>
        DeciderSpec.Given(Registered())
            .When(new RecordRework(WorkOrderId, null, SystemActor))
            .ThenRejected("work-order-not-linked", RejectionKind.Conflict);

    [Fact]
    public void After_rework_the_same_work_order_resolves_the_complaint_again() =>
        DeciderSpec.Given(
                Registered(), WorkOrderLinked(), Resolved(WorkOrderId),
                [new ComplaintReworkRecorded(WorkOrderId, null, ResolvedAt, null), new ComplaintReopened("rework", null, ResolvedAt, null)])
            .When(new ResolveByWorkOrder(WorkOrderId, "redone", SystemActor), at: ResolvedAt)
            .Then(new ComplaintResolved(Estate, "redone", WorkOrderId, ResolvedAt, FollowUpDueAt));
}
