using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.FireSafety.Api;

using NewKeyLocation = Platform.BuildingBlocks.Http.NewAggregate<Platform.FireSafety.KeyLocations.IKeyLocationCommand>;

namespace Platform.FireSafety.Features;

/// <param name="Code">The estate's code for the location, e.g. "SUB-1".</param>
public sealed record DesignateKeyLocationRequest(
    [Required] string? EstateId, [Required] string? Code, [Required] string? Name, [Required] KeyLocationKind? Kind,
    [Required] string? ResponsibleDepartment, [Required] string? ResponsiblePerson);

/// <param name="PatrolledAt">When the patrol was made; now when omitted.</param>
/// <param name="PhotoRefs">References of photos taken, stored elsewhere.</param>
public sealed record RecordPatrolRequest(DateTimeOffset? PatrolledAt, string? Findings, IReadOnlyList<string>? PhotoRefs);

public static class KeyLocationEndpoints
{
    public static void Map(RouteGroupBuilder fire)
    {
        fire.MapPost("/key-locations", (HttpContext http, KeyLocationCommands locations, CancellationToken ct) =>
                locations.CreateAsync<DesignateKeyLocationRequest>(http, (b, by, _) =>
                {
                    var estate = Need.Text(b.EstateId, "estateId");
                    var code = Need.Text(b.Code, "code");
                    var id = FireStreams.KeyLocationId(estate, code);
                    return NewKeyLocation.At(id, new DesignateKeyLocation(id, estate, code, Need.Text(b.Name, "name"), Need.Value(b.Kind, "kind"),
                        Need.Text(b.ResponsibleDepartment, "responsibleDepartment"), Need.Text(b.ResponsiblePerson, "responsiblePerson"), by), estate.Trim());
                }, ct))
            .WithName("DesignateKeyLocation")
            .RequireRoles(FireRoles.Officers)
            .WithSummary("Designate a key location (消防安全重点部位, 000:680) with its responsible department and person; patrols fall due every 2 h from now.")
            .Accepts<DesignateKeyLocationRequest>("application/json")
            .Produces<KeyLocationView>(StatusCodes.Status201Created)
            .ProducesCommandProblems();

        fire.MapPost("/key-locations/{id:guid}/patrols", (Guid id, HttpContext http, KeyLocationCommands locations, TimeProvider time, CancellationToken ct) =>
                locations.ExecuteAsync<RecordPatrolRequest>(http, id, (b, by, _) =>
                    new RecordPatrol(id, PatrolId(http), b.PatrolledAt ?? time.GetUtcNow(), b.Findings, b.PhotoRefs ?? [], by), ct))
            .WithName("RecordPatrol")
            .RequireRoles(FireRoles.Patrollers)
            .WithSummary("Record a patrol of a key location (000:685); the next is due 2 h after it (decision 10). Send an Idempotency-Key.")
            .Accepts<RecordPatrolRequest>("application/json")
            .Produces<KeyLocationView>()
            .ProducesCommandProblems();

        fire.MapGet("/key-locations/{id:guid}", (Guid id, HttpContext http, KeyLocationCommands locations, CancellationToken ct) => locations.GetAsync(http, id, ct))
            .WithName("GetKeyLocation")
            .WithSummary("One key location: its last patrol, when the next is due, and how many were missed.")
            .Produces<KeyLocationView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static Guid PatrolId(HttpContext http) => CommandRequest.KeyedId(http, "patrol");
}
