using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.TestSupport;
using Xunit;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// A real Prometheus (the Debian package) scrapes every instance of the platform as run.sh starts it, and its query
/// API answers for the command rate and for the outbox's publishing after a complaint registered through the gateway.
/// </summary>
public sealed class PrometheusScrapesThePlatformTests(PlatformProcess platform) : IClassFixture<PlatformProcess>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly ApiClient _api = new(new HttpClient { BaseAddress = platform.Gateway, Timeout = TimeSpan.FromSeconds(60) });

    [SkippableFact]
    public async Task A_real_Prometheus_scrapes_every_instance_and_answers_for_the_command_rate_and_outbox_publishing()
    {
        Skip.If(!File.Exists("/usr/bin/prometheus"), "Prometheus is not installed (the Debian package prometheus; test.sh installs it)");
        using var data = new TempDirectory("prometheus");
        var port = PlatformProcess.FreePort();
        var targets = platform.InstancePorts.Values.SelectMany(p => p).Append(platform.GatewayPort).Select(p => $"'127.0.0.1:{p}'");
        var config = Path.Combine(data.Path, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
            scrape_configs:
              - job_name: platform
                static_configs:
                  - targets: [{string.Join(", ", targets)}]
            """);
        using var prometheus = Process.Start(new ProcessStartInfo("/usr/bin/prometheus",
            [$"--config.file={config}", $"--storage.tsdb.path={Path.Combine(data.Path, "tsdb")}", $"--web.listen-address=127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        try
        {
            var token = await TokenAsync();
            var registered = await _api.PostAsync("/api/v1/complaints", token, new
            {
                estateId = "estate-1", unit = new { building = "3", entrance = "1", room = "201" }, reporter = new { name = "周七", phone = "13800138000", kind = "owner" },
                channel = "hotline", content = "Corridor light out", category = "water-electricity",
            }, idempotencyKey: Guid.NewGuid().ToString());
            Assert.Equal(201, registered.Status);

            using var query = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await Eventually.UntilAsync(async () => await ValueAsync(query, "count(up == 1)") == targets.Count(), Patience,
                "Prometheus should scrape every instance and the gateway");
            await Eventually.UntilAsync(async () => await ValueAsync(query, """sum(platform_commands_total{command="RegisterComplaint",outcome="accepted"})""") >= 1,
                Patience, "the accepted registration should be counted");
            await Eventually.UntilAsync(async () => await ValueAsync(query, "sum(platform_outbox_published_total)") >= 1, Patience,
                "the outbox's publishing should be counted");
            // A rate needs two samples of a series: a few scrapes after the first.
            await Eventually.UntilAsync(async () => await ValueAsync(query, "sum(rate(platform_commands_total[1m]))") is not null, Patience,
                "the command rate should answer");
        }
        finally
        {
            prometheus.Kill(entireProcessTree: true);
            await prometheus.WaitForExitAsync();
        }
    }

    /// <summary>The first sample of an instant query, or null while there is none (or Prometheus is not up yet).</summary>
    private static async Task<double?> ValueAsync(HttpClient prometheus, string expression)
    {
        try
        {
            var answer = await prometheus.GetFromJsonAsync<JsonObject>($"/api/v1/query?query={Uri.EscapeDataString(expression)}");
            var result = answer?["data"]?["result"]?.AsArray();
            return result is { Count: > 0 } ? double.Parse(result[0]!["value"]![1]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private async Task<string> TokenAsync()
    {
        var response = await _api.Http.PostAsJsonAsync("/dev/tokens", new { subject = "agent-prom", name = "agent", roles = new[] { "call-centre-agent" }, estates = new[] { "estate-1" } });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
    }
}
