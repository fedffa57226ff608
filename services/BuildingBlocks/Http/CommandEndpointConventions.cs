using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Platform.BuildingBlocks.Http;

public static class CommandEndpointConventions
{
    /// <summary>
    /// The problems any command route can answer, for the OpenAPI document: unreadable input (400), a role that
    /// may not act (403), an aggregate not visible (404), a state that does not allow it (409), a stale If-Match
    /// (412), a broken rule on a field or a reused Idempotency-Key (422).
    /// </summary>
    public static RouteHandlerBuilder ProducesCommandProblems(this RouteHandlerBuilder endpoint) => endpoint
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
