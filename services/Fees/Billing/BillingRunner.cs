using System.Collections.Concurrent;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Projections;
using Platform.BuildingBlocks.ReadModels;
using Platform.Fees.Accounts;
using Platform.Fees.Api;
using Platform.Fees.Features;
using Platform.Fees.ReadModel;
using Platform.Fees.Standards;

namespace Platform.Fees.Billing;

/// <summary>A run to do: an estate, a kind and a month.</summary>
public sealed record BillingRunSpec(string EstateId, BillingRunKind Kind, BillingPeriod Period)
{
    public Guid RunId => FeeStreams.BillingRunId(EstateId, Kind, Period);
}

public sealed record BillingRunResult(int Accounts, int ChargesIssued, decimal Total, IReadOnlyList<SkippedAccount> Skipped);

/// <summary>
/// Runs one billing run over the accounts of an estate, as the read model lists them once it has caught up with the store:
/// <list type="bullet">
/// <item>monthly fees: the property fee (standard × floor area) and parking (standard × spaces) of every account opened
/// before the month began, due on the month's last day (decision 8);</item>
/// <item>payment requests: every account with service charges waiting, on the 15th (001:277).</item>
/// </list>
/// Every charge and request id follows from account and month, so a run repeated after a crash, a second replica, or the
/// 15th run twice, issues nothing twice. Accounts are billed a few at a time.
/// </summary>
public sealed class BillingRunner(
    CommandHandler<BillingRunState, IBillingRunCommand> runs,
    CommandHandler<PayerAccountState, IPayerAccountCommand> accounts,
    StandardCommands standards,
    FeePolicies policies,
    ReadModelDatabase database,
    ProjectionRunner<FeesProjection> projection,
    ILogger<BillingRunner> logger)
{
    private const int Parallelism = 8;
    private const int PageSize = 500;
    private static readonly TimeSpan CatchUpWithin = TimeSpan.FromSeconds(30);

    public async Task<BillingRunResult> RunAsync(BillingRunSpec spec, CancellationToken ct)
    {
        if (!await projection.CatchUpWithStoreAsync(CatchUpWithin, ct))
            throw new TimeoutException("The read model did not catch up with the store; the billing run waits for the next pass.");

        var envelope = new CommandEnvelope(Actor.System, CorrelationId: $"billing-run:{spec.RunId}");
        await runs.HandleAsync(FeeStreams.BillingRuns.For(spec.RunId), new StartBillingRun(spec.RunId, spec.EstateId, spec.Kind, spec.Period), envelope, ct);

        var policy = policies.For(spec.EstateId);
        var standardCache = new ConcurrentDictionary<string, Task<FeeStandardState>>(StringComparer.Ordinal);
        Task<FeeStandardState> StandardOf(string code) => standardCache.GetOrAdd(code, c => standards.FindAsync(spec.EstateId, c, ct));

        var skipped = new ConcurrentBag<SkippedAccount>();
        var issued = 0;
        long totalFen = 0;
        var seen = 0;
        string after = "";
        while (true)
        {
            var page = spec.Kind == BillingRunKind.MonthlyFees
                ? AccountsToBill(spec.EstateId, FeeRules.StartOfDay(spec.Period.FirstDay, policy.TimeZone), after)
                : AccountsAwaitingRequest(spec.EstateId, after);
            if (page.Count == 0) break;
            after = page[^1].AccountId.ToString();
            seen += page.Count;

            await Parallel.ForEachAsync(page, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct }, async (account, token) =>
            {
                foreach (var command in await CommandsFor(spec, account, policy, StandardOf))
                {
                    var outcome = await accounts.HandleAsync(FeeStreams.Accounts.For(account.AccountId), command, envelope, token);
                    switch (outcome)
                    {
                        case CommandOutcome<PayerAccountState>.Rejected rejected:
                            skipped.Add(new SkippedAccount(account.AccountId, $"{rejected.Rejection.Code}: {rejected.Rejection.Detail}"));
                            break;
                        case CommandOutcome<PayerAccountState>.Done { Appended: true } done:
                            Interlocked.Increment(ref issued);
                            Interlocked.Add(ref totalFen, Yuan.ToFen(AmountOf(command, done.State)));
                            break;
                    }
                }
            });
        }

        var result = new BillingRunResult(seen, issued, Yuan.FromFen(totalFen), skipped.OrderBy(s => s.AccountId).ToList());
        await runs.HandleAsync(FeeStreams.BillingRuns.For(spec.RunId),
            new CompleteBillingRun(spec.RunId, result.Accounts, result.ChargesIssued, result.Total, result.Skipped), envelope, ct);
        logger.LogInformation("Billing run {Kind} {Period} of {Estate}: {Accounts} accounts, {Issued} issued, {Total} yuan, {Skipped} skipped",
            spec.Kind, spec.Period, spec.EstateId, result.Accounts, result.ChargesIssued, result.Total, result.Skipped.Count);
        return result;
    }

    /// <summary>A charge's amount; a payment request adds no money of its own.</summary>
    private static decimal AmountOf(IPayerAccountCommand command, PayerAccountState state) =>
        command is IssueCharge c ? state.ChargeOf(c.ChargeId)?.Amount ?? 0 : 0;

    private static async Task<IReadOnlyList<IPayerAccountCommand>> CommandsFor(
        BillingRunSpec spec, AccountToBill account, FeePolicy policy, Func<string, Task<FeeStandardState>> standardOf)
    {
        if (spec.Kind == BillingRunKind.PaymentRequests)
            return [new IssuePaymentRequest(account.AccountId, DeterministicId.Create("payment-request", account.AccountId.ToString(), spec.Period.ToString()), spec.Period, policy, Actor.System)];

        var commands = new List<IPayerAccountCommand>();
        if (account.PropertyFeeStandard is { } property)
            commands.Add(Monthly(spec, account, FeeType.PropertyFee, property, await standardOf(property), account.FloorArea, policy));
        if (account.ParkingFeeStandard is { } parking)
            commands.Add(Monthly(spec, account, FeeType.Parking, parking, await standardOf(parking), account.ParkingSpaces, policy));
        return commands;
    }

    private static IssueCharge Monthly(BillingRunSpec spec, AccountToBill account, FeeType type, string code, FeeStandardState standard, decimal quantity, FeePolicy policy) =>
        new(account.AccountId,
            DeterministicId.Create("monthly-charge", account.AccountId.ToString(), BuildingBlocks.EventSourcing.WireName.Of(type), spec.Period.ToString()),
            code, standard, null, quantity, null, spec.Period, spec.Period.FirstDay, spec.Period.LastDay, $"billing-run:{spec.RunId}", policy, Actor.System);

    private sealed record AccountToBill(Guid AccountId, string? PropertyFeeStandard, string? ParkingFeeStandard, decimal FloorArea, int ParkingSpaces);

    /// <summary>Accounts opened before the month began (an account is billed from the month after it opens), after the cursor.</summary>
    private List<AccountToBill> AccountsToBill(string estateId, DateTimeOffset monthStart, string after) => Query("""
        SELECT account_id, property_fee_standard, parking_fee_standard, floor_area, parking_spaces FROM fee_accounts
        WHERE estate_id = $estate AND opened_at < $start AND account_id > $after
          AND (property_fee_standard IS NOT NULL OR parking_fee_standard IS NOT NULL)
        ORDER BY account_id LIMIT $take;
        """, estateId, after, ("$start", SqlValues.Instant(monthStart)));

    private List<AccountToBill> AccountsAwaitingRequest(string estateId, string after) => Query("""
        SELECT DISTINCT a.account_id, NULL, NULL, '0', 0 FROM fee_accounts a JOIN fee_charges c ON c.account_id = a.account_id
        WHERE a.estate_id = $estate AND c.due_on IS NULL AND c.reversed = 0 AND a.account_id > $after
        ORDER BY a.account_id LIMIT $take;
        """, estateId, after);

    private List<AccountToBill> Query(string sql, string estateId, string after, params (string Name, object Value)[] extra)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$estate", estateId);
        foreach (var (name, value) in extra) command.Parameters.AddWithValue(name, value);
        command.Parameters.AddWithValue("$after", after);
        command.Parameters.AddWithValue("$take", PageSize);
        var rows = new List<AccountToBill>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
            rows.Add(new AccountToBill(
                Guid.Parse(reader.GetString(0)),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                decimal.Parse(reader.GetString(3), System.Globalization.CultureInfo.InvariantCulture),
                reader.GetInt32(4)));
        return rows;
    }
}
