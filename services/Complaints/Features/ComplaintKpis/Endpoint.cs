using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Projections;
using Platform.BuildingBlocks.ReadModels;
using Platform.BuildingBlocks.Security;
using Platform.Complaints.Api;
using Platform.Complaints.ReadModel;
using Platform.Complaints.Reports;

namespace Platform.Complaints.Features;

public static class ComplaintKpisEndpoint
{
    public static void Map(RouteGroupBuilder complaints) =>
        complaints.MapGet("/reports/kpi", Handle)
            .WithName("ComplaintKpis")
            .RequireRoles(ComplaintRules.StaffRoles)
            .WithSummary("The KPI report of brief 2.7 / 3.7 for one estate and period [from, to): received, completed, handling rate, valid complaints per 10,000 households, satisfaction, counts by category.")
            .Produces<ComplaintKpis>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<IResult> Handle(
        HttpContext http, ReadModelDatabase database, ProjectionRunner<ComplaintListReadModel> runner, EstatePolicies policies,
        CancellationToken ct, string? estateId = null, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        if (string.IsNullOrWhiteSpace(estateId))
            return ApiProblems.InvalidField("estateId", "estate-required", "Name the estate to report on.", StatusCodes.Status400BadRequest);
        if (from is null) return ApiProblems.InvalidField("from", "period-start-required", "Give the start of the period (ISO 8601).", StatusCodes.Status400BadRequest);
        if (to is null) return ApiProblems.InvalidField("to", "period-end-required", "Give the end of the period (ISO 8601, exclusive).", StatusCodes.Status400BadRequest);
        if (to <= from) return ApiProblems.InvalidField("to", "period-empty", "The period must end after it starts.", StatusCodes.Status400BadRequest);
        if (!http.User.CanSeeEstate(estateId))
            return ApiProblems.EstateNotVisible(estateId);
        if (await ReadModelQueries.CatchUpAsync(http, runner, ct) is { } waitProblem) return waitProblem;

        using var connection = database.Open();
        return Results.Ok(ComplaintKpiReport.Query(connection, estateId, from.Value, to.Value, policies.For(estateId)));
    }
}
