using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Projections;
using Platform.BuildingBlocks.ReadModels;
using Platform.BuildingBlocks.Security;
using Platform.WorkOrders.Api;
using Platform.WorkOrders.ReadModel;
using Platform.WorkOrders.Reports;

namespace Platform.WorkOrders.Features;

public static class WorkOrderReportEndpoint
{
    public static void Map(RouteGroupBuilder orders) =>
        orders.MapGet("/reports/summary", Handle)
            .WithName("WorkOrderReport")
            .RequireRoles(WorkOrderRoles.Staff)
            .WithSummary("The report of brief 4.7 for one estate and the orders logged in [from, to): orders by category, timely response rate, follow-up rate and pass rate, rework count.")
            .Produces<WorkOrderReport>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<IResult> Handle(
        HttpContext http, ReadModelDatabase database, ProjectionRunner<WorkOrderListProjection> runner, TimeProvider time,
        CancellationToken ct, string? estateId = null, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        var (period, problem) = ReportPeriod.Read(http.User, estateId, from, to);
        if (problem is not null) return problem;
        if (await ReadModelQueries.CatchUpAsync(http, runner, ct) is { } waitProblem) return waitProblem;

        using var connection = database.Open();
        return Results.Ok(WorkOrderReportQuery.Query(connection, period!.EstateId, period.From, period.To, time.GetUtcNow()));
    }
}
