using System.Security.Claims;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Security;

namespace Platform.Complaints.Api;

/// <summary>Who may see which complaint, and whose personal data (brief 2.6).</summary>
public static class Access
{
    /// <summary>The roles that handle complaints, and so need the complainant's name and phone.</summary>
    public static bool HandlesComplaints(ClaimsPrincipal user) => ComplaintRules.StaffRoles.Any(user.IsInRole);

    public static string SubjectOf(ClaimsPrincipal user) => user.ToActor().Id;

    public static bool CanSee(ClaimsPrincipal user, ComplaintState complaint) =>
        complaint.IsRegistered && user.MaySee(complaint.EstateId, complaint.Reporter?.ResidentId);

    /// <summary>Name and phone in full for the handling roles and for the complainant; masked for everyone else.</summary>
    public static bool MaySeeReporter(ClaimsPrincipal user, ComplaintState complaint) =>
        HandlesComplaints(user) || (complaint.Reporter?.ResidentId is { } resident && resident == SubjectOf(user));
}
