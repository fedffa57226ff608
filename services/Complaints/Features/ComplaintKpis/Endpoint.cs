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
        var (period, problem) = ReportPeriod.Read(http.User, estateId, from, to);
        if (problem is not null) return problem;
        if (await ReadModelQueries.CatchUpAsync(http, runner, ct) is { } waitProblem) return waitProblem;

        using var connection = database.Open();
        return Results.Ok(ComplaintKpiReport.Query(connection, period!.EstateId, period.From, period.To, policies.For(period.EstateId)));
    }
}
