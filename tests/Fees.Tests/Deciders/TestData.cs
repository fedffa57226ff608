using Platform.BuildingBlocks.EventSourcing;
using Platform.Fees.Accounts;
using Platform.Fees.Features;
using Platform.Fees.Receipts;
using Platform.Fees.Standards;
using Platform.TestSupport;

namespace Platform.Fees.Tests.Deciders;

public static class A
{
    public const string Estate = "estate-1";
    public static readonly UnitAddress Unit = new(Estate, "3", "2", "501");
    public static readonly Guid AccountId = Unit.AccountId;
    public static readonly Actor Finance = new("fin-1", Roles.FinanceClerk);
    public static readonly Actor Agent = new("agent-1", Roles.CallCentreAgent);
    public static readonly Actor Collector = new("col-1", Roles.Collector);
    public static readonly Actor Manager = new("mgr-1", Roles.DepartmentManager);
    public static readonly Actor Technician = new("tech-1", Roles.Technician);
    public static readonly FeePolicy Policy = FeePolicy.Default;

    /// <summary>Midnight of a day in Shanghai (UTC+8), as an instant.</summary>
    public static DateTimeOffset Local(int year, int month, int day, int hour = 0, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    public static readonly DateTimeOffset Opened = Local(2026, 1, 10, 9);
}

/// <summary>Histories of standards and accounts.</summary>
public static class History
{
    public static readonly Guid PropertyStandardId = FeeStreams.StandardId(A.Estate, "PF-RES");
    public static readonly Guid RepairStandardId = FeeStreams.StandardId(A.Estate, "REPAIR-JOB");

    public static FeeStandardApproved PropertyFee(decimal rate = 1.50m, DateOnly? from = null, DateOnly? to = null) =>
        new(PropertyStandardId, A.Estate, "PF-RES", "Residential property fee", FeeType.PropertyFee, rate, RateUnit.PerSquareMetreMonth,
            from ?? new DateOnly(2026, 1, 1), to ?? new DateOnly(2026, 12, 31), "PB-2026-017", 4, A.Local(2025, 12, 20));

    public static FeeStandardApproved RepairJob(decimal rate = 60m) =>
        new(RepairStandardId, A.Estate, "REPAIR-JOB", "Paid repair, per job", FeeType.PaidRepair, rate, RateUnit.PerJob,
            new DateOnly(2026, 1, 1), null, "PB-2026-031", 4, A.Local(2025, 12, 20));

    public static FeeStandardState Standard(params object[] events) => new FeeStandardDecider().Fold(events);

    public static PayerAccountOpened Opened(decimal area = 100m) =>
        new(A.AccountId, A.Unit, PayerKind.Owner, new Payer("张三", "13800138000"), Occupancy.Occupied, area, 0, "PF-RES", null, A.Opened);

    public static ChargeIssued Charge(Guid id, decimal amount, string period = "2026-02", DateOnly? dueOn = null, FeeType type = FeeType.PropertyFee,
        string standard = "PF-RES", decimal? rate = null, decimal? quantity = null, DateTimeOffset? at = null)
    {
        var due = dueOn ?? (type is FeeType.PaidRepair ? null : BillingPeriodOf(period).LastDay);
        return new ChargeIssued(id, type, period, standard, rate ?? amount, type is FeeType.PaidRepair ? RateUnit.PerJob : RateUnit.PerSquareMetreMonth,
            quantity ?? 1, amount, due, due is { } d ? FeeRules.StartOfDay(d.AddDays(1), A.Policy.TimeZone) : null, null, at ?? A.Local(2026, 2, 1, 1));
    }

    public static BillingPeriod BillingPeriodOf(string period)
    {
        BillingPeriod.TryParse(period, out var p);
        return p;
    }

    public static readonly Guid Feb = Guid.Parse("0193b000-0000-7000-8000-000000000002");
    public static readonly Guid Mar = Guid.Parse("0193b000-0000-7000-8000-000000000003");
    public static readonly Guid Apr = Guid.Parse("0193b000-0000-7000-8000-000000000004");
    public static readonly Guid Repair = Guid.Parse("0193b000-0000-7000-8000-0000000000a1");
    public static readonly Guid PaymentOne = Guid.Parse("0193b000-0000-7000-8000-0000000000b1");
    public static readonly Guid PaymentTwo = Guid.Parse("0193b000-0000-7000-8000-0000000000b2");
    public static readonly Guid DisputeId = Guid.Parse("0193b000-0000-7000-8000-0000000000d1");

    public static PaymentApplied Paid(Guid payment, decimal amount, params ChargeAllocation[] allocations) =>
        new(payment, $"ESTATE-1/2026/{(payment == PaymentOne ? 1 : 2):D6}", amount, PaymentChannel.Window, allocations,
            amount - allocations.Sum(a => a.Amount), A.Local(2026, 3, 5, 10), A.Local(2026, 3, 5, 10));

    public static ChargesDisputed Disputed(params Guid[] charges) =>
        new(DisputeId, DisputeReason.Compensation, null, null, charges, null, A.Local(2026, 3, 1, 9));
}

public static class Scenarios
{
    public static DeciderScenario<PayerAccountState, IPayerAccountCommand> Account(params object[] given) => new(new PayerAccountDecider(), given);

    public static DeciderScenario<FeeStandardState, IFeeStandardCommand> Standard(params object[] given) => new(new FeeStandardDecider(), given);

    public static DeciderScenario<ReceiptBookState, IReceiptBookCommand> Book(params object[] given) => new(new ReceiptBookDecider(), given);
}
