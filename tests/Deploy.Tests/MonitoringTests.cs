using System.Text.Json.Nodes;
using Platform.TestSupport;
using YamlDotNet.Serialization;

namespace Platform.Deploy.Tests;

/// <summary>The alert rules and the dashboard: each query parses (promtool), and the rules cover each failure mode of the platform.</summary>
public class MonitoringTests
{
    private static string Folder => Path.Combine(Manifests.DeployFolder, "k8s", "monitoring");

    private static string? PromtoolMissing => Manifests.OnPath("promtool") ? null : "promtool is not installed (the Debian package prometheus; test.sh installs it)";

    private static List<Dictionary<object, object>> RuleGroups()
    {
        var rule = new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(File.ReadAllText(Path.Combine(Folder, "prometheus-rules.yaml")));
        Assert.Equal(("monitoring.coreos.com/v1", "PrometheusRule"), ((string)rule["apiVersion"], (string)rule["kind"]));
        return ((List<object>)((Dictionary<object, object>)rule["spec"])["groups"]).Cast<Dictionary<object, object>>().ToList();
    }

    /// <summary>Runs <c>promtool check rules</c> on groups written as a plain Prometheus rules file.</summary>
    private static void CheckRules(object groups)
    {
        using var folder = new TempDirectory("promtool");
        var file = Path.Combine(folder.Path, "rules.yaml");
        File.WriteAllText(file, new SerializerBuilder().Build().Serialize(new Dictionary<string, object> { ["groups"] = groups }));
        Assert.Contains("SUCCESS", Manifests.Run("promtool", ["check", "rules", file], null));
    }

    [SkippableFact]
    public void The_alert_rules_pass_promtool()
    {
        Skip.If(PromtoolMissing is not null, PromtoolMissing);
        CheckRules(RuleGroups());
    }

    [Fact]
    public void There_is_an_alert_for_each_failure_mode_of_the_platform()
    {
        var alerts = RuleGroups().SelectMany(g => (List<object>)g["rules"]).Cast<Dictionary<object, object>>().Select(r => (string)r["alert"]).ToList();
        Assert.Superset(new HashSet<string>
        {
            "PlatformProjectionStalled", "PlatformOutboxParkedEvents", "PlatformWatcherParkedItems", "PlatformOutboxNotPublishing", "PlatformErrorQueueNotEmpty",
            "PlatformReadinessFlapping",
        }, alerts.ToHashSet());
    }

    [SkippableFact]
    public void Every_dashboard_query_parses()
    {
        Skip.If(PromtoolMissing is not null, PromtoolMissing);
        var dashboard = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "grafana-dashboard.json")))!;
        var expressions = dashboard["panels"]!.AsArray().SelectMany(p => p!["targets"]!.AsArray()).Select(t => t!["expr"]!.GetValue<string>()).ToList();
        Assert.NotEmpty(expressions);
        // Each query as a recording rule: promtool parses every expression of a rules file.
        CheckRules(new[]
        {
            new Dictionary<string, object> { ["name"] = "dashboard", ["rules"] = expressions.Select((e, i) => new Dictionary<string, object> { ["record"] = $"dashboard:query{i}", ["expr"] = e }).ToList() },
        });
    }
}
