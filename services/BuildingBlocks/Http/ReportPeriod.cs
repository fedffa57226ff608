using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Platform.BuildingBlocks.Security;

namespace Platform.BuildingBlocks.Http;

/// <summary>The estate and the period [from, to) a report is asked for, checked the same way by every report.</summary>
public sealed record ReportPeriod(string EstateId, DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>The period, or a problem naming the parameter that is missing or wrong, or the estate the caller may not see.</summary>
    public static (ReportPeriod? Period, IResult? Problem) Read(ClaimsPrincipal user, string? estateId, DateTimeOffset? from, DateTimeOffset? to)
    {
        if (string.IsNullOrWhiteSpace(estateId))
            return (null, Bad("estateId", "estate-required", "Name the estate to report on."));
        if (from is null) return (null, Bad("from", "period-start-required", "Give the start of the period (ISO 8601)."));
        if (to is null) return (null, Bad("to", "period-end-required", "Give the end of the period (ISO 8601, exclusive)."));
        if (to <= from) return (null, Bad("to", "period-empty", "The period must end after it starts."));
        if (!user.CanSeeEstate(estateId)) return (null, ApiProblems.EstateNotVisible(estateId));
        return (new ReportPeriod(estateId, from.Value, to.Value), null);
    }

    private static IResult Bad(string field, string code, string detail) =>
        ApiProblems.InvalidField(field, code, detail, StatusCodes.Status400BadRequest);
}
