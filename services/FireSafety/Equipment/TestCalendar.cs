using System.Globalization;

namespace Platform.FireSafety.Equipment;

/// <summary>What kind of fire equipment an item is; its kind decides its test period (brief 7.3).</summary>
public enum EquipmentType
{
    FirePump, SprinklerPump, DrencherPump, IndoorHydrant, SprinklerDrain, Pressurisation, SmokeExhaust, SmokeDetector, HeatDetector, Extinguisher, Other,
}

/// <summary>A calendar period (decision 10): <see cref="Label"/> such as "2026-06", "2026-Q2", "2026-H1", "2026", "2026-summer".</summary>
public sealed record TestPeriod(string Label, DateTimeOffset Start, DateTimeOffset End)
{
    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;
}

/// <summary>
/// The test calendar of 000:634-640 in calendar periods, in the estate's time zone: pumps monthly (000:635), hydrants and
/// sprinkler drain tests quarterly (000:637), pressurisation and smoke exhaust half-yearly (000:636), every detector
/// yearly in rotation (000:634), extinguishers in the summer (April-September) and winter (October-March) campaigns
/// (冬防、夏防, 000:640), other equipment every <c>otherMonths</c> months from January (000:638).
/// </summary>
public static class TestCalendar
{
    public static TestPeriod PeriodOf(EquipmentType type, int? otherMonths, DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var (year, month) = (local.Year, local.Month);
        return type switch
        {
            EquipmentType.FirePump or EquipmentType.SprinklerPump or EquipmentType.DrencherPump => Months(year, month, 1, $"{year}-{month:D2}", zone),
            EquipmentType.IndoorHydrant or EquipmentType.SprinklerDrain => Months(year, month, 3, $"{year}-Q{(month - 1) / 3 + 1}", zone),
            EquipmentType.Pressurisation or EquipmentType.SmokeExhaust => Months(year, month, 6, $"{year}-H{(month - 1) / 6 + 1}", zone),
            EquipmentType.SmokeDetector or EquipmentType.HeatDetector => Months(year, month, 12, $"{year}", zone),
            EquipmentType.Extinguisher => Campaign(year, month, zone),
            _ => Months(year, month, otherMonths ?? 12, OtherLabel(year, month, otherMonths ?? 12), zone),
        };
    }

    /// <summary>The calendar month <paramref name="instant"/> falls in, in <paramref name="zone"/>.</summary>
    public static TestPeriod MonthOf(DateTimeOffset instant, TimeZoneInfo zone) => PeriodOf(EquipmentType.FirePump, null, instant, zone);

    /// <summary>The end of the period after the one <paramref name="instant"/> falls in: when that next one can be overdue.</summary>
    public static DateTimeOffset EndOfNextPeriod(EquipmentType type, int? otherMonths, DateTimeOffset instant, TimeZoneInfo zone) =>
        PeriodOf(type, otherMonths, PeriodOf(type, otherMonths, instant, zone).End, zone).End;

    /// <summary>The period before <paramref name="period"/>.</summary>
    public static TestPeriod Previous(EquipmentType type, int? otherMonths, TestPeriod period, TimeZoneInfo zone) =>
        PeriodOf(type, otherMonths, period.Start.AddTicks(-1), zone);

    private static TestPeriod Months(int year, int month, int length, string label, TimeZoneInfo zone)
    {
        var first = (month - 1) / length * length + 1;
        return new TestPeriod(label, Local(year, first, zone), Local(year, first, zone, addMonths: length));
    }

    private static TestPeriod Campaign(int year, int month, TimeZoneInfo zone) => month switch
    {
        >= 4 and <= 9 => new TestPeriod($"{year}-summer", Local(year, 4, zone), Local(year, 10, zone)),
        >= 10 => new TestPeriod($"{year}-winter", Local(year, 10, zone), Local(year + 1, 4, zone)),
        _ => new TestPeriod($"{year - 1}-winter", Local(year - 1, 10, zone), Local(year, 4, zone)),
    };

    private static string OtherLabel(int year, int month, int length) =>
        length >= 12 ? $"{year}" : $"{year}-P{(month - 1) / length + 1}of{12 / length}";

    private static DateTimeOffset Local(int year, int month, TimeZoneInfo zone, int addMonths = 0)
    {
        var local = new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(addMonths);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    public static bool IsValidOtherMonths(int months) => months is 1 or 2 or 3 or 4 or 6 or 12;

    public static string Format(DateTimeOffset instant) => instant.ToString("O", CultureInfo.InvariantCulture);
}
