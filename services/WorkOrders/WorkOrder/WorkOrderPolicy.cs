namespace Platform.WorkOrders;

/// <summary>How long an order may wait before work starts (handle) and before it is completed (repair). Null: no deadline.</summary>
public sealed record SlaTargets(TimeSpan? HandleWithin, TimeSpan? RepairWithin)
{
    public static SlaTargets None { get; } = new(null, null);

    /// <summary>Where two targets apply, the tighter one wins for each deadline.</summary>
    public SlaTargets Tightest(SlaTargets other) => new(Min(HandleWithin, other.HandleWithin), Min(RepairWithin, other.RepairWithin));

    private static TimeSpan? Min(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a < b ? a : b;
}

/// <summary>
/// The follow-ups an urgency class requires after completion: the first within <see cref="FirstWithin"/>, then
/// optionally a second a fixed time after the first, or after the next rain (no fixed due time).
/// </summary>
public sealed record FollowUpRule(TimeSpan FirstWithin, TimeSpan? SecondAfterFirst = null, bool SecondAfterNextRain = false);

/// <summary>
/// An estate's work-order policy (decisions.md: every number is an overridable default). Passed in with the
/// commands that compute deadlines, so the decider stays pure and the estate's configuration stays outside it.
/// </summary>
public sealed record WorkOrderPolicy(
    IReadOnlyDictionary<UrgencyClass, SlaTargets> SlaByUrgency,
    IReadOnlyDictionary<string, SlaTargets> SlaByCategory,
    IReadOnlyDictionary<UrgencyClass, FollowUpRule> FollowUps,
    TimeSpan ReworkNoticeWithin)
{
    public static WorkOrderPolicy Default { get; } = new(
        new Dictionary<UrgencyClass, SlaTargets>
        {
            [UrgencyClass.Urgent] = new(TimeSpan.FromMinutes(30), TimeSpan.FromHours(24)),
        },
        new Dictionary<string, SlaTargets>(StringComparer.Ordinal)
        {
            // 004:42: 「一般故障原则上在6小时内处理、24小时内修复」 (decision #11: an SLA per category).
            ["gas-fault"] = new(TimeSpan.FromHours(6), TimeSpan.FromHours(24)),
        },
        new Dictionary<UrgencyClass, FollowUpRule>
        {
            [UrgencyClass.Urgent] = new(TimeSpan.FromHours(24), SecondAfterFirst: TimeSpan.FromDays(2)),
            [UrgencyClass.SafetyFacility] = new(TimeSpan.FromDays(2)),
            [UrgencyClass.LeakSeepage] = new(TimeSpan.FromDays(3), SecondAfterNextRain: true),
            [UrgencyClass.Other] = new(TimeSpan.FromDays(7)),
        },
        TimeSpan.FromHours(12));

    public SlaTargets SlaFor(string category, UrgencyClass urgency)
    {
        var byUrgency = SlaByUrgency.GetValueOrDefault(urgency) ?? SlaTargets.None;
        var byCategory = SlaByCategory.GetValueOrDefault(category) ?? SlaTargets.None;
        return byUrgency.Tightest(byCategory);
    }

    /// <summary>Every repair is followed up (「回访处理率达 100%」, 001:205): a class without a rule gets a week.</summary>
    public FollowUpRule FollowUpFor(UrgencyClass urgency) =>
        FollowUps.GetValueOrDefault(urgency) ?? new FollowUpRule(TimeSpan.FromDays(7));

    public WorkOrderPolicy WithCategorySla(string category, SlaTargets targets) =>
        this with { SlaByCategory = new Dictionary<string, SlaTargets>(SlaByCategory, StringComparer.Ordinal) { [category] = targets } };

    public WorkOrderPolicy WithUrgencySla(UrgencyClass urgency, SlaTargets targets) =>
        this with { SlaByUrgency = new Dictionary<UrgencyClass, SlaTargets>(SlaByUrgency) { [urgency] = targets } };

    public WorkOrderPolicy WithFollowUp(UrgencyClass urgency, FollowUpRule rule) =>
        this with { FollowUps = new Dictionary<UrgencyClass, FollowUpRule>(FollowUps) { [urgency] = rule } };
}
