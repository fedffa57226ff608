using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.EventStore;
using Platform.FireSafety;
using Platform.FireSafety.Alarms;
using Platform.FireSafety.Api;
using Platform.FireSafety.Equipment;
using Platform.FireSafety.Features;
using Platform.TestSupport;

namespace Platform.Benchmarks;

/// <summary>
/// `alarms [--signals N]`: the Fire-safety service in-process with 20 registered detectors; then N fire-alarm CloudEvents
/// (one in ten a fault, one in ten a repeat of an earlier CloudEvent, as a sidecar redelivers) posted by 16 sidecars at once
/// to the Dapr route. Every one must answer SUCCESS, and the store must hold one incident per distinct alarm and one
/// fault per distinct fault signal.
/// </summary>
public static class AlarmsCommand
{
    private const int Sidecars = 16;
    private const int Devices = 20;
    private const string Token = "bench-sidecar";

    public static async Task<int> RunAsync(string[] args)
    {
        var signals = args.Length >= 2 && args[0] == "--signals" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        await using var bench = await ServiceBenchmark<HazardCommands>.StartAsync("FireSafety", new FakeTimeProvider(new DateTimeOffset(2026, 6, 10, 0, 0, 0, TimeSpan.Zero)),
            ("FireSafety:Dapr:AppApiToken", Token));
        Console.WriteLine($"Fire-alarm signal benchmark: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {signals:N0} CloudEvents from {Devices} devices, " +
                          $"{Sidecars} sidecars, store: {bench.StoreName}");
        var devices = await RegisterDevicesAsync(bench.Services);
        var deliveries = Deliveries(signals, devices);
        var sidecar = new DaprSidecar(bench.Host.Api.Http, "fire-safety-pubsub", "fire-alarms", "/dapr/fire-alarms", Token);

        var latencies = new ConcurrentBag<double>();
        var outcomes = new ConcurrentDictionary<string, int>();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(deliveries, new ParallelOptions { MaxDegreeOfParallelism = Sidecars }, async (d, _) =>
        {
            var started = Stopwatch.GetTimestamp();
            var (status, outcome) = await sidecar.DeliverAsync(d.Id, new { deviceId = d.Device, signal = d.Signal, occurredAt = DateTimeOffset.UnixEpoch, detail = "bench" });
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            outcomes.AddOrUpdate(outcome ?? $"HTTP {status}", 1, (_, n) => n + 1);
        });
        clock.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;

        var sorted = latencies.Order().ToArray();
        var (incidents, faults) = await StoredAsync(bench.Services);
        var distinctAlarms = deliveries.Where(d => d.Signal == "alarm").Select(d => d.Id).Distinct().Count();
        var distinctFaults = deliveries.Where(d => d.Signal == "fault").Select(d => d.Id).Distinct().Count();
        Console.WriteLine($"  {signals:N0} signals in {clock.Elapsed.TotalSeconds:F1} s: {signals / clock.Elapsed.TotalSeconds:N0} signals/s, " +
                          $"p50 {ServiceBenchmark<HazardCommands>.Percentile(sorted, 0.50):F1} ms, p99 {ServiceBenchmark<HazardCommands>.Percentile(sorted, 0.99):F1} ms, " +
                          $"{cpu.TotalMilliseconds / signals:F2} ms CPU each");
        Console.WriteLine($"  answers: {string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} {o.Value:N0}"))}");
        Console.WriteLine($"  stored {incidents:N0} incidents for {distinctAlarms:N0} distinct alarms, {faults:N0} faults for {distinctFaults:N0} distinct fault signals");
        return outcomes.Keys.All(k => k == "SUCCESS") && incidents == distinctAlarms && faults == distinctFaults ? 0 : 1;
    }

    private static async Task<IReadOnlyList<string>> RegisterDevicesAsync(IServiceProvider services)
    {
        var officer = new Actor("bench-officer", Roles.FireSafetyOfficer);
        var envelope = new CommandEnvelope(officer, "bench");
        var equipment = services.GetRequiredService<CommandHandler<EquipmentState, IEquipmentCommand>>();
        var devices = services.GetRequiredService<CommandHandler<AlarmDeviceState, IAlarmDeviceCommand>>();
        var zone = services.GetRequiredService<FirePolicy>().Zone;
        var ids = new List<string>();
        for (var i = 1; i <= Devices; i++)
        {
            var code = $"SD-{i:D2}";
            var id = FireStreams.EquipmentId("estate-bench", code);
            var item = (await equipment.HandleAsync(FireStreams.Equipment.For(id), new RegisterEquipment(id, "estate-bench", code, EquipmentType.SmokeDetector, null,
                $"Floor {i}", "Zhao", false, "SITE", "SD", zone, officer), envelope) as CommandOutcome<EquipmentState>.Done)!.State;
            var deviceId = $"panel-1/loop-1/{code}";
            var key = RegisterAlarmDevice.KeyOf(deviceId);
            await devices.HandleAsync(FireStreams.AlarmDevices.For(key), new RegisterAlarmDevice(key, deviceId, item, officer), envelope);
            ids.Add(deviceId);
        }
        return ids;
    }

    /// <summary>Nine in ten new CloudEvents, one in ten a repeat of an earlier one; one in ten new ones a fault. Seeded, so every run sends the same.</summary>
    private static IReadOnlyList<(string Id, string Device, string Signal)> Deliveries(int count, IReadOnlyList<string> devices)
    {
        var random = new Random(20261201);
        var sent = new List<(string Id, string Device, string Signal)>(count);
        for (var i = 0; i < count; i++)
            sent.Add(i % 10 == 9 && i > 0
                ? sent[random.Next(sent.Count)]
                : ($"signal-{i}", devices[random.Next(devices.Count)], random.Next(10) == 0 ? "fault" : "alarm"));
        return sent;
    }

    private static async Task<(int Incidents, int Faults)> StoredAsync(IServiceProvider services)
    {
        var (incidents, faults) = (0, 0);
        await foreach (var e in services.GetRequiredService<IEventStore>().ReadAllAsync(null, "firesafety.", int.MaxValue))
        {
            if (e.EventType == "IncidentReported.v1") incidents++;
            if (e.EventType == "EquipmentFaultSignalled.v1") faults++;
        }
        return (incidents, faults);
    }
}
