using System.Runtime.CompilerServices;

namespace Platform.BuildingBlocks.EventStore;

/// <summary>
/// Puts every stream of a store under a namespace ("staging.", "t3f9….") so that several deployments, or
/// parallel test runs, can share one EventStoreDB cluster without seeing each other's streams. Services
/// see their usual stream names; only the store sees the prefix.
/// </summary>
public sealed class NamespacedEventStore(IEventStore inner, string @namespace) : IEventStore
{
    public string Namespace { get; } = !string.IsNullOrWhiteSpace(@namespace) && @namespace.EndsWith('.')
        ? @namespace
        : throw new ArgumentException("A store namespace is non-empty and ends with '.'.", nameof(@namespace));

    public Task<AppendResult> AppendAsync(string streamId, ExpectedRevision expected, IReadOnlyList<EventData> events, CancellationToken ct = default) =>
        AppendCoreAsync(streamId, expected, events, ct);

    private async Task<AppendResult> AppendCoreAsync(string streamId, ExpectedRevision expected, IReadOnlyList<EventData> events, CancellationToken ct)
    {
        try
        {
            return await inner.AppendAsync(Namespace + streamId, expected, events, ct);
        }
        catch (WrongExpectedRevisionException conflict)
        {
            throw new WrongExpectedRevisionException(streamId, conflict.Expected, conflict.ActualRevision);
        }
    }

    public async IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string streamId, long fromRevision = 0, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var recorded in inner.ReadStreamAsync(Namespace + streamId, fromRevision, ct))
            yield return Strip(recorded);
    }

    public async IAsyncEnumerable<RecordedEvent> ReadAllAsync(GlobalPosition? after, string streamPrefix, int maxCount, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var recorded in inner.ReadAllAsync(after, Namespace + streamPrefix, maxCount, ct))
            yield return Strip(recorded);
    }

    public async IAsyncEnumerable<SubscriptionMessage> SubscribeToAllAsync(GlobalPosition? after, string streamPrefix, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var message in inner.SubscribeToAllAsync(after, Namespace + streamPrefix, ct))
            yield return message is SubscriptionMessage.Event e ? new SubscriptionMessage.Event(Strip(e.Recorded)) : message;
    }

    public Task TruncateBeforeAsync(string streamId, long beforeRevision, CancellationToken ct = default) =>
        inner.TruncateBeforeAsync(Namespace + streamId, beforeRevision, ct);

    private RecordedEvent Strip(RecordedEvent recorded) => recorded with { StreamId = recorded.StreamId[Namespace.Length..] };
}
