using Platform.BuildingBlocks.EventSourcing;
using Platform.Complaints.Features;

namespace Platform.Complaints.Api;

/// <summary>Commands the service issues on its own behalf (the deadline watcher, integration-event consumers).</summary>
public sealed class ComplaintCommandsForSystem(CommandHandler<ComplaintState, IComplaintCommand> handler)
{
    public Task<CommandOutcome<ComplaintState>> MarkDeadlineMissedAsync(Guid complaintId, CancellationToken ct) =>
        handler.HandleAsync(
            ComplaintsService.StreamFor(complaintId),
            new MarkDeadlineMissed(Actor.System),
            new CommandEnvelope(Actor.System, CorrelationId: $"deadline-watcher:{complaintId}"),
            ct);
}
