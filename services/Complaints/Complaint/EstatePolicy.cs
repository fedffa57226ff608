namespace Platform.Complaints;

/// <summary>
/// An estate's complaint policy. Every number is a default an estate may override (decisions.md): reply
/// 24 h (001:201), resolve 3 days (000:404), follow-up 3 days (decision 7), satisfaction 90 % (001:47),
/// at most 5 valid complaints per 10,000 households a year (001:47, decision 2), a handling rate of 100 % (001:47).
/// </summary>
public sealed record EstatePolicy(
    TimeSpan ReplyWithin,
    TimeSpan ResolveWithin,
    TimeSpan FollowUpWithin,
    decimal SatisfactionTarget,
    decimal ComplaintRateTargetPer10k,
    string TimeZone,
    int Households,
    decimal HandlingRateTarget)
{
    public static EstatePolicy Default(int households) => new(
        TimeSpan.FromHours(24), TimeSpan.FromDays(3), TimeSpan.FromDays(3), 0.90m, 5m, "Asia/Shanghai", households, 1.00m);

    /// <summary>The deadline terms a complaint is registered under; they stay with it if the policy changes later.</summary>
    public ComplaintSla Sla => new(ReplyWithin, ResolveWithin, FollowUpWithin, TimeZone);
}

/// <summary>The deadline terms recorded with a complaint when it is registered.</summary>
public sealed record ComplaintSla(TimeSpan ReplyWithin, TimeSpan ResolveWithin, TimeSpan FollowUpWithin, string TimeZone)
{
    /// <summary>
    /// The reply deadline is elapsed time (「24小时内」). Resolve and follow-up deadlines given in whole days are counted on
    /// the estate's wall clock (「三日内」: the same local time three days later, across a daylight-saving change too).
    /// All are stored as UTC.
    /// </summary>
    public DateTimeOffset ReplyDue(DateTimeOffset registeredAt) => (registeredAt + ReplyWithin).ToUniversalTime();

    public DateTimeOffset ResolveDue(DateTimeOffset from) => InDays(from, ResolveWithin, TimeZone);

    public DateTimeOffset FollowUpDue(DateTimeOffset resolvedAt) => InDays(resolvedAt, FollowUpWithin, TimeZone);

    private static DateTimeOffset InDays(DateTimeOffset from, TimeSpan within, string timeZone)
    {
        if (within.Ticks % TimeSpan.TicksPerDay != 0)
            return (from + within).ToUniversalTime();

        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var local = TimeZoneInfo.ConvertTime(from, zone).DateTime.AddDays(within.Days);
        // A local time skipped by a spring-forward gap gets the zone's standard offset: at most an hour late.
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
