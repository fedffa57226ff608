using Microsoft.AspNetCore.Http;
using Platform.BuildingBlocks.EventSourcing;

namespace Platform.BuildingBlocks.Http;

public static class CommandResults
{
    public const string PositionHeader = "X-Event-Position";
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>
    /// Turns a command's outcome into the HTTP answer. A repeat of an Idempotency-Key answers exactly as
    /// the first success did (same status and Location), with the resource as it stands now.
    /// </summary>
    public static IResult ToHttp<TState>(
        this CommandOutcome<TState> outcome, HttpContext http, Func<TState, object> represent, string? createdLocation = null)
    {
        switch (outcome)
        {
            case CommandOutcome<TState>.Done done:
                http.Response.Headers.ETag = ETags.Format(done.Revision);
                if (done.Position is { } position) http.Response.Headers[PositionHeader] = position.ToString();
                return createdLocation is null ? Results.Ok(represent(done.State)) : Results.Created(createdLocation, represent(done.State));
            case CommandOutcome<TState>.Repeated repeated:
                http.Response.Headers.ETag = ETags.Format(repeated.Revision);
                http.Response.Headers[ReplayedHeader] = "true";
                return createdLocation is null ? Results.Ok(represent(repeated.State)) : Results.Created(createdLocation, represent(repeated.State));
            case CommandOutcome<TState>.Rejected rejected:
                return ApiProblems.FromRejection(rejected.Rejection);
            case CommandOutcome<TState>.PreconditionFailed failed:
                return ApiProblems.PreconditionFailed(failed.CurrentRevision);
            case CommandOutcome<TState>.KeyReused reused:
                return ApiProblems.IdempotencyKeyReused(reused.IdempotencyKey);
            default:
                throw new InvalidOperationException($"Unknown outcome {outcome.GetType().Name}.");
        }
    }
}
