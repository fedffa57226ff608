using System.Globalization;
using System.Text.RegularExpressions;
using static Platform.FireSafety.Api.Tests.FireSafetyApi;

namespace Platform.FireSafety.Api.Tests;

/// <summary>
/// <c>/metrics</c> in Prometheus format: command outcomes per command type, projections caught up, HTTP by route. The
/// meter is one per process and test classes run side by side, so each check is of a count that grew.
/// </summary>
public sealed partial class MetricsTests() : FireSafetyApiTests(StoreUnderTest.Sqlite)
{
    private async Task<string> ScrapeAsync()
    {
        var answer = await Service.Api.Http.GetAsync("/metrics");
        Assert.Equal("text/plain", answer.Content.Headers.ContentType?.MediaType);
        return await answer.Content.ReadAsStringAsync();
    }

    /// <summary>The sum of the samples of <paramref name="metric"/> whose labels include all of <paramref name="labels"/>.</summary>
    private static double Value(string scrape, string metric, params string[] labels) =>
        Sample().Matches(scrape)
            .Where(m => m.Groups[1].Value == metric && labels.All(l => m.Groups[2].Value.Split(',').Contains(l)))
            .Sum(m => double.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture));

    [Fact]
    public async Task Commands_are_counted_per_type_and_outcome_with_the_rule_that_refused_them()
    {
        string[] accepted = ["command=\"ReportHazard\"", "outcome=\"accepted\""];
        string[] refused = ["command=\"OrderRectification\"", "outcome=\"rejected\"", "reason=\"deadline-required\""];
        var before = await ScrapeAsync();
        var hazard = await Service.CreateAsync($"{Fire}/hazards", Service.Officer, new { estateId = Estate, location = "B1", description = "Door wedged", source = "patrol" });
        await Service.Api.PostAsync($"{hazard}/rectification-order", Service.Officer, new { responsibleUnit = "Engineering" });

        // The exporter answers a scrape from its cache for a moment: poll until the counts show.
        await Eventually.UntilAsync(async () =>
        {
            var after = await ScrapeAsync();
            return Value(after, "platform_commands_total", accepted) >= Value(before, "platform_commands_total", accepted) + 1
                && Value(after, "platform_commands_total", refused) >= Value(before, "platform_commands_total", refused) + 1;
        }, TimeSpan.FromSeconds(30), "the accepted and the refused command should be counted");
    }

    [Fact]
    public async Task A_projection_that_caught_up_says_so_and_requests_are_counted_by_route()
    {
        await Service.CatchUpAsync();
        await Eventually.UntilAsync(async () =>
        {
            var scrape = await ScrapeAsync();
            return Value(scrape, "platform_projection_caught_up", "projection=\"firesafety.register\"") >= 1
                && scrape.Contains("http_server_request_duration_seconds_count{", StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(30), "the caught-up projection and the requests should be exported");
    }

    [GeneratedRegex(@"^([a-z_]+)\{([^}]*)\} ([0-9.eE+-]+)", RegexOptions.Multiline)]
    private static partial Regex Sample();
}
