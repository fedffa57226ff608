using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.FireSafety.Api;
using Platform.FireSafety.DailyChecks;

using NewDailyCheck = Platform.BuildingBlocks.Http.NewAggregate<Platform.FireSafety.DailyChecks.IDailyCheckCommand>;

namespace Platform.FireSafety.Features;

/// <param name="Kind">whole-site-patrol or service-hall-closing.</param>
/// <param name="Day">The day the check is for, in the estate's calendar: today when omitted, or yesterday.</param>
public sealed record RecordDailyCheckRequest([Required] string? EstateId, [Required] DailyCheckKind? Kind, DateOnly? Day, string? Findings);

public static class DailyCheckEndpoints
{
    public static void Map(RouteGroupBuilder fire)
    {
        fire.MapPost("/daily-checks", (HttpContext http, DailyCheckCommands checks, FirePolicy policy, TimeProvider time, CancellationToken ct) =>
                checks.CreateAsync<RecordDailyCheckRequest>(http, (b, by, _) =>
                {
                    var estate = Need.Text(b.EstateId, "estateId");
                    var kind = Need.Value(b.Kind, "kind");
                    var id = RecordDailyCheck.IdFor(estate, kind, b.Day ?? RecordDailyCheck.Today(time.GetUtcNow(), policy.Zone));
                    return NewDailyCheck.At(id, new RecordDailyCheck(id, estate, kind, b.Findings, policy.Zone, by), estate.Trim());
                }, ct))
            .WithName("RecordDailyCheck")
            .RequireRoles(FireRoles.Patrollers)
            .WithSummary("Record the day's whole-site patrol (000:609) or the service hall's end-of-day check (000:685), once per estate, kind and day.")
            .Accepts<RecordDailyCheckRequest>("application/json")
            .Produces<DailyCheckView>(StatusCodes.Status201Created)
            .ProducesCommandProblems();

        fire.MapGet("/daily-checks/{id:guid}", (Guid id, HttpContext http, DailyCheckCommands checks, CancellationToken ct) => checks.GetAsync(http, id, ct))
            .WithName("GetDailyCheck")
            .WithSummary("One daily check: its estate, kind, day, who made it and what they found.")
            .Produces<DailyCheckView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
