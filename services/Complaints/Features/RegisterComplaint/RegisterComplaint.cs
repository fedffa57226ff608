using Platform.BuildingBlocks.Security;
using Platform.BuildingBlocks.EventSourcing;

namespace Platform.Complaints.Features;

/// <summary>
/// Record a complaint with the complainant's name, phone and what it is about (004:248), from any channel of
/// brief 2.3. <see cref="Policy"/> is the estate's policy in force: it sets the reply and resolve deadlines.
/// <see cref="LinkedToComplaintId"/> marks a follow-up case opened from another complaint's follow-up (000:492).
/// </summary>
public sealed record RegisterComplaint(
    Guid ComplaintId,
    string EstateId,
    UnitAddress Unit,
    Reporter Reporter,
    Channel Channel,
    string Content,
    Category Category,
    Severity? Severity,
    EstatePolicy Policy,
    Actor By,
    Guid? LinkedToComplaintId = null) : IComplaintCommand
{
    /// <summary>Channels a resident can use on their own; the others are staff intake.</summary>
    private static readonly Channel[] ResidentChannels = [Channel.ResidentApp, Channel.Web];

    public static Decision Decide(RegisterComplaint command, ComplaintState state, DateTimeOffset now)
    {
        var by = command.By;
        var isResident = by.HasRole(Roles.Resident) && !ComplaintRules.IsStaff(by);
        if (!isResident && ComplaintRules.RequireStaffOrSystem(by) is { } forbidden) return forbidden;

        if (Validate(command) is { } invalid) return invalid;

        var reporter = command.Reporter with
        {
            Name = command.Reporter.Name.Trim(),
            Phone = command.Reporter.Phone.Trim(),
            ResidentId = ComplaintRules.Trimmed(command.Reporter.ResidentId),
        };
        if (isResident)
        {
            if (reporter.ResidentId is { } residentId && residentId != by.Id)
                return Rejection.Forbidden("resident-registers-only-own-complaint", "A resident may only register a complaint for themselves.");
            if (!ResidentChannels.Contains(command.Channel))
                return Rejection.Invalid("resident-channel-not-allowed", "channel", "A resident files through the resident app or the web.");
            reporter = reporter with { ResidentId = by.Id };
        }

        var registered = new ComplaintRegistered(
            command.ComplaintId,
            command.EstateId.Trim(),
            new UnitAddress(command.Unit.Building.Trim(), ComplaintRules.Trimmed(command.Unit.Entrance), ComplaintRules.Trimmed(command.Unit.Room)),
            reporter,
            command.Channel,
            command.Content.Trim(),
            command.Category,
            command.Severity ?? Platform.Complaints.Severity.General,
            command.LinkedToComplaintId,
            command.Policy.Sla,
            by.Id,
            now);

        if (state.IsRegistered)
            return IsSameRegistration(state, registered)
                ? Decision.NoChange
                : Rejection.Conflict("complaint-already-registered", "A different complaint is already registered under this id.");

        var sla = registered.Sla;
        return Decision.Accept(
            registered,
            new ComplaintDeadlinesSet(
                sla.ReplyDue(now),
                ComplaintRules.ResolveDeadline(registered.Severity, involvesCompensation: false, sla, now)));
    }

    private static Rejection? Validate(RegisterComplaint c)
    {
        if (c.ComplaintId == Guid.Empty)
            return Rejection.Invalid("complaint-id-required", "complaintId", "A complaint id is required.");
        if (c.LinkedToComplaintId == c.ComplaintId)
            return Rejection.Invalid("complaint-linked-to-itself", "linkedToComplaintId", "A complaint cannot be linked to itself.");
        if (c.Policy is null)
            return Rejection.Invalid("estate-policy-required", "policy", "The estate's complaint policy is required.");
        return ComplaintRules.RequireDefined(c.Channel, "channel")
            ?? ComplaintRules.RequireDefined(c.Category, "category")
            ?? ComplaintRules.RequireDefined(c.Severity ?? Platform.Complaints.Severity.General, "severity")
            ?? (c.Reporter is null ? null : ComplaintRules.RequireDefined(c.Reporter.Kind, "reporter.kind"))
            ?? ComplaintRules.RequireText(c.EstateId, "complaint-estate-required", "estateId", "The estate")
            ?? ComplaintRules.RequireText(c.Unit?.Building, "complaint-building-required", "unit.building", "The building")
            ?? ComplaintRules.RequireText(c.Reporter?.Name, "reporter-name-required", "reporter.name", "The complainant's name")
            ?? ComplaintRules.RequireText(c.Reporter?.Phone, "reporter-phone-required", "reporter.phone", "The complainant's phone number")
            ?? (PersonalData.IsPlausiblePhone(c.Reporter!.Phone)
                ? null
                : Rejection.Invalid("reporter-phone-invalid", "reporter.phone", "The phone number is not a plausible phone number."))
            ?? ComplaintRules.RequireText(c.Content, "complaint-content-required", "content", "What the complaint is about");
    }


    private static bool IsSameRegistration(ComplaintState state, ComplaintRegistered registered) =>
        state.Id == registered.ComplaintId
        && state.EstateId == registered.EstateId
        && state.Unit == registered.Unit
        && state.Reporter == registered.Reporter
        && state.Channel == registered.Channel
        && state.Content == registered.Content
        && state.LinkedToComplaintId == registered.LinkedToComplaintId;
}
