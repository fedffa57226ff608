using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.FireSafety.Api;
using Platform.FireSafety.Drills;

using NewDrill = Platform.BuildingBlocks.Http.NewAggregate<Platform.FireSafety.Drills.IDrillCommand>;

namespace Platform.FireSafety.Features;

/// <param name="Plan">The plan (预案) the drill follows, or its reference.</param>
public sealed record PlanDrillRequest([Required] string? EstateId, [Required] DrillKind? Kind, [Required] DateOnly? PlannedFor, [Required] string? Plan);

/// <param name="Text">The briefing's assignments, or the debrief's summary.</param>
/// <param name="PlanRevision">At the debrief: how the plan was revised.</param>
/// <param name="Participants">At the conduct: how many took part.</param>
public sealed record DrillStepRequest(string? Text, string? PlanRevision, int? Participants);

public static class DrillEndpoints
{
    public static void Map(RouteGroupBuilder fire)
    {
        fire.MapPost("/drills", (HttpContext http, DrillCommands drills, CancellationToken ct) =>
                drills.CreateAsync<PlanDrillRequest>(http, (b, by, id) =>
                {
                    var estate = Need.Text(b.EstateId, "estateId");
                    return NewDrill.Of(new PlanDrill(id, estate, Need.Value(b.Kind, "kind"), Need.Value(b.PlannedFor, "plannedFor"), Need.Text(b.Plan, "plan"), by), estate.Trim());
                }, ct))
            .WithName("PlanDrill")
            .RequireRoles(FireRoles.Officers)
            .WithSummary("Plan a drill with its plan and date (000:674-678). Send an Idempotency-Key.")
            .Accepts<PlanDrillRequest>("application/json")
            .Produces<DrillView>(StatusCodes.Status201Created)
            .ProducesCommandProblems();

        foreach (var (step, route, name, summary) in new[]
                 {
                     (DrillStep.Briefing, "briefing", "BriefDrill", "Brief the staff and assign roles (text: who does what)."),
                     (DrillStep.Conduct, "conduct", "ConductDrill", "Record the drill held (participants)."),
                     (DrillStep.Debrief, "debrief", "DebriefDrill", "Record the debrief (text) and the plan's revision (planRevision)."),
                     (DrillStep.Close, "close", "CloseDrill", "Close a debriefed drill; the next is due the estate's interval after it."),
                 })
            fire.MapPost($"/drills/{{id:guid}}/{route}", async (Guid id, HttpContext http, DrillCommands drills, FirePolicy policy, CancellationToken ct) =>
                {
                    var body = await CommandRequest.ReadOptionalBodyAsync<DrillStepRequest>(http.Request, ct);
                    return body.Problem ?? await drills.ExecuteAsync(http, id, body.RawText, (by, state) =>
                        new AdvanceDrill(id, step, body.Body?.Text, body.Body?.PlanRevision, body.Body?.Participants, policy.DrillIntervalFor(state.EstateId), policy.Zone, by), ct);
                })
                .WithName(name)
                .RequireRoles(FireRoles.Officers)
                .WithSummary(summary + " Each step only after the one before.")
                .Accepts<DrillStepRequest>("application/json")
                .Produces<DrillView>()
                .ProducesCommandProblems();

        fire.MapGet("/drills/{id:guid}", (Guid id, HttpContext http, DrillCommands drills, CancellationToken ct) => drills.GetAsync(http, id, ct))
            .WithName("GetDrill")
            .WithSummary("One drill: where it stands, its plan's revision, and when the next is due once closed.")
            .Produces<DrillView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
