namespace Platform.BuildingBlocks.EventSourcing;

/// <summary>How a refusal surfaces: the HTTP layer maps each kind to a status code.</summary>
public enum RejectionKind
{
    /// <summary>The input itself is wrong (422).</summary>
    Invalid,
    /// <summary>The actor's role may not do this (403).</summary>
    Forbidden,
    /// <summary>The aggregate's state does not allow it now (409).</summary>
    Conflict,
    /// <summary>The aggregate does not exist (404).</summary>
    NotFound,
}

/// <summary>A business rule said no. <paramref name="Code"/> is stable and becomes the problem type.</summary>
public sealed record Rejection(string Code, string Detail, RejectionKind Kind = RejectionKind.Conflict, string? Field = null)
{
    public static Rejection Invalid(string code, string field, string detail) => new(code, detail, RejectionKind.Invalid, field);
    public static Rejection Forbidden(string code, string detail) => new(code, detail, RejectionKind.Forbidden);
    public static Rejection Conflict(string code, string detail) => new(code, detail);
    public static Rejection NotFound(string code, string detail) => new(code, detail, RejectionKind.NotFound);
}

/// <summary>What a decider answers: events to append (possibly none: the command is a no-op), or a rejection.</summary>
public sealed class Decision
{
    private Decision(IReadOnlyList<object> events, Rejection? rejection)
    {
        Events = events;
        Rejection = rejection;
    }

    public IReadOnlyList<object> Events { get; }
    public Rejection? Rejection { get; }
    public bool IsRejected => Rejection is not null;

    public static Decision Accept(params object[] events) => new(events, null);
    public static Decision Accept(IEnumerable<object> events) => new(events.ToArray(), null);
    public static Decision NoChange { get; } = new([], null);
    public static Decision Reject(Rejection rejection) => new([], rejection);

    public static implicit operator Decision(Rejection rejection) => Reject(rejection);
}

/// <summary>
/// An aggregate's rules: state is a fold of its events, and deciding is pure,
/// <c>(command, state, now) -> events | rejection</c>.
/// </summary>
public abstract class Decider<TState, TCommand>
{
    public abstract TState Initial { get; }
    public abstract TState Evolve(TState state, object @event);
    public abstract Decision Decide(TCommand command, TState state, DateTimeOffset now);

    public TState Fold(IEnumerable<object> events) => events.Aggregate(Initial, Evolve);
}

public static class StreamName
{
    /// <summary>"{service}.{aggregate}-{id}", e.g. "complaints.complaint-0193..."; the prefix lets services share one store.</summary>
    public static string For(string service, string aggregate, string id) => $"{service}.{aggregate}-{id}";

    public static string Prefix(string service) => service + ".";
}

/// <summary>The streams of one kind of aggregate, "{service}.{aggregate}-{id}": naming one, and reading the id back.</summary>
public sealed record AggregateStreams(string Service, string Aggregate)
{
    private string IdStart => StreamName.For(Service, Aggregate, "");

    public string For(Guid id) => StreamName.For(Service, Aggregate, id.ToString());

    /// <summary>Whether <paramref name="streamId"/> is one of these streams (a service with several aggregates tells them apart so).</summary>
    public bool Owns(string streamId) => streamId.StartsWith(IdStart, StringComparison.Ordinal);

    /// <summary>The aggregate id in <paramref name="streamId"/>; throws for a stream that is not one of these.</summary>
    public Guid IdOf(string streamId) =>
        streamId.StartsWith(IdStart, StringComparison.Ordinal) && Guid.TryParse(streamId.AsSpan(IdStart.Length), out var id)
            ? id
            : throw new ArgumentException($"'{streamId}' is not a {Aggregate} stream of {Service}.", nameof(streamId));
}
