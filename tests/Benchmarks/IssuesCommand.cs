using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.EventStore;
using Platform.Inventory;
using Platform.Inventory.Api;
using Platform.Inventory.Features;
using Platform.Inventory.Items;
using Platform.Inventory.Requisitions;
using Platform.Inventory.Stores;
using Platform.TestSupport;

namespace Platform.Benchmarks;

/// <summary>
/// `issues [--issues N]`: the Inventory service in-process (its own RabbitMQ virtual host, SQLite, or EventStoreDB when
/// EVENTSTORE_CONNECTION names a server), one site store holding three quarters of N mops, and N signed requisitions of
/// one mop each; then 16 store keepers issue them all at once through the HTTP API. Every issue must answer 200 or
/// "insufficient stock", the accepted ones must equal the stock, and the book must end at zero, never below.
/// </summary>
public static class IssuesCommand
{
    private const int Keepers = 16;

    public static async Task<int> RunAsync(string[] args)
    {
        var issues = args.Length >= 2 && args[0] == "--issues" ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2_000;
        await using var bench = await ServiceBenchmark<ItemCommands>.StartAsync("Inventory", new FakeTimeProvider(new DateTimeOffset(2026, 3, 31, 2, 0, 0, TimeSpan.Zero)));
        return await MeasureAsync(bench.Host, issues, bench.StoreName);
    }

    private static async Task<int> MeasureAsync(ServiceHost<ItemCommands> host, int issues, string storeName)
    {
        var stock = issues * 3 / 4;
        Console.WriteLine($"Hot-item issue benchmark: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {issues:N0} requisitions of 1 against {stock:N0} on hand, " +
                          $"{Keepers} keepers, store: {storeName}");
        var services = host.Services;
        var site = await SetUpAsync(services, stock);
        var requisitions = await SignedRequisitionsAsync(services, site, issues);

        var latencies = new ConcurrentBag<double>();
        var answers = new ConcurrentDictionary<int, int>();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(requisitions.Select((id, i) => (id, i)), new ParallelOptions { MaxDegreeOfParallelism = Keepers }, async (r, ct) =>
        {
            var token = host.Token($"keeper-{r.i % Keepers}", Roles.StoreKeeper, "estate-bench");
            var started = Stopwatch.GetTimestamp();
            var answer = await host.Api.PostAsync($"{InventoryService.RoutePrefix}/stores/{site.Id}/issues", token, new { requisitionId = r.id }, idempotencyKey: $"issue-{r.id}");
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            var kind = answer.Status == 200 ? 200 : answer.ProblemType?.EndsWith("/insufficient-stock") == true ? 409 : -answer.Status;
            answers.AddOrUpdate(kind, 1, (_, n) => n + 1);
        });
        clock.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;

        var sorted = latencies.Order().ToArray();
        var accepted = answers.GetValueOrDefault(200);
        var refused = answers.GetValueOrDefault(409);
        var other = answers.Where(a => a.Key is not (200 or 409)).Sum(a => a.Value);
        Console.WriteLine($"  {issues:N0} issues in {clock.Elapsed.TotalSeconds:F1} s: {issues / clock.Elapsed.TotalSeconds:N0} issues/s, p50 {ServiceBenchmark<ItemCommands>.Percentile(sorted, 0.50):F1} ms, " +
                          $"p99 {ServiceBenchmark<ItemCommands>.Percentile(sorted, 0.99):F1} ms, {cpu.TotalMilliseconds / issues:F2} ms CPU each");
        Console.WriteLine($"  accepted {accepted:N0}, refused for short stock {refused:N0}, anything else {other:N0}");

        var (balance, lowest, entries) = await LedgerAsync(services, site.Id);
        Console.WriteLine($"  book now {balance}, lowest balance after any entry {lowest}, {entries:N0} issue entries in the store");
        return accepted == stock && refused == issues - stock && other == 0 && balance == 0 && lowest >= 0 && entries == stock ? 0 : 1;
    }

    private static async Task<StoreState> SetUpAsync(IServiceProvider services, int stock)
    {
        var planner = new Actor("planner", Roles.MaterialsPlanner);
        var keeper = new Actor("keeper", Roles.StoreKeeper);
        var envelope = new CommandEnvelope(planner, "bench");
        var stores = services.GetRequiredService<CommandHandler<StoreState, IStoreCommand>>();
        var items = services.GetRequiredService<CommandHandler<ItemState, IItemCommand>>();
        var mop = InventoryStreams.ItemId("MOP");
        var item = (await items.HandleAsync(InventoryStreams.Items.For(mop), new RegisterItem(mop, "MOP", "Mop", ItemCategory.CleaningSupplies, "piece", 12.5m, false, null, null, planner), envelope)
            as CommandOutcome<ItemState>.Done)!.State;
        StoreState? parent = null;
        foreach (var (code, tier) in new[] { ("PROD", StoreTier.ProductionStore), ("BD", StoreTier.BusinessDepartment), ("SITE", StoreTier.Site) })
        {
            var id = InventoryStreams.StoreId(code);
            var open = new OpenStore(id, code, code, tier, parent?.Id, parent ?? StoreState.Initial, tier == StoreTier.Site ? "estate-bench" : null, false, planner);
            parent = (await stores.HandleAsync(InventoryStreams.Stores.For(id), open, envelope) as CommandOutcome<StoreState>.Done)!.State;
        }
        var receive = new ReceiveGoods(parent!.Id, item, stock, null, "DN-BENCH", "Clean Co", null, Platform.Inventory.Replenishments.ReplenishmentState.Initial, null, null, keeper);
        return (await stores.HandleAsync(InventoryStreams.Stores.For(parent.Id), receive, envelope) as CommandOutcome<StoreState>.Done)!.State;
    }

    private static async Task<IReadOnlyList<Guid>> SignedRequisitionsAsync(IServiceProvider services, StoreState site, int count)
    {
        var requisitions = services.GetRequiredService<CommandHandler<RequisitionState, IRequisitionCommand>>();
        var catalogue = new Dictionary<string, ItemState> { ["MOP"] = (await services.GetRequiredService<ItemCommands>().FindAsync("MOP", default)) };
        var ids = Enumerable.Range(0, count).Select(_ => Guid.CreateVersion7()).ToList();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = Keepers }, async (id, ct) =>
        {
            var requester = new Actor($"tech-{id:N}", Roles.Technician);
            var stream = InventoryStreams.Requisitions.For(id);
            var envelope = new CommandEnvelope(requester, "bench");
            await requisitions.HandleAsync(stream, new DraftRequisition(id, site, requester.Id, "Bench", null, null, [new RequisitionLine("MOP", 1, "piece")], catalogue, requester), envelope, ct);
            await requisitions.HandleAsync(stream, new SignRequisition(id, SignatureTier.Requester, requester), envelope, ct);
            await requisitions.HandleAsync(stream, new SignRequisition(id, SignatureTier.TeamLeader, new Actor("lead", Roles.TeamLeader)), envelope, ct);
            await requisitions.HandleAsync(stream, new SignRequisition(id, SignatureTier.Manager, new Actor("mgr", Roles.DepartmentManager)), envelope, ct);
        });
        return ids;
    }

    /// <summary>The book as the ledger's entries tell it, and the lowest balance any entry left.</summary>
    private static async Task<(decimal Balance, decimal Lowest, int Issues)> LedgerAsync(IServiceProvider services, Guid storeId)
    {
        var types = services.GetRequiredService<EventTypeMap>();
        decimal lowest = decimal.MaxValue, balance = 0;
        var entries = 0;
        await foreach (var recorded in services.GetRequiredService<IEventStore>().ReadStreamAsync(InventoryStreams.Stores.For(storeId), 0))
        {
            switch (types.Deserialize(recorded.EventType, recorded.Data))
            {
                case GoodsReceived e: balance += e.Quantity; break;
                case GoodsIssued e:
                    balance -= e.Lines.Sum(l => l.Quantity);
                    entries++;
                    break;
                default: continue;
            }
            lowest = Math.Min(lowest, balance);
        }
        return (balance, lowest, entries);
    }
}
