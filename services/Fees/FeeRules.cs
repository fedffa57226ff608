using Platform.BuildingBlocks.EventSourcing;

namespace Platform.Fees;

/// <summary>Checks the fee deciders share.</summary>
public static class FeeRules
{
    public static Rejection? RequireText(string? value, string field, string what) =>
        string.IsNullOrWhiteSpace(value) ? Rejection.Invalid($"{field.ToLowerInvariant()}-required", field, $"{what} is required.") : null;

    public static Rejection? RequireAmount(decimal amount, string field) =>
        Money.IsPositiveYuan(amount)
            ? null
            : Rejection.Invalid("amount-invalid", field, "An amount is more than 0 yuan, with at most 2 decimal places, and at most 100,000,000.");

    public static Rejection? RequireYuan(decimal amount, string field) =>
        Money.IsYuan(amount)
            ? null
            : Rejection.Invalid("amount-invalid", field, "An amount is in yuan, not negative, with at most 2 decimal places, and at most 100,000,000.");

    /// <summary>The estate's calendar day at <paramref name="instant"/>.</summary>
    public static DateOnly LocalDay(DateTimeOffset instant, string timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(timeZone)).DateTime);

    /// <summary>The instant the estate's <paramref name="day"/> begins, in UTC.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day, string timeZone)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
