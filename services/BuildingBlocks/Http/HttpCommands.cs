using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Security;

namespace Platform.BuildingBlocks.Http;

/// <summary>
/// Runs a command on one aggregate for an HTTP request: read the body, check the caller may see the aggregate,
/// then load, decide, append (the kernel's command handler) and answer. A service says how its streams are
/// named, who sees what, and how the state is shown.
/// </summary>
public abstract class HttpCommands<TState, TCommand>(CommandHandler<TState, TCommand> handler)
{
    public CommandHandler<TState, TCommand> Handler => handler;

    /// <summary>The resource's name in problems ("complaint" gives "complaint-not-found") and in ids derived from keys.</summary>
    protected abstract string ResourceName { get; }

    /// <summary>Where the resources live: a created one is at <c>{RoutePrefix}/{id}</c>.</summary>
    protected abstract string RoutePrefix { get; }

    public abstract string StreamFor(Guid id);

    /// <summary>False also for an aggregate that does not exist: both answer 404.</summary>
    public abstract bool CanSee(ClaimsPrincipal user, TState state);

    public abstract object Represent(TState state, ClaimsPrincipal user);

    /// <summary>The aggregate as it stands, for a command on another that needs it (its initial state when there is none, or no id).</summary>
    public async Task<TState> FindAsync(Guid? id, CancellationToken ct) =>
        id is null ? handler.Initial : (await handler.LoadAsync(StreamFor(id.Value), ct)).State;

    public async Task<IResult> ExecuteAsync<TBody>(
        HttpContext http, Guid id, Func<TBody, Actor, TState, TCommand> toCommand, CancellationToken ct)
        where TBody : class
    {
        var body = await CommandRequest.ReadBodyAsync<TBody>(http.Request, ct);
        if (body.Problem is not null) return body.Problem;
        return await ExecuteAsync(http, id, body.RawText, (actor, state) => toCommand(body.Body!, actor, state), ct);
    }

    /// <summary>
    /// Creates an aggregate from a request: read the body, build the command for a new id (derived from the
    /// Idempotency-Key, so a retried request finds its own stream), refuse an estate the caller's token does not cover,
    /// then decide, append and answer 201 with the new resource's location.
    /// </summary>
    public async Task<IResult> CreateAsync<TBody>(
        HttpContext http, Func<TBody, Actor, Guid, NewAggregate<TCommand>> toCommand, CancellationToken ct)
        where TBody : class
    {
        var body = await CommandRequest.ReadBodyAsync<TBody>(http.Request, ct);
        if (body.Problem is not null) return body.Problem;
        return await CreateAsync(http, body.RawText, (actor, id) => toCommand(body.Body!, actor, id), ct);
    }

    /// <summary>For a body the caller read already, to look up what the command needs first.</summary>
    public async Task<IResult> CreateAsync(HttpContext http, string rawBody, Func<Actor, Guid, NewAggregate<TCommand>> toCommand, CancellationToken ct)
    {
        var actor = http.User.ToActor();
        if (!CommandRequest.TryCreateEnvelope(http, actor, rawBody, out var envelope, out var problem)) return problem!;

        var id = envelope.IdempotencyKey is { } key ? DeterministicId.Create(ResourceName, key) : Guid.CreateVersion7();
        var (created, unusable) = CommandRequest.Build(() => toCommand(actor, id));
        if (unusable is not null) return unusable;
        if (created!.Problem is not null) return created.Problem;
        if (created.EstateId is { Length: > 0 } estate && !http.User.CanSeeEstate(estate)) return ApiProblems.EstateNotVisible(estate);

        var at = created.Id ?? id;
        var outcome = await handler.HandleAsync(StreamFor(at), created.Command!, envelope, ct);
        return outcome.ToHttp(http, state => Represent(state, http.User), $"{RoutePrefix}/{at}");
    }

    /// <summary>For commands without a body.</summary>
    public async Task<IResult> ExecuteAsync(
        HttpContext http, Guid id, string rawBody, Func<Actor, TState, TCommand> toCommand, CancellationToken ct)
    {
        var actor = http.User.ToActor();
        if (!CommandRequest.TryCreateEnvelope(http, actor, rawBody, out var envelope, out var problem)) return problem!;

        var stream = StreamFor(id);
        var current = await handler.LoadAsync(stream, ct);
        if (!CanSee(http.User, current.State))
            return ApiProblems.NotFound(ResourceName, id.ToString());

        var (command, unusable) = CommandRequest.Build(() => toCommand(actor, current.State));
        if (unusable is not null) return unusable;
        // One write per request: whatever else an event leads to inside the service runs from the stored event (IEventReaction).
        var outcome = await handler.HandleAsync(stream, command!, envelope, ct, alreadyLoaded: current);
        return outcome.ToHttp(http, state => Represent(state, http.User));
    }

    /// <summary>One aggregate read from its stream; the ETag is its revision, and If-None-Match on it answers 304.</summary>
    public async Task<IResult> GetAsync(HttpContext http, Guid id, CancellationToken ct)
    {
        var loaded = await handler.LoadAsync(StreamFor(id), ct);
        if (!CanSee(http.User, loaded.State)) return ApiProblems.NotFound(ResourceName, id.ToString());

        http.Response.Headers.ETag = ETags.Format(loaded.Revision);
        return ETags.MatchesIfNoneMatch(http.Request, loaded.Revision)
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Ok(Represent(loaded.State, http.User));
    }
}

/// <summary>
/// The command that creates an aggregate, with the estate it belongs to; or the problem that stops it. <see cref="Id"/>
/// is set for an aggregate whose id follows from what it is (one account per unit) rather than from the request's key.
/// </summary>
public sealed record NewAggregate<TCommand>(TCommand? Command, string? EstateId, IResult? Problem, Guid? Id = null)
{
    public static NewAggregate<TCommand> Of(TCommand command, string estateId) => new(command, estateId, null);

    public static NewAggregate<TCommand> At(Guid id, TCommand command, string estateId) => new(command, estateId, null, id);

    public static NewAggregate<TCommand> Refused(IResult problem) => new(default, null, problem);
}
