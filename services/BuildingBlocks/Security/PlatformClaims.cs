using System.Security.Claims;
using Platform.BuildingBlocks.EventSourcing;

namespace Platform.BuildingBlocks.Security;

/// <summary>Claim names as they appear in platform tokens (no legacy mapping to long URIs).</summary>
public static class PlatformClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Roles = "roles";
    public const string Estates = "estates";

    /// <summary>An <c>estates</c> entry that grants every estate.</summary>
    public const string AllEstates = "*";
}

public static class ClaimsPrincipalExtensions
{
    /// <summary>The caller as the event metadata records them.</summary>
    public static Actor ToActor(this ClaimsPrincipal principal)
    {
        var subject = principal.FindFirst(PlatformClaims.Subject)?.Value;
        if (string.IsNullOrEmpty(subject))
            throw new InvalidOperationException("The principal has no 'sub' claim; is the request authenticated?");
        return new Actor(subject, principal.Roles());
    }

    public static IReadOnlyList<string> Roles(this ClaimsPrincipal principal) =>
        principal.FindAll(PlatformClaims.Roles).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToArray();

    public static IReadOnlyList<string> Estates(this ClaimsPrincipal principal) =>
        principal.FindAll(PlatformClaims.Estates).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>A resident and nothing else: sees only what they filed themselves.</summary>
    public static bool IsResidentOnly(this ClaimsPrincipal principal) =>
        principal.Roles() is { Count: > 0 } roles && roles.All(r => r == EventSourcing.Roles.Resident);

    public static bool CanSeeAllEstates(this ClaimsPrincipal principal) =>
        principal.HasClaim(PlatformClaims.Estates, PlatformClaims.AllEstates);

    public static bool CanSeeEstate(this ClaimsPrincipal principal, string estateId) =>
        principal.CanSeeAllEstates() || principal.HasClaim(PlatformClaims.Estates, estateId);

    /// <summary>
    /// The platform's visibility rule: a resident (and nothing else) sees what they filed themselves
    /// (<paramref name="residentId"/> is theirs); everyone else sees the estates their token names.
    /// </summary>
    public static bool MaySee(this ClaimsPrincipal principal, string estateId, string? residentId) =>
        principal.IsResidentOnly()
            ? residentId is not null && residentId == principal.FindFirst(PlatformClaims.Subject)?.Value
            : principal.CanSeeEstate(estateId);
}
