using Platform.BuildingBlocks.EventSourcing;

namespace Platform.Fees.Api;

/// <summary>
/// Each estate's fee policy: <see cref="FeePolicy.Default"/> overridden by <c>Fees:Policies:Default</c>, then by
/// <c>Fees:Policies:Estates:{estateId}</c>. Only the keys present override. Dunning levels are lists of
/// <c>{ "AfterDays": 15, "Methods": ["door-visit"] }</c>; a late fee is <c>{ "RatePerDay": 0.0005, "CapRatio": 0.3 }</c>.
/// A bad key or value stops the service at start.
/// </summary>
public sealed class FeePolicies(FeePolicy fallback, IReadOnlyDictionary<string, FeePolicy> byEstate)
{
    public const string Section = "Fees:Policies";

    public FeePolicy For(string estateId) => byEstate.TryGetValue(estateId.Trim(), out var policy) ? policy : fallback;

    public static FeePolicies FromConfiguration(IConfiguration configuration)
    {
        var fallback = Read(configuration.GetSection($"{Section}:Default"), FeePolicy.Default);
        var byEstate = configuration.GetSection($"{Section}:Estates").GetChildren()
            .ToDictionary(section => section.Key, section => Read(section, fallback), StringComparer.Ordinal);
        return new FeePolicies(fallback, byEstate);
    }

    private static FeePolicy Read(IConfigurationSection section, FeePolicy basis)
    {
        var policy = basis with
        {
            TimeZone = section.GetValue("TimeZone", basis.TimeZone)!,
            ReceiptPrefix = section.GetValue("ReceiptPrefix", basis.ReceiptPrefix),
            PaymentRequestDay = section.GetValue("PaymentRequestDay", basis.PaymentRequestDay),
            PaymentRequestDueDay = section.GetValue("PaymentRequestDueDay", basis.PaymentRequestDueDay),
            RefundWithin = section.GetValue("RefundWithin", basis.RefundWithin),
            Dunning = Levels(section.GetSection("Dunning"), basis.Dunning),
            ServiceChargeDunning = Levels(section.GetSection("ServiceChargeDunning"), basis.ServiceChargeDunning),
        };
        var lateFee = section.GetSection("LateFee");
        if (lateFee.Exists())
        {
            var rate = lateFee.GetValue<decimal>("RatePerDay");
            var cap = lateFee.GetValue<decimal>("CapRatio");
            if (rate is <= 0 or > 0.01m || cap is <= 0 or > 1)
                throw new InvalidOperationException($"{lateFee.Path}: RatePerDay is more than 0 and at most 0.01, CapRatio more than 0 and at most 1.");
            policy = policy with { LateFee = new LateFeePolicy(rate, cap) };
        }
        _ = TimeZoneInfo.FindSystemTimeZoneById(policy.TimeZone);
        if (policy.PaymentRequestDay is < 1 or > 28 || policy.PaymentRequestDueDay < policy.PaymentRequestDay || policy.PaymentRequestDueDay > 28)
            throw new InvalidOperationException($"{section.Path}: PaymentRequestDay and PaymentRequestDueDay are days 1 to 28, the due day not before the request day.");
        return policy;
    }

    private static IReadOnlyList<DunningLevel> Levels(IConfigurationSection section, IReadOnlyList<DunningLevel> basis)
    {
        if (!section.Exists()) return basis;
        var levels = section.GetChildren().Select((entry, i) => new DunningLevel(
            i + 1,
            entry.GetValue<int>("AfterDays"),
            entry.GetSection("Methods").GetChildren().Select(m => WireName.TryParse<DunningMethod>(m.Value, out var method)
                ? method
                : throw new InvalidOperationException($"{m.Path}: '{m.Value}' is not a dunning method; use one of {string.Join(", ", WireName.All<DunningMethod>())}."))
                .ToList())).ToList();
        for (var i = 1; i < levels.Count; i++)
            if (levels[i].AfterDays <= levels[i - 1].AfterDays)
                throw new InvalidOperationException($"{section.Path}: each dunning level starts later than the one before.");
        return levels;
    }
}
