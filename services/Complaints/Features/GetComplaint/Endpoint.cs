using Platform.BuildingBlocks.Http;
using Platform.Complaints.Api;

namespace Platform.Complaints.Features;

public static class GetComplaintEndpoint
{
    public static void Map(RouteGroupBuilder complaints) =>
        complaints.MapGet("/{id:guid}", HandleAsync)
            .WithName("GetComplaint")
            .WithSummary("One complaint, read from its stream; the ETag is its revision, for If-Match.")
            .Produces<ComplaintView>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(Guid id, HttpContext http, ComplaintCommands commands, CancellationToken ct)
    {
        var loaded = await commands.Handler.LoadAsync(ComplaintsService.StreamFor(id), ct);
        if (!Access.CanSee(http.User, loaded.State)) return ApiProblems.NotFound("complaint", id.ToString());

        http.Response.Headers.ETag = ETags.Format(loaded.Revision);
        return ETags.MatchesIfNoneMatch(http.Request, loaded.Revision)
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Ok(ComplaintView.From(loaded.State, http.User));
    }
}
