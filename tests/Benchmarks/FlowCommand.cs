using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.BuildingBlocks.EventSourcing;
using Platform.TestSupport;

namespace Platform.Benchmarks;

/// <summary>
/// Latency of flow F1 across the broker on a platform started by run.sh (the Release build must exist): from the HTTP
/// answer to a complaint's transfer needing work, to its work order being readable through the gateway. That covers
/// the Complaints outbox, RabbitMQ, the Work orders consumer and its store. Each flow polls its order every 2 ms.
/// </summary>
public static class FlowCommand
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(2);

    public static async Task<int> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var total = quick ? 50 : 300;
        const int concurrency = 8;

        var platform = new PlatformProcess { Environment = { ["RateLimiting__PermitLimit"] = "1000000" } };
        try
        {
            await platform.InitializeAsync();
            using var http = new HttpClient { BaseAddress = platform.Gateway, Timeout = TimeSpan.FromSeconds(60) };
            var tokenResponse = await http.PostAsJsonAsync("/dev/tokens",
                new { subject = "bench", name = "bench", roles = new[] { "call-centre-agent" }, estates = new[] { "estate-bench" } });
            var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

            await MeasureAsync(http, quick ? 10 : 30, concurrency); // warm-up
            var latencies = await MeasureAsync(http, total, concurrency);

            Console.WriteLine($"Complaint transfer (2xx) -> linked work order readable through the gateway, {total} flows, {concurrency} concurrent");
            Console.WriteLine($"{"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8}");
            Console.WriteLine($"{latencies[total / 2],8:F1} {latencies[(int)(total * 0.95)],8:F1} {latencies[(int)(total * 0.99)],8:F1} {latencies[^1],8:F1}");
        }
        finally
        {
            await platform.DisposeAsync();
        }
        return 0;
    }

    private static async Task<double[]> MeasureAsync(HttpClient http, int total, int concurrency)
    {
        var latencies = new double[total];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < total)
                latencies[i] = await OneFlowAsync(http, i);
        }));
        Array.Sort(latencies);
        return latencies;
    }

    private static async Task<double> OneFlowAsync(HttpClient http, int i)
    {
        using var registered = await http.PostAsJsonAsync("/api/v1/complaints", new
        {
            estateId = "estate-bench",
            unit = new { building = "3", entrance = "2", room = $"{i % 30 + 1}01" },
            reporter = new { name = "张三", phone = "13800138000", kind = "owner" },
            channel = "hotline",
            content = "Water leaking from the ceiling",
            category = "water-electricity",
        });
        Require(registered, 201);
        var complaintId = (await registered.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();

        using var transferred = await http.PostAsJsonAsync($"/api/v1/complaints/{complaintId}/transfer",
            new { department = "engineering", needsWork = true, workDescription = "Burst pipe above the ceiling" });
        Require(transferred, 200);
        var started = Stopwatch.GetTimestamp();

        // The order's id is derived from the complaint's (decisions/work-orders-domain.md), so it can be asked for at once.
        var workOrderId = DeterministicId.Create("work-order-for-complaint", complaintId);
        var deadline = started + Stopwatch.Frequency * 60;
        while (true)
        {
            using var read = await http.GetAsync($"/api/v1/work-orders/{workOrderId}");
            if ((int)read.StatusCode == 200) return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if ((int)read.StatusCode != 404) Require(read, 200);
            if (Stopwatch.GetTimestamp() > deadline) throw new TimeoutException($"Work order {workOrderId} did not appear within 60 s.");
            await Task.Delay(PollInterval);
        }
    }

    private static void Require(HttpResponseMessage response, int status)
    {
        if ((int)response.StatusCode != status)
            throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode}");
    }
}
