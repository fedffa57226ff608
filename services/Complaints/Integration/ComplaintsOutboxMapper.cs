using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.Messaging;

namespace Platform.Complaints.Integration;

/// <summary>Feeds the outbox publisher: the complaint id comes from the stream the event was stored in.</summary>
public sealed class ComplaintsOutboxMapper : IIntegrationEventMapper
{
    private readonly ComplaintIntegrationEventMapper _mapper = new();

    public ValueTask<IReadOnlyList<object>> MapAsync(object domainEvent, RecordedEvent recorded, CancellationToken ct) =>
        ValueTask.FromResult<IReadOnlyList<object>>(_mapper.Map(domainEvent, ComplaintsService.Streams.IdOf(recorded.StreamId)).ToList());
}
