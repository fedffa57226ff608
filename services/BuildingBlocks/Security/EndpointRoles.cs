using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Builder;

namespace Platform.BuildingBlocks.Security;

/// <summary>
/// The roles an endpoint lets through, declared once as authorization metadata: the same declaration refuses other
/// roles (403 before the request is read), names the roles in the refusal, and documents them in the OpenAPI document.
/// </summary>
public static class EndpointRoles
{
    /// <summary>Only <paramref name="roles"/> may call this endpoint (on top of the service's own role list).</summary>
    public static TBuilder RequireRoles<TBuilder>(this TBuilder endpoint, IReadOnlyList<string> roles) where TBuilder : IEndpointConventionBuilder =>
        endpoint.RequireAuthorization(policy => policy.RequireRole(roles));

    /// <summary>
    /// The roles every role requirement on the endpoint accepts (a request must pass them all), in declaration order;
    /// null when none restricts it.
    /// </summary>
    public static IReadOnlyList<string>? Of(IEnumerable<object> metadata)
    {
        var items = metadata.ToList();
        var requirements = items.OfType<AuthorizationPolicy>().SelectMany(p => p.Requirements).OfType<RolesAuthorizationRequirement>()
            .Select(r => r.AllowedRoles.ToList())
            .Concat(items.OfType<IAuthorizeData>().Where(a => !string.IsNullOrWhiteSpace(a.Roles))
                .Select(a => a.Roles!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList()))
            .ToList();
        if (requirements.Count == 0) return null;
        return requirements.Skip(1).Aggregate((IEnumerable<string>)requirements[0], (all, next) => all.Intersect(next, StringComparer.Ordinal)).ToList();
    }
}
