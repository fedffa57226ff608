using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.Projections;
using Platform.Fees;
using Platform.Fees.Accounts;
using Platform.Fees.Api;
using Platform.Fees.Billing;
using Platform.Fees.Features;
using Platform.Fees.ReadModel;
using Platform.Fees.Standards;
using Platform.TestSupport;

namespace Platform.Benchmarks;

/// <summary>
/// `billing [--accounts N]`: the Fees service in-process (its own RabbitMQ virtual host, SQLite, or EventStoreDB when
/// EVENTSTORE_CONNECTION names a server) with N accounts in one estate, each with a property fee and a parking space;
/// then the monthly run of the next month, timed, and the same run again (it issues nothing: every charge id is derived).
/// </summary>
public static class BillingCommand
{
    private const string Estate = "estate-bench";

    public static async Task<int> RunAsync(string[] args)
    {
        var accounts = args.Length >= 2 && args[0] == "--accounts" ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero));
        // The watchers' timers stay quiet (45 days, more than the 29 the clock jumps; a timer takes no more than 49), so the run timed is the only one.
        await using var bench = await ServiceBenchmark<AccountCommands>.StartAsync("Fees", time,
            ("Fees:BillingWatcher:Interval", "45.00:00:00"), ("Fees:ArrearsWatcher:Interval", "45.00:00:00"));
        return await MeasureAsync(bench.Services, time, accounts, bench.StoreName);
    }

    private static async Task<int> MeasureAsync(IServiceProvider services, FakeTimeProvider time, int accounts, string storeName)
    {
        Console.WriteLine($"Billing-run benchmark: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {accounts:N0} accounts, store: {storeName}");

        var finance = new Actor("bench", Roles.FinanceClerk);
        var envelope = new CommandEnvelope(finance, "bench");
        var standards = services.GetRequiredService<CommandHandler<FeeStandardState, IFeeStandardCommand>>();
        foreach (var (code, type, rate, unit) in new[] { ("PF-RES", FeeType.PropertyFee, 1.50m, RateUnit.PerSquareMetreMonth), ("PK", FeeType.Parking, 150m, RateUnit.PerSpaceMonth) })
        {
            var id = FeeStreams.StandardId(Estate, code);
            await standards.HandleAsync(FeeStreams.Standards.For(id), new ApproveFeeStandard(id, Estate, code, code, type, rate, unit,
                new DateOnly(2026, 1, 1), null, "PB-BENCH", 4, finance), envelope);
        }

        var handler = services.GetRequiredService<CommandHandler<PayerAccountState, IPayerAccountCommand>>();
        var opening = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, accounts), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var open = new OpenPayerAccount(new UnitAddress(Estate, $"{i / 1000 + 1}", null, $"{i % 1000 + 1:D4}"), PayerKind.Owner, new Payer("业主", null),
                Occupancy.Occupied, 60m + i % 90, 1, "PF-RES", "PK", finance);
            await handler.HandleAsync(FeeStreams.Accounts.For(open.AccountId), open, envelope, ct);
        });
        var projection = services.GetRequiredService<ProjectionRunner<FeesProjection>>();
        await projection.CatchUpWithStoreAsync(TimeSpan.FromMinutes(5));
        Console.WriteLine($"  {accounts:N0} accounts opened and projected in {opening.Elapsed.TotalSeconds:F1} s");

        var runner = services.GetRequiredService<BillingRunner>();
        time.SetUtcNow(new DateTimeOffset(2026, 3, 31, 16, 0, 0, TimeSpan.Zero));
        var spec = new BillingRunSpec(Estate, BillingRunKind.MonthlyFees, new BillingPeriod(2026, 4));
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var run = Stopwatch.StartNew();
        var result = await runner.RunAsync(spec, CancellationToken.None);
        run.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        // Each charge is one event; the run adds its start and completion.
        var events = result.ChargesIssued + 2;
        Console.WriteLine($"  first run:  {run.Elapsed.TotalSeconds,6:F1} s, {result.ChargesIssued:N0} charges ({result.Total:N2} yuan), {events / run.Elapsed.TotalSeconds,8:N0} events/s, " +
                          $"{cpu.TotalMilliseconds / accounts:F2} ms CPU per account, {result.Skipped.Count} skipped");

        var repeat = Stopwatch.StartNew();
        var again = await runner.RunAsync(spec, CancellationToken.None);
        repeat.Stop();
        Console.WriteLine($"  same run again: {repeat.Elapsed.TotalSeconds,6:F1} s, {again.ChargesIssued:N0} charges issued (every one already there)");

        await projection.CatchUpWithStoreAsync(TimeSpan.FromMinutes(5));
        var issued = 0;
        await foreach (var e in services.GetRequiredService<IEventStore>().ReadAllAsync(null, "fees.payer-account-", int.MaxValue))
            if (e.EventType == "ChargeIssued.v1") issued++;
        Console.WriteLine($"  charges in the store: {issued:N0} (expected {accounts * 2:N0})");
        return issued == accounts * 2 ? 0 : 1;
    }
}
