using Platform.Complaints.Api;

namespace Platform.Complaints.Features;

public static class GetComplaintEndpoint
{
    public static void Map(RouteGroupBuilder complaints) =>
        complaints.MapGet("/{id:guid}", (Guid id, HttpContext http, ComplaintCommands commands, CancellationToken ct) => commands.GetAsync(http, id, ct))
            .WithName("GetComplaint")
            .WithSummary("One complaint, read from its stream; the ETag is its revision, for If-Match.")
            .Produces<ComplaintView>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
