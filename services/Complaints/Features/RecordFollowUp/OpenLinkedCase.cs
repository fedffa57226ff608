using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.Messaging;
using Platform.Complaints.Api;

namespace Platform.Complaints.Features;

/// <summary>
/// A follow-up's new demand becomes its own case, linked to the original (000:492): registered from the stored
/// <see cref="LinkedCaseOpened"/>, never as a second write of the follow-up's request, so a crash between the two
/// cannot lose it. Its id comes from the original and the follow-up number, and the command is idempotent by the
/// event's id, so running again after a crash or a hand-over registers nothing twice.
/// </summary>
public sealed class OpenLinkedCase(CommandHandler<ComplaintState, IComplaintCommand> handler, EstatePolicies policies) : IEventReaction
{
    public async Task ReactAsync(object domainEvent, RecordedEvent recorded, CancellationToken ct)
    {
        if (domainEvent is not LinkedCaseOpened opened) return;
        var original = (await handler.LoadAsync(recorded.StreamId, ct)).State;
        var envelope = EventReactions.EnvelopeFor(recorded);
        var register = new RegisterComplaint(
            opened.NewComplaintId, original.EstateId, original.Unit, original.Reporter!, original.Channel, opened.Content,
            original.Category, Severity: null, policies.For(original.EstateId), envelope.Actor, LinkedToComplaintId: original.Id);
        (await handler.HandleAsync(ComplaintsService.StreamFor(opened.NewComplaintId), register, envelope, ct))
            .ThrowIfRejected($"Registering the case linked to complaint {original.Id}");
    }
}
