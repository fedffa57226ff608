using System.Globalization;
using Platform.BuildingBlocks.EventSourcing;
using Platform.FireSafety.Inspections;

namespace Platform.FireSafety.Features;

/// <summary>
/// The inspector fills in the month's record for a department (000:609-610) and names the people concerned, who must
/// sign it. The hazards of that department still open are listed on it for re-checking (复查追踪, 000:609).
/// </summary>
/// <param name="OpenHazards">The department's hazards not closed, as the handler found them.</param>
public sealed record RecordInspection(
    Guid InspectionId, string EstateId, string Month, string Department, string Findings, IReadOnlyList<string> RequiredSigners, IReadOnlyList<Guid> OpenHazards,
    Actor By) : IInspectionCommand
{
    public static Decision Decide(RecordInspection command, InspectionState state, DateTimeOffset now)
    {
        var invalid = CommandRules.RequireRole(command.By, FireRoles.Officers, "inspected-by-the-fire-officer", "The fire-safety officer inspects (000:609).")
            ?? CommandRules.RequireText(command.EstateId, "estateId", "The estate")
            ?? CommandRules.RequireText(command.Department, "department", "The department inspected")
            ?? CommandRules.RequireText(command.Findings, "findings", "What the inspection found")
            ?? RequireMonth(command.Month, now)
            ?? (command.RequiredSigners.Count == 0 || command.RequiredSigners.Any(string.IsNullOrWhiteSpace)
                ? Rejection.Invalid("signers-required", "requiredSigners", "The record names the people concerned who sign it (000:610).")
                : null);
        if (invalid is not null) return invalid;
        if (state.Exists)
            return state.Findings == command.Findings.Trim()
                ? Decision.NoChange
                : Rejection.Conflict("inspection-recorded", $"The {state.Month} inspection of {state.Department} is recorded already.");
        return Decision.Accept(new InspectionRecorded(
            command.InspectionId, command.EstateId.Trim(), command.Month, command.Department.Trim(), command.By.Id, command.Findings.Trim(),
            command.RequiredSigners.Select(s => s.Trim()).Distinct().ToList(), command.OpenHazards, now));
    }

    private static Rejection? RequireMonth(string month, DateTimeOffset now) =>
        !DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) || month.Length != 7
            ? Rejection.Invalid("month-invalid", "month", "A month is written YYYY-MM.")
            : string.CompareOrdinal(month, now.ToString("yyyy-MM", CultureInfo.InvariantCulture)) > 0
                ? Rejection.Invalid("month-not-begun", "month", "A month is inspected once it has begun.")
                : null;
}

/// <summary>Each person the record names signs it, once; nobody else does.</summary>
public sealed record SignInspection(Guid InspectionId, Actor By) : IInspectionCommand
{
    public static Decision Decide(SignInspection command, InspectionState state, DateTimeOffset now)
    {
        if (!state.Exists) return Rejection.NotFound("inspection-not-found", "There is no such inspection record.");
        if (!state.RequiredSigners.Contains(command.By.Id))
            return Rejection.Forbidden("signed-by-the-people-concerned", "Only the people the record names sign it.");
        return state.Signed.Contains(command.By.Id) ? Decision.NoChange : Decision.Accept(new InspectionSigned(command.By.Id, now));
    }
}

/// <summary>The inspected department is notified of a signed record (000:611).</summary>
public sealed record NotifyInspectedDepartment(Guid InspectionId, Actor By) : IInspectionCommand
{
    public static Decision Decide(NotifyInspectedDepartment command, InspectionState state, DateTimeOffset now)
    {
        if (!state.Exists) return Rejection.NotFound("inspection-not-found", "There is no such inspection record.");
        if (CommandRules.RequireRole(command.By, FireRoles.Officers, "notified-by-the-fire-officer", "The fire-safety officer notifies the department.") is { } forbidden)
            return forbidden;
        if (state.NotifiedAt is not null) return Decision.NoChange;
        return state.FullySigned
            ? Decision.Accept(new InspectedDepartmentNotified(state.Department, command.By.Id, now))
            : Rejection.Conflict("inspection-not-signed", $"Still to sign: {string.Join(", ", state.MissingSigners)}.");
    }
}
