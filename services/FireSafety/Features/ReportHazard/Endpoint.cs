using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.FireSafety.Api;
using Platform.FireSafety.Hazards;

using NewHazard = Platform.BuildingBlocks.Http.NewAggregate<Platform.FireSafety.Hazards.IHazardCommand>;

namespace Platform.FireSafety.Features;

/// <param name="Source">patrol, inspection, staff-report or fire-authority.</param>
/// <param name="SourceId">The inspection record, for a hazard an inspection found.</param>
/// <param name="AuthorityReference">The fire authority's notice, for a hazard it found.</param>
/// <param name="Electrical">An electrical hazard: taken out of use at once, not handled by the finder (000:658).</param>
/// <param name="FoundAt">Now when omitted.</param>
public sealed record ReportHazardRequest(
    [Required] string? EstateId, [Required] string? Location, [Required] string? Description, bool? Major, bool? Electrical, [Required] HazardSource? Source,
    [RequiredWhen("when source is inspection")] Guid? SourceId, [RequiredWhen("when source is fire-authority")] string? AuthorityReference, DateTimeOffset? FoundAt);

/// <param name="Deadline">限期: the inspector gives it; there is no default (decision 6).</param>
/// <param name="NeedsWork">The rectification needs physical work.</param>
public sealed record OrderRectificationRequest([Required] string? ResponsibleUnit, [Required] DateTimeOffset? Deadline, bool? NeedsWork);

public sealed record InterimMeasureRequest([Required] string? Measure);

public sealed record RectificationRequest([Required] string? Note);

/// <param name="NewDeadline">Required when the re-check fails: rectification is ordered again.</param>
public sealed record RecheckRequest([Required] bool? Passed, [Required] string? Note, [RequiredWhen("when passed is false")] DateTimeOffset? NewDeadline);

public sealed record EscalationRequest([Required] EscalationLevel? Level, [Required] string? SolutionPlan);

public sealed record AuthorityReplyRequest([Required] string? Reference);

public static class HazardEndpoints
{
    public static void Map(RouteGroupBuilder fire)
    {
        fire.MapPost("/hazards", ReportAsync)
            .WithName("ReportHazard")
            .RequireRoles(FireRoles.Staff)
            .WithSummary("Register a hazard item by item (000:646); an electrical one is taken out of use at once (000:658). Send an Idempotency-Key.")
            .Accepts<ReportHazardRequest>("application/json")
            .Produces<HazardView>(StatusCodes.Status201Created)
            .ProducesCommandProblems();

        fire.MapPost("/hazards/{id:guid}/rectification-order", OrderAsync)
            .WithName("OrderRectification")
            .RequireRoles(FireRoles.Officers)
            .WithSummary("Order the responsible unit to rectify by a deadline the inspector gives (decision 6); an inspection's hazard only once its record is signed (S37).")
            .Accepts<OrderRectificationRequest>("application/json")
            .Produces<HazardView>()
            .ProducesCommandProblems();

        Step<InterimMeasureRequest>(fire, "interim-measures", "RecordInterimMeasure", FireRoles.Staff, "Record an interim measure taken until the hazard is rectified (000:647).",
            (id, b, by, _) => new RecordInterimMeasure(id, Need.Text(b.Measure, "measure"), by));
        Step<RectificationRequest>(fire, "rectification", "RecordRectification", FireRoles.Staff, "The responsible unit reports the hazard rectified; the re-check is due by the end of next month (000:609).",
            (id, b, by, policy) => new RecordRectification(id, Need.Text(b.Note, "note"), policy.Zone, by));
        Step<RecheckRequest>(fire, "recheck", "RecheckHazard", FireRoles.Officers,
            "Re-check a rectified hazard: passed closes it (an authority's hazard once its reply is recorded); failed orders rectification again by a new deadline.",
            (id, b, by, _) => new RecheckHazard(id, Need.Value(b.Passed, "passed"), Need.Text(b.Note, "note"), b.NewDeadline, by));
        Step<EscalationRequest>(fire, "escalation", "EscalateHazard", FireRoles.Officers,
            "Escalate a major hazard the unit cannot resolve, with its solution plan: to the security department's fire officer, then the superior authority (000:647).",
            (id, b, by, _) => new EscalateHazard(id, Need.Value(b.Level, "level"), Need.Text(b.SolutionPlan, "solutionPlan"), by));
        Step<AuthorityReplyRequest>(fire, "authority-reply", "RecordAuthorityReply", FireRoles.Officers,
            "Record the written reply (复函) to the fire authority that ordered the rectification (000:648).",
            (id, b, by, _) => new RecordAuthorityReply(id, Need.Text(b.Reference, "reference"), by));

        fire.MapGet("/hazards/{id:guid}", (Guid id, HttpContext http, HazardCommands hazards, CancellationToken ct) => hazards.GetAsync(http, id, ct))
            .WithName("GetHazard")
            .WithSummary("One hazard: its status, round, deadline and whether it is overdue, interim measures, escalations.")
            .Produces<HazardView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static void Step<TBody>(RouteGroupBuilder fire, string route, string name, string[] roles, string summary,
        Func<Guid, TBody, BuildingBlocks.EventSourcing.Actor, FirePolicy, IHazardCommand> toCommand) where TBody : class =>
        fire.MapPost($"/hazards/{{id:guid}}/{route}", (Guid id, HttpContext http, HazardCommands hazards, FirePolicy policy, CancellationToken ct) =>
                hazards.ExecuteAsync<TBody>(http, id, (b, by, _) => toCommand(id, b, by, policy), ct))
            .WithName(name)
            .RequireRoles(roles)
            .WithSummary(summary)
            .Accepts<TBody>("application/json")
            .Produces<HazardView>()
            .ProducesCommandProblems();

    private static async Task<IResult> ReportAsync(HttpContext http, HazardCommands hazards, InspectionCommands inspections, TimeProvider time, CancellationToken ct)
    {
        var body = await CommandRequest.ReadBodyAsync<ReportHazardRequest>(http.Request, ct);
        if (body.Problem is not null) return body.Problem;
        var b = body.Body!;
        var inspection = await inspections.FindAsync(b.SourceId, ct);
        return await hazards.CreateAsync(http, body.RawText, (by, id) =>
        {
            var estate = Need.Text(b.EstateId, "estateId");
            return NewHazard.Of(new ReportHazard(id, estate, Need.Text(b.Location, "location"), Need.Text(b.Description, "description"), b.Major ?? false,
                b.Electrical ?? false, Need.Value(b.Source, "source"), b.SourceId, b.AuthorityReference, b.FoundAt ?? time.GetUtcNow(), inspection, by), estate.Trim());
        }, ct);
    }

    private static async Task<IResult> OrderAsync(Guid id, HttpContext http, HazardCommands hazards, InspectionCommands inspections, CancellationToken ct)
    {
        var body = await CommandRequest.ReadBodyAsync<OrderRectificationRequest>(http.Request, ct);
        if (body.Problem is not null) return body.Problem;
        var b = body.Body!;
        var hazard = await hazards.Handler.LoadAsync(hazards.StreamFor(id), ct);
        var inspection = await inspections.FindAsync(hazard.State.SourceId, ct);
        return await hazards.ExecuteAsync(http, id, body.RawText, (by, _) =>
            new OrderRectification(id, Need.Text(b.ResponsibleUnit, "responsibleUnit"), b.Deadline, b.NeedsWork ?? false, inspection, by), ct);
    }
}
