using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.Messaging;

namespace Platform.Complaints.Integration;

/// <summary>
/// Feeds the outbox publisher: the complaint id comes from the stream the event was stored in. The compensation events
/// of F9 also need the unit and the claim, so for those alone the complaint is folded up to the event (<see cref="StateAtEvent"/>).
/// </summary>
public sealed class ComplaintsOutboxMapper(IEventStore store, EventTypeMap types, Decider<ComplaintState, IComplaintCommand> decider) : IIntegrationEventMapper
{
    private readonly ComplaintIntegrationEventMapper _mapper = new();

    public async ValueTask<IReadOnlyList<object>> MapAsync(object domainEvent, RecordedEvent recorded, CancellationToken ct)
    {
        if (!ComplaintIntegrationEventMapper.IsCompensationSettlement(domainEvent))
            return _mapper.Map(domainEvent, ComplaintsService.Streams.IdOf(recorded.StreamId)).ToList();

        var state = await StateAtEvent.FoldAsync(store, types, decider, recorded, ct);
        return _mapper.MapCompensation(domainEvent, state).ToList();
    }
}
