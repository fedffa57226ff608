using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.Complaints.Api;

namespace Platform.Complaints.Features;

/// <param name="Category">"other" when omitted; the supervisor can classify it later.</param>
/// <param name="Severity">"general" when omitted.</param>
public sealed record RegisterComplaintRequest(
    [Required] string? EstateId,
    [Required] UnitRequest? Unit,
    [Required] ReporterRequest? Reporter,
    [RequiredWhen("unless the caller is a resident (then resident-app)")] Channel? Channel,
    [Required, FreeText] string? Content,
    Category? Category,
    Severity? Severity);

public sealed record UnitRequest([Required] string? Building, string? Entrance, string? Room);

public sealed record ReporterRequest([Required] string? Name, [Required] string? Phone, [Required] ReporterKind? Kind, string? ResidentId);

public static class RegisterComplaintEndpoint
{
    public static void Map(RouteGroupBuilder complaints) =>
        complaints.MapPost("/", HandleAsync)
            .WithName("RegisterComplaint")
            .RequireRoles(ComplaintRules.RegistrarRoles)
            .WithSummary("Register a complaint from any intake channel. Send an Idempotency-Key to make retries safe.")
            .Accepts<RegisterComplaintRequest>("application/json")
            .Produces<ComplaintView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> HandleAsync(
        HttpContext http, ComplaintCommands commands, EstatePolicies policies, CancellationToken ct)
    {
        var read = await CommandRequest.ReadBodyAsync<RegisterComplaintRequest>(http.Request, ct);
        if (read.Problem is not null) return read.Problem;
        var body = read.Body!;

        var actor = http.User.ToActor();
        if (!CommandRequest.TryCreateEnvelope(http, actor, read.RawText, out var envelope, out var problem)) return problem!;

        var residentOnly = http.User.IsResidentOnly();
        var channel = body.Channel ?? (residentOnly ? Channel.ResidentApp : (Channel?)null);
        if (channel is null)
            return ApiProblems.InvalidField("channel", "complaint-channel-required", "Say which intake channel the complaint came through.");
        if (body.Reporter?.Kind is null)
            return ApiProblems.InvalidField("reporter.kind", "reporter-kind-required", "Say whether the complainant is the owner or a tenant.");
        var estateId = body.EstateId?.Trim() ?? "";
        if (estateId.Length > 0 && !http.User.CanSeeEstate(estateId))
            return ApiProblems.EstateNotVisible(estateId);

        // With an Idempotency-Key the id is derived from it, so a retried registration finds its own stream.
        var id = envelope.IdempotencyKey is { } key ? DeterministicId.Create("complaint", key) : Guid.CreateVersion7();
        var command = new RegisterComplaint(
            id,
            estateId,
            new UnitAddress(body.Unit?.Building ?? "", body.Unit?.Entrance, body.Unit?.Room),
            new Reporter(body.Reporter.Name ?? "", body.Reporter.Phone ?? "", body.Reporter.Kind.Value, body.Reporter.ResidentId),
            channel.Value,
            body.Content ?? "",
            body.Category ?? Category.Other,
            body.Severity,
            policies.For(estateId),
            actor);

        var outcome = await commands.Handler.HandleAsync(ComplaintsService.StreamFor(id), command, envelope, ct);
        return outcome.ToHttp(http, state => ComplaintView.From(state, http.User), $"{ComplaintsService.RoutePrefix}/{id}");
    }
}
