using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.TestSupport;

namespace Platform.Benchmarks;

/// <summary>
/// Complaint registrations per second through the gateway and against the Complaints service directly,
/// on a platform started by run.sh (the Release build must exist: run the README's test command or
/// `dotnet build -c Release` first). The ratio is what the gateway costs.
/// </summary>
public static class GatewayCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var total = quick ? 300 : 3000;
        const int concurrency = 16;

        // The per-client rate limit would measure itself, not the gateway: lift it for this run.
        var platform = PlatformProcess.WithEnvironment(new Dictionary<string, string> { ["RateLimiting__PermitLimit"] = "1000000" });
        try
        {
            await platform.InitializeAsync();
            await RunAgainstAsync(platform, total, concurrency, quick);
        }
        finally
        {
            await platform.DisposeAsync();
        }
        return 0;
    }

    private static async Task RunAgainstAsync(PlatformProcess platform, int total, int concurrency, bool quick)
    {
        var gateway = new Uri($"http://127.0.0.1:{platform.GatewayPort}");
        var direct = new Uri($"http://127.0.0.1:{platform.ComplaintsPort}");
        using var tokenClient = new HttpClient { BaseAddress = gateway };
        var tokenResponse = await tokenClient.PostAsJsonAsync("/dev/tokens",
            new { subject = "bench", name = "bench", roles = new[] { "call-centre-agent" }, estates = new[] { "estate-bench" } });
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();

        await MeasureAsync(direct, token, quick ? 50 : 300, concurrency); // warm-up of both paths
        await MeasureAsync(gateway, token, quick ? 50 : 300, concurrency);
        var viaGateway = await MeasureAsync(gateway, token, total, concurrency);
        var viaService = await MeasureAsync(direct, token, total, concurrency);

        Console.WriteLine($"Complaint registrations (POST /api/v1/complaints), {total} requests, {concurrency} concurrent clients");
        Console.WriteLine($"{"path",-10} {"req/s",10} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8}");
        Print("gateway", viaGateway);
        Print("direct", viaService);
        Console.WriteLine($"gateway / direct throughput ratio: {viaGateway.PerSecond / viaService.PerSecond:F2}");
    }

    private sealed record Result(double PerSecond, double P50, double P95, double P99);

    private static void Print(string name, Result r) =>
        Console.WriteLine($"{name,-10} {r.PerSecond,10:F0} {r.P50,8:F1} {r.P95,8:F1} {r.P99,8:F1}");

    private static async Task<Result> MeasureAsync(Uri baseAddress, string token, int total, int concurrency)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var latencies = new double[total];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < total)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.PostAsJsonAsync("/api/v1/complaints", new
                {
                    estateId = "estate-bench",
                    unit = new { building = "3", entrance = "2", room = $"{i % 30 + 1}01" },
                    reporter = new { name = "张三", phone = "13800138000", kind = "owner" },
                    channel = "hotline",
                    content = "Water leaking from the ceiling",
                    category = "water-electricity",
                });
                if ((int)response.StatusCode != 201)
                    throw new InvalidOperationException($"{baseAddress}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        return new Result(total / seconds, latencies[total / 2], latencies[(int)(total * 0.95)], latencies[(int)(total * 0.99)]);
    }
}
