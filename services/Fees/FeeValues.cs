using Platform.BuildingBlocks.EventSourcing;

namespace Platform.Fees;

/// <summary>The fee types of brief 5.1.</summary>
public enum FeeType
{
    /// <summary>物业(管理)费 (000:34, 001:57).</summary>
    PropertyFee,
    /// <summary>停车费, per the city parking-fee standard (000:1032).</summary>
    Parking,
    /// <summary>广告费 (000:34).</summary>
    Advertising,
    /// <summary>采暖费 (000:136).</summary>
    Heating,
    /// <summary>家政 and other household-service income (000:137).</summary>
    HouseholdService,
    /// <summary>特约服务 (001:27, 002:59).</summary>
    SpecialService,
    /// <summary>Paid repair and service charges (001:271-277).</summary>
    PaidRepair,
    /// <summary>Rental income (000:282).</summary>
    RentalIncome,
}

/// <summary>What a fee standard's rate is per.</summary>
public enum RateUnit
{
    PerSquareMetreMonth,
    PerSpaceMonth,
    PerMonth,
    PerJob,
    PerItem,
    PerHour,
}

public enum PayerKind
{
    Owner,
    Tenant,
}

/// <summary>Occupancy of the unit (000:34, 000:282).</summary>
public enum Occupancy
{
    Occupied,
    Vacant,
    /// <summary>接房未装修: received, not decorated.</summary>
    ReceivedNotDecorated,
    /// <summary>人在外地: the owner lives elsewhere.</summary>
    OwnerAway,
}

/// <summary>Where the money was taken (001:57, 002:58, 001:277), or a provider's confirmation.</summary>
public enum PaymentChannel
{
    Window,
    /// <summary>The front desk, on holidays, at lunch and after hours (002:58).</summary>
    FrontDesk,
    /// <summary>A collector at the door (001:277).</summary>
    DoorCollection,
    PaymentProvider,
}

public enum ChargeStatus
{
    /// <summary>A service charge waiting for the next payment request of the 15th.</summary>
    AwaitingPaymentRequest,
    Issued,
    Overdue,
    Disputed,
    Paid,
    Reversed,
}

/// <summary>Why an owner withholds payment (000:136, 000:1024).</summary>
public enum DisputeReason
{
    Compensation,
    ConstructionDefects,
}

public enum DisputeResolution
{
    CompensationApproved,
    ClaimRejected,
    Withdrawn,
}

/// <summary>Dunning methods (000:138, 001:277, 000:411).</summary>
public enum DunningMethod
{
    Phone,
    WrittenNotice,
    DoorVisit,
    DunningLetter,
}

public enum DunningResult
{
    PromisedToPay,
    Paid,
    Refused,
    NotReached,
}

public enum BillingRunKind
{
    /// <summary>Property and parking fees for a month, due on its last day (decision 8).</summary>
    MonthlyFees,
    /// <summary>The 《付款请求书》 of the 15th for the paid service charges (001:277).</summary>
    PaymentRequests,
}

/// <summary>The unit an account is for: estate / building / entrance / room.</summary>
public sealed record UnitAddress(string EstateId, string Building, string? Entrance, string? Room)
{
    /// <summary>One account per unit: its id is derived from the address, so any service that knows the unit finds it.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid AccountId => DeterministicId.Create("payer-account", EstateId, Building, Entrance ?? "", Room ?? "");
}

/// <summary>Personal data (brief 2.6): shown unmasked only to fee staff.</summary>
public sealed record Payer(string Name, string? Phone);

/// <summary>A calendar month, "2026-03": the period a monthly fee is for.</summary>
public readonly record struct BillingPeriod(int Year, int Month) : IComparable<BillingPeriod>
{
    public DateOnly FirstDay => new(Year, Month, 1);
    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);
    public BillingPeriod Next => Of(FirstDay.AddMonths(1));

    public static BillingPeriod Of(DateOnly day) => new(day.Year, day.Month);

    public static bool TryParse(string? text, out BillingPeriod period)
    {
        period = default;
        if (text is not { Length: 7 } || text[4] != '-') return false;
        if (!int.TryParse(text.AsSpan(0, 4), out var year) || !int.TryParse(text.AsSpan(5, 2), out var month)) return false;
        if (year is < 2000 or > 2100 || month is < 1 or > 12) return false;
        period = new BillingPeriod(year, month);
        return true;
    }

    public int CompareTo(BillingPeriod other) => (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month);

    public override string ToString() => $"{Year:D4}-{Month:D2}";
}

public static class FeeRoles
{
    /// <summary>Finance: standards, charges, reversals, credit notes, refunds paid, the window.</summary>
    public static readonly string[] Finance = [Roles.FinanceClerk];

    /// <summary>Approve refunds and credit notes.</summary>
    public static readonly string[] Approvers = [Roles.DepartmentManager, Roles.GeneralManager];

    /// <summary>Customer-service staff: the front desk, dunning calls, disputes.</summary>
    public static readonly string[] CustomerService = [Roles.CallCentreAgent, Roles.ComplaintSupervisor, Roles.DepartmentManager, Roles.GeneralManager];

    /// <summary>Whoever may take money: the window (finance), the front desk (customer service), a collector at the door.</summary>
    public static readonly string[] PaymentTakers = [Roles.FinanceClerk, Roles.Collector, .. CustomerService];

    public static readonly string[] DunningStaff = [Roles.FinanceClerk, Roles.Collector, .. CustomerService];

    /// <summary>Everyone in the service who reads accounts and reports.</summary>
    public static readonly string[] Readers = [Roles.FinanceClerk, Roles.Collector, .. CustomerService, Roles.Operator];
}

public static class FeeStreams
{
    public const string Service = "fees";

    public static AggregateStreams Standards { get; } = new(Service, "fee-standard");
    public static AggregateStreams Accounts { get; } = new(Service, "payer-account");
    public static AggregateStreams ReceiptBooks { get; } = new(Service, "receipt-book");
    public static AggregateStreams BillingRuns { get; } = new(Service, "billing-run");
    public static AggregateStreams CollectionDrives { get; } = new(Service, "collection-drive");

    public static Guid StandardId(string estateId, string code) => DeterministicId.Create("fee-standard", estateId.Trim(), code.Trim());

    public static Guid ReceiptBookId(string estateId, int year) => DeterministicId.Create("receipt-book", estateId, year.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static Guid BillingRunId(string estateId, BillingRunKind kind, BillingPeriod period) =>
        DeterministicId.Create("billing-run", estateId, WireName.Of(kind), period.ToString());
}

public static class Yuan
{
    /// <summary>Half away from zero, as on a receipt.</summary>
    public static decimal Round(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);

    public static long ToFen(decimal amount) => (long)(Round(amount) * 100m);

    public static decimal FromFen(long fen) => fen / 100m;
}
