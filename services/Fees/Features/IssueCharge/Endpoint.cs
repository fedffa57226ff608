using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.Fees.Api;
using Platform.Fees.Standards;

namespace Platform.Fees.Features;

/// <param name="Rate">The rate charged: it must be the standard's rate in force (S24).</param>
/// <param name="Quantity">m², spaces, jobs, hours…: 1 when omitted.</param>
/// <param name="Amount">When given, it must equal rate × quantity.</param>
/// <param name="Period">The month the charge is for, "2026-03".</param>
/// <param name="ServiceDay">The day the service was given; the period's first day when omitted. The standard must be in force on it.</param>
/// <param name="DueOn">When omitted: the period's last day, or for a paid service charge the next payment request of the 15th.</param>
public sealed record IssueChargeRequest(
    [Required] string? StandardCode,
    [Required] decimal? Rate,
    decimal? Quantity,
    decimal? Amount,
    [Required] string? Period,
    DateOnly? ServiceDay,
    DateOnly? DueOn,
    string? SourceRef);

public static class IssueChargeEndpoint
{
    public static void Map(RouteGroupBuilder fees) =>
        fees.MapPost("/accounts/{id:guid}/charges", IssueAsync)
            .WithName("IssueCharge")
            .RequireRoles(FeeRoles.Finance)
            .WithSummary("Issue a charge at the rate of a fee standard in force; any other rate, or no standard, is refused (S24). Send an Idempotency-Key.")
            .Accepts<IssueChargeRequest>("application/json")
            .Produces<PayerAccountView>()
            .ProducesCommandProblems();

    private static async Task<IResult> IssueAsync(Guid id, HttpContext http, AccountCommands accounts, StandardCommands standards, CancellationToken ct)
    {
        var body = await CommandRequest.ReadBodyAsync<IssueChargeRequest>(http.Request, ct);
        if (body.Problem is not null) return body.Problem;
        var b = body.Body!;
        if (b.Period is not null && !BillingPeriod.TryParse(b.Period, out _))
            return ApiProblems.InvalidField("period", "period-invalid", "period is a month, \"2026-03\".", StatusCodes.Status400BadRequest);

        var account = await accounts.Handler.LoadAsync(accounts.StreamFor(id), ct);
        var standard = account.State.Exists && b.StandardCode is { } code
            ? await standards.FindAsync(account.State.Unit.EstateId, code, ct)
            : FeeStandardState.Initial;
        var chargeId = AccountActionEndpoints.KeyedId(http, "charge", id);

        return await accounts.ExecuteAsync(http, id, body.RawText, (by, state) =>
        {
            BillingPeriod.TryParse(Need.Text(b.Period, "period"), out var period);
            var quantity = b.Quantity ?? 1;
            var due = b.DueOn ?? (ServiceCharges.IsServiceCharge(standard.FeeType) ? null : period.LastDay);
            return new IssueCharge(
                id, chargeId, Need.Text(b.StandardCode, "standardCode"), standard, Need.Value(b.Rate, "rate"), quantity, b.Amount, period,
                b.ServiceDay ?? period.FirstDay, due, b.SourceRef, accounts.PolicyOf(state), by);
        }, ct);
    }
}
