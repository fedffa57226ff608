using MassTransit;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Messaging;
using Platform.Complaints.Features;
using Platform.Contracts.WorkOrders;

namespace Platform.Complaints.Integration;

/// <summary>
/// Issues the commands the Work orders service's events ask of a complaint, each idempotent by the message id
/// (<see cref="CommandEnvelope.FromMessage"/>). A refusal is not transient: it throws and parks in the error queue at once,
/// for an operator.
/// </summary>
public sealed class WorkOrderCommandsForComplaints(CommandHandler<ComplaintState, IComplaintCommand> handler)
{
    public Task<CommandOutcome<ComplaintState>> HandleAsync(Guid complaintId, IComplaintCommand command, CommandEnvelope envelope, CancellationToken ct) =>
        handler.HandleAsync(ComplaintsService.StreamFor(complaintId), command, envelope, ct);

    /// <summary>
    /// Events travel on separate queues, so a completion or rework can overtake the order's "opened": link first. Linking
    /// is a no-op when already linked; it carries no idempotency key, so the message's key stays for the command itself.
    /// </summary>
    public async Task EnsureLinkedAsync(Guid complaintId, Guid workOrderId, CommandEnvelope envelope, CancellationToken ct) =>
        (await HandleAsync(complaintId, new LinkWorkOrder(workOrderId, Actor.System), envelope with { IdempotencyKey = null }, ct))
            .ThrowIfRejected($"Linking work order {workOrderId} to complaint {complaintId}");
}

/// <summary>A work order opened from a complaint: the complaint learns its id (<see cref="LinkWorkOrder"/>).</summary>
public sealed class WorkOrderOpenedConsumer(WorkOrderCommandsForComplaints commands) : IConsumer<WorkOrderOpenedV1>
{
    public async Task Consume(ConsumeContext<WorkOrderOpenedV1> context)
    {
        if (context.Message.ComplaintId is not { } complaintId) return;
        (await commands.HandleAsync(complaintId, new LinkWorkOrder(context.Message.WorkOrderId, Actor.System),
                CommandEnvelope.FromMessage(context), context.CancellationToken))
            .ThrowIfRejected($"Linking work order {context.Message.WorkOrderId} to complaint {complaintId}");
    }
}

/// <summary>The linked work order was completed: the complaint is resolved by it and its follow-up deadline starts.</summary>
public sealed class WorkOrderCompletedConsumer(WorkOrderCommandsForComplaints commands) : IConsumer<WorkOrderCompletedV1>
{
    public async Task Consume(ConsumeContext<WorkOrderCompletedV1> context)
    {
        if (context.Message.ComplaintId is not { } complaintId) return;
        var envelope = CommandEnvelope.FromMessage(context);
        await commands.EnsureLinkedAsync(complaintId, context.Message.WorkOrderId, envelope, context.CancellationToken);
        (await commands.HandleAsync(complaintId, new ResolveByWorkOrder(context.Message.WorkOrderId, Summary: null, Actor.System, context.Message.Revision),
                envelope, context.CancellationToken))
            .ThrowIfRejected($"Resolving complaint {complaintId} by work order {context.Message.WorkOrderId}");
    }
}

/// <summary>A follow-up of the linked work order found a problem: the complaint shows the rework (and reopens if resolved).</summary>
public sealed class WorkOrderReworkOrderedConsumer(WorkOrderCommandsForComplaints commands) : IConsumer<WorkOrderReworkOrderedV1>
{
    public async Task Consume(ConsumeContext<WorkOrderReworkOrderedV1> context)
    {
        if (context.Message.ComplaintId is not { } complaintId) return;
        var envelope = CommandEnvelope.FromMessage(context);
        await commands.EnsureLinkedAsync(complaintId, context.Message.WorkOrderId, envelope, context.CancellationToken);
        (await commands.HandleAsync(complaintId, new RecordRework(context.Message.WorkOrderId, $"Follow-up found: {context.Message.Reason}", Actor.System, context.Message.Revision),
                envelope, context.CancellationToken))
            .ThrowIfRejected($"Recording rework of work order {context.Message.WorkOrderId} on complaint {complaintId}");
    }
}
