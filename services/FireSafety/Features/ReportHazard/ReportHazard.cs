using Platform.BuildingBlocks.EventSourcing;
using Platform.FireSafety.Hazards;
using Platform.FireSafety.Inspections;

namespace Platform.FireSafety.Features;

/// <summary>
/// A hazard is registered item by item (000:646), from a patrol, an inspection, a staff report or the fire authority.
/// Anyone on the staff reports one; an electrical hazard is taken out of use at once and is not theirs to handle
/// (000:658). A hazard from an inspection names its record; one from the authority names the authority's notice and is
/// registered by a fire-safety officer.
/// </summary>
/// <param name="Inspection">The inspection record named by <see cref="SourceId"/>, as the handler found it.</param>
public sealed record ReportHazard(
    Guid HazardId, string EstateId, string Location, string Description, bool Major, bool Electrical, HazardSource Source, Guid? SourceId,
    string? AuthorityReference, DateTimeOffset FoundAt, InspectionState Inspection, Actor By) : IHazardCommand
{
    public static Decision Decide(ReportHazard command, HazardState state, DateTimeOffset now)
    {
        var invalid = CommandRules.RequireRole(command.By, FireRoles.Staff, "hazards-reported-by-staff", "Hazards are reported by the staff.")
            ?? CommandRules.RequireText(command.EstateId, "estateId", "The estate")
            ?? CommandRules.RequireText(command.Location, "location", "Where the hazard is")
            ?? CommandRules.RequireText(command.Description, "description", "What the hazard is")
            ?? FireRules.NotInTheFuture(command.FoundAt, now, "foundAt")
            ?? Origin(command);
        if (invalid is not null) return invalid;
        if (state.Exists)
            return state.Description == command.Description.Trim() ? Decision.NoChange : Rejection.Conflict("hazard-exists", "This hazard is registered already.");
        return Decision.Accept(new HazardIdentified(
            command.HazardId, command.EstateId.Trim(), command.Location.Trim(), command.Description.Trim(), command.Major, command.Electrical,
            StopUse: command.Electrical, command.Source, command.SourceId, command.AuthorityReference?.Trim(), command.By.Id, command.FoundAt, now));
    }

    private static Rejection? Origin(ReportHazard command) => command.Source switch
    {
        HazardSource.Inspection when !command.Inspection.Exists =>
            Rejection.Invalid("inspection-not-found", "sourceId", "A hazard from an inspection names its inspection record."),
        HazardSource.Inspection when command.Inspection.EstateId != command.EstateId.Trim() =>
            Rejection.Invalid("inspection-of-another-estate", "sourceId", "The inspection record is another estate's."),
        HazardSource.FireAuthority when string.IsNullOrWhiteSpace(command.AuthorityReference) =>
            Rejection.Invalid("authority-reference-required", "authorityReference", "A hazard the fire authority found names its notice."),
        HazardSource.FireAuthority or HazardSource.Inspection =>
            CommandRules.RequireRole(command.By, FireRoles.Officers, "registered-by-the-fire-officer", "The fire-safety officer registers what inspections and the authority found."),
        _ => null,
    };
}
