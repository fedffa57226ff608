using Platform.BuildingBlocks.Hosting;
using Platform.BuildingBlocks.ReadModels;
using Platform.Fees.Api;

namespace Platform.Fees.Billing;

/// <summary>
/// Drives the billing calendar from the clock, on the lead replica: for each estate with accounts, the monthly fees of
/// every month from the first full month after its first account (at most a year back) and, from the 15th, the payment
/// requests of the month. A run not completed is due; a completed one never runs again.
/// </summary>
public sealed class BillingWatcher(
    ReadModelDatabase database,
    BillingRunner runner,
    FeePolicies policies,
    IConfiguration configuration,
    LeadReplicaLease lease,
    TimeProvider time,
    ILogger<BillingWatcher> logger)
    : PeriodicWatcher(WatcherOptions.FromConfiguration(configuration, "Fees:BillingWatcher"), lease, time, logger)
{
    private const int MonthsBack = 12;
    private readonly Dictionary<Guid, BillingRunSpec> _due = [];

    protected override IReadOnlyList<Guid> FindDue(DateTimeOffset now, int batchSize)
    {
        var completed = new HashSet<Guid>();
        var estates = new List<(string Estate, DateTimeOffset FirstOpened)>();
        using (var connection = database.Open())
        {
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT run_id FROM fee_billing_runs WHERE completed_at IS NOT NULL;";
                using var reader = command.ExecuteReader();
                while (reader.Read()) completed.Add(Guid.Parse(reader.GetString(0)));
            }
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT estate_id, MIN(opened_at) FROM fee_accounts GROUP BY estate_id ORDER BY estate_id;";
                using var reader = command.ExecuteReader();
                while (reader.Read()) estates.Add((reader.GetString(0), SqlValues.ParseInstant(reader.GetString(1))));
            }
        }

        lock (_due)
        {
            _due.Clear();
            foreach (var (estate, firstOpened) in estates)
            {
                var policy = policies.For(estate);
                var today = FeeRules.LocalDay(now, policy.TimeZone);
                foreach (var spec in BillingCalendar.DueRuns(estate, FeeRules.LocalDay(firstOpened, policy.TimeZone), today, policy, MonthsBack))
                    if (!completed.Contains(spec.RunId)) _due[spec.RunId] = spec;
            }
            return _due.Keys.Take(batchSize).ToList();
        }
    }

    protected override async Task ActOnAsync(Guid id, CancellationToken ct)
    {
        BillingRunSpec? spec;
        lock (_due) _due.TryGetValue(id, out spec);
        if (spec is not null) await runner.RunAsync(spec, ct);
    }
}

public static class BillingCalendar
{
    /// <summary>
    /// The runs due by <paramref name="today"/>: monthly fees from the month after the first account opened, and the
    /// payment requests of every month whose request day has come, oldest first, at most <paramref name="monthsBack"/> months back.
    /// </summary>
    public static IEnumerable<BillingRunSpec> DueRuns(string estateId, DateOnly firstOpened, DateOnly today, FeePolicy policy, int monthsBack)
    {
        var current = BillingPeriod.Of(today);
        var earliest = BillingPeriod.Of(today.AddMonths(-monthsBack));
        var first = BillingPeriod.Of(firstOpened);
        var start = first.CompareTo(earliest) < 0 ? earliest : first;
        for (var period = start; period.CompareTo(current) <= 0; period = period.Next)
        {
            if (period.CompareTo(first) > 0) yield return new BillingRunSpec(estateId, BillingRunKind.MonthlyFees, period);
            var requestDay = new DateOnly(period.Year, period.Month, policy.PaymentRequestDay);
            if (today >= requestDay) yield return new BillingRunSpec(estateId, BillingRunKind.PaymentRequests, period);
        }
    }
}
