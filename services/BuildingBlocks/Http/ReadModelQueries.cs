using Microsoft.AspNetCore.Http;
using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.Projections;

namespace Platform.BuildingBlocks.Http;

/// <summary>What every read-model query does first: wait (bounded) for the caller's own write, then say what it reflects.</summary>
public static class ReadModelQueries
{
    public const string MinPositionParameter = "minPosition";
    public const string PositionHeader = "X-Read-Model-Position";
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    /// <summary>A problem when minPosition is malformed; otherwise waits until the model reaches it or the wait ends.</summary>
    public static async Task<IResult?> CatchUpAsync(HttpContext http, ProjectionRunner runner, CancellationToken ct)
    {
        var requested = http.Request.Query[MinPositionParameter].ToString();
        if (requested.Length > 0)
        {
            if (!GlobalPosition.TryParse(requested, out var position))
                return ApiProblems.InvalidField(MinPositionParameter, "min-position-invalid",
                    "minPosition must be a position returned in X-Event-Position.", StatusCodes.Status400BadRequest);
            await runner.WaitForAsync(position, MaxWait, ct);
        }
        http.Response.Headers[PositionHeader] = runner.Position?.ToString() ?? "0";
        return null;
    }
}
