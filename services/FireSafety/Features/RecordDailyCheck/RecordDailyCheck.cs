using Platform.BuildingBlocks.EventSourcing;
using Platform.FireSafety.DailyChecks;

namespace Platform.FireSafety.Features;

/// <summary>
/// The day's whole-site patrol or the service hall's end-of-day check, once per estate, kind and day (its id follows from
/// the three). It is recorded on its day, in the estate's calendar: today, or yesterday for a check made after midnight.
/// </summary>
public sealed record RecordDailyCheck(Guid CheckId, string EstateId, DailyCheckKind Kind, string? Findings, TimeZoneInfo Zone, Actor By) : IDailyCheckCommand
{
    public static Guid IdFor(string estateId, DailyCheckKind kind, DateOnly day) =>
        DeterministicId.Create("daily-check", estateId.Trim(), WireName.Of(kind), day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    public static DateOnly Today(DateTimeOffset now, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);

    public static Decision Decide(RecordDailyCheck command, DailyCheckState state, DateTimeOffset now)
    {
        var invalid = CommandRules.RequireRole(command.By, FireRoles.Patrollers, "checked-by-patrol-staff", "The fire-safety officer or a security guard makes the daily checks.")
            ?? CommandRules.RequireText(command.EstateId, "estateId", "The estate");
        if (invalid is not null) return invalid;
        var today = Today(now, command.Zone);
        var day = new[] { today, today.AddDays(-1) }.FirstOrDefault(d => IdFor(command.EstateId, command.Kind, d) == command.CheckId);
        if (day == default)
            return Rejection.Invalid("day-not-open", "day", "A daily check is recorded on its day: today, or yesterday after midnight.");
        var findings = string.IsNullOrWhiteSpace(command.Findings) ? null : command.Findings.Trim();
        if (state.Exists)
            return state.Record!.Findings == findings ? Decision.NoChange
                : Rejection.Conflict("checked-already", $"The {WireName.Of(command.Kind)} of {day:yyyy-MM-dd} is recorded already.");
        return Decision.Accept(new DailyCheckRecorded(command.CheckId, command.EstateId.Trim(), command.Kind, day, findings, command.By.Id, now));
    }
}
