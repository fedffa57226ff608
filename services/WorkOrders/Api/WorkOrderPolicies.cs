using Platform.BuildingBlocks.EventSourcing;
namespace Platform.WorkOrders.Api;

/// <summary>
/// Each estate's work-order policy: <see cref="WorkOrderPolicy.Default"/> overridden by <c>WorkOrders:Policies:Default</c>,
/// then by the estate's own <c>WorkOrders:Policies:Estates:{estateId}</c>. Only the keys present override; urgency
/// classes are named by their codes ("urgent", "safety-facility"). A bad key or value stops the service at start.
/// </summary>
public sealed class WorkOrderPolicies(WorkOrderPolicy fallback, IReadOnlyDictionary<string, WorkOrderPolicy> byEstate)
{
    public const string Section = "WorkOrders:Policies";

    public WorkOrderPolicy For(string estateId) =>
        byEstate.TryGetValue(estateId.Trim(), out var policy) ? policy : fallback;

    public static WorkOrderPolicies FromConfiguration(IConfiguration configuration)
    {
        var fallback = Read(configuration.GetSection($"{Section}:Default"), WorkOrderPolicy.Default);
        var byEstate = configuration.GetSection($"{Section}:Estates").GetChildren()
            .ToDictionary(section => section.Key, section => Read(section, fallback), StringComparer.Ordinal);
        return new WorkOrderPolicies(fallback, byEstate);
    }

    private static WorkOrderPolicy Read(IConfigurationSection section, WorkOrderPolicy basis)
    {
        var policy = basis with { ReworkNoticeWithin = section.GetValue("ReworkNoticeWithin", basis.ReworkNoticeWithin) };
        foreach (var entry in section.GetSection("SlaByUrgency").GetChildren())
        {
            var urgency = Urgency(entry);
            policy = policy.WithUrgencySla(urgency, Targets(entry, policy.SlaByUrgency.GetValueOrDefault(urgency)));
        }
        foreach (var entry in section.GetSection("SlaByCategory").GetChildren())
            policy = policy.WithCategorySla(entry.Key, Targets(entry, policy.SlaByCategory.GetValueOrDefault(entry.Key)));
        foreach (var entry in section.GetSection("FollowUps").GetChildren())
        {
            var urgency = Urgency(entry);
            var current = policy.FollowUps.GetValueOrDefault(urgency) ?? policy.FollowUpFor(urgency);
            policy = policy.WithFollowUp(urgency, new FollowUpRule(
                entry.GetValue("FirstWithin", current.FirstWithin),
                entry.GetValue("SecondAfterFirst", current.SecondAfterFirst),
                entry.GetValue("SecondAfterNextRain", current.SecondAfterNextRain)));
        }
        return policy;
    }

    private static SlaTargets Targets(IConfigurationSection entry, SlaTargets? current) => new(
        entry.GetValue("HandleWithin", current?.HandleWithin),
        entry.GetValue("RepairWithin", current?.RepairWithin));

    private static UrgencyClass Urgency(IConfigurationSection entry) =>
        WireName.TryParse<UrgencyClass>(entry.Key, out var urgency)
            ? urgency
            : throw new InvalidOperationException(
                $"{entry.Path}: '{entry.Key}' is not an urgency class; use one of {string.Join(", ", WireName.All<UrgencyClass>())}.");
}
