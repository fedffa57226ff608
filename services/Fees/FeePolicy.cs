namespace Platform.Fees;

/// <summary>A dunning level of the estate's policy: from <see cref="AfterDays"/> overdue, these methods are due.</summary>
public sealed record DunningLevel(int Level, int AfterDays, IReadOnlyList<DunningMethod> Methods);

/// <summary>A late fee an estate chose to charge (decision 8: none unless configured): a share of the principal per day, capped.</summary>
public sealed record LateFeePolicy(decimal RatePerDay, decimal CapRatio);

/// <summary>
/// An estate's fee policy (decisions.md: every number is an overridable default). Passed in with the commands that
/// need it, so the deciders stay pure.
/// </summary>
public sealed record FeePolicy(
    string TimeZone,
    string? ReceiptPrefix,
    int PaymentRequestDay,
    int PaymentRequestDueDay,
    IReadOnlyList<DunningLevel> Dunning,
    IReadOnlyList<DunningLevel> ServiceChargeDunning,
    LateFeePolicy? LateFee,
    TimeSpan RefundWithin)
{
    /// <summary>
    /// 001:277: the request on the 15th, payment by the 20th, then the collector at the door. 000:138: phone with a written
    /// notice; 001:277, 000:1024: door visits; 000:411: a dunning letter. 000:392: a refund within a week of approval.
    /// </summary>
    public static FeePolicy Default { get; } = new(
        "Asia/Shanghai",
        null,
        15,
        20,
        [
            new DunningLevel(1, 1, [DunningMethod.Phone, DunningMethod.WrittenNotice]),
            new DunningLevel(2, 15, [DunningMethod.DoorVisit]),
            new DunningLevel(3, 30, [DunningMethod.DunningLetter]),
        ],
        [
            new DunningLevel(1, 1, [DunningMethod.DoorVisit]),
            new DunningLevel(2, 30, [DunningMethod.DunningLetter]),
        ],
        null,
        TimeSpan.FromDays(7));

    /// <summary>Receipt numbers read "{prefix}/2026/000123"; the prefix is the estate's id in capitals unless configured.</summary>
    public string ReceiptPrefixFor(string estateId) => ReceiptPrefix ?? estateId.ToUpperInvariant();

    public IReadOnlyList<DunningLevel> DunningFor(FeeType type) =>
        Features.ServiceCharges.IsServiceCharge(type) ? ServiceChargeDunning : Dunning;

    /// <summary>The highest level due after <paramref name="daysOverdue"/> days, or null before the first.</summary>
    public DunningLevel? LevelDue(FeeType type, int daysOverdue) =>
        DunningFor(type).Where(l => daysOverdue >= l.AfterDays).MaxBy(l => l.Level);
}
