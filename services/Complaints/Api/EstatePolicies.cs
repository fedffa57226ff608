namespace Platform.Complaints.Api;

/// <summary>
/// Each estate's complaint policy: the defaults of <c>Estates:Default</c> with the estate's own overrides
/// from <c>Estates:Policies:{estateId}</c>. Nothing here is hard-coded in a handler (decisions.md).
/// </summary>
public sealed class EstatePolicies(EstatePolicy fallback, IReadOnlyDictionary<string, EstatePolicy> byEstate)
{
    public EstatePolicy For(string estateId) =>
        byEstate.TryGetValue(estateId.Trim(), out var policy) ? policy : fallback;

    public static EstatePolicies FromConfiguration(IConfiguration configuration)
    {
        var fallback = Read(configuration.GetSection("Estates:Default"), EstatePolicy.Default(0));
        var byEstate = configuration.GetSection("Estates:Policies").GetChildren()
            .ToDictionary(section => section.Key, section => Read(section, fallback), StringComparer.Ordinal);
        return new EstatePolicies(fallback, byEstate);
    }

    private static EstatePolicy Read(IConfigurationSection section, EstatePolicy basis) => new(
        section.GetValue("ReplyWithin", basis.ReplyWithin),
        section.GetValue("ResolveWithin", basis.ResolveWithin),
        section.GetValue("FollowUpWithin", basis.FollowUpWithin),
        section.GetValue("SatisfactionTarget", basis.SatisfactionTarget),
        section.GetValue("ComplaintRateTargetPer10k", basis.ComplaintRateTargetPer10k),
        section.GetValue("TimeZone", basis.TimeZone)!,
        section.GetValue("Households", basis.Households),
        section.GetValue("HandlingRateTarget", basis.HandlingRateTarget));
}
