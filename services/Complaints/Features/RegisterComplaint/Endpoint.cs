using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.Complaints.Api;

using NewComplaint = Platform.BuildingBlocks.Http.NewAggregate<Platform.Complaints.IComplaintCommand>;

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

    private static Task<IResult> HandleAsync(HttpContext http, ComplaintCommands commands, EstatePolicies policies, CancellationToken ct) =>
        commands.CreateAsync<RegisterComplaintRequest>(http, (body, actor, id) =>
        {
            var channel = body.Channel ?? (http.User.IsResidentOnly() ? Channel.ResidentApp : null);
            if (channel is null)
                return NewComplaint.Refused(ApiProblems.InvalidField("channel", "complaint-channel-required", "Say which intake channel the complaint came through."));
            if (body.Reporter?.Kind is not { } kind)
                return NewComplaint.Refused(ApiProblems.InvalidField("reporter.kind", "reporter-kind-required", "Say whether the complainant is the owner or a tenant."));

            var estateId = body.EstateId?.Trim() ?? "";
            return NewComplaint.Of(new RegisterComplaint(
                id,
                estateId,
                new UnitAddress(body.Unit?.Building ?? "", body.Unit?.Entrance, body.Unit?.Room),
                new Reporter(body.Reporter.Name ?? "", body.Reporter.Phone ?? "", kind, body.Reporter.ResidentId),
                channel.Value,
                body.Content ?? "",
                body.Category ?? Category.Other,
                body.Severity,
                policies.For(estateId),
                actor), estateId);
        }, ct);
}
