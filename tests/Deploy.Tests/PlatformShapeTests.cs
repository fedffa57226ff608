using k8s.Models;

namespace Platform.Deploy.Tests;

/// <summary>What the overlays are for: who reaches whom, Dapr where it belongs, the way in, and what each environment brings.</summary>
public class PlatformShapeTests
{
    private static void RequireKubectl() => Skip.If(Manifests.KubectlMissing is not null, Manifests.KubectlMissing);

    private static bool Selects(V1LabelSelector selector, IDictionary<string, string> labels) =>
        (selector.MatchLabels ?? new Dictionary<string, string>()).All(l => labels.TryGetValue(l.Key, out var v) && v == l.Value)
        && (selector.MatchExpressions ?? []).All(e => e.OperatorProperty == "In" && labels.TryGetValue(e.Key, out var v) && e.Values.Contains(v));

    /// <summary>The pods whose labels the policies selecting <paramref name="labels"/> let in, as the label sets of their peers.</summary>
    private static IReadOnlyList<V1NetworkPolicyPeer> AllowedInto(string overlay, IDictionary<string, string> labels) =>
        Manifests.All<V1NetworkPolicy>(overlay).Where(p => Selects(p.Spec.PodSelector, labels))
            .SelectMany(p => p.Spec.Ingress ?? []).SelectMany(i => i.FromProperty ?? []).ToList();

    private static string? Label(V1NetworkPolicyPeer peer, string key) =>
        peer.PodSelector?.MatchLabels is { } labels && labels.TryGetValue(key, out var value) ? value : null;

    [SkippableFact]
    public void Nothing_reaches_a_pod_unless_a_policy_lets_it()
    {
        RequireKubectl();
        foreach (var overlay in Manifests.Overlays)
            Assert.Contains(Manifests.All<V1NetworkPolicy>(overlay), p => p.Spec.PodSelector.MatchLabels is null or { Count: 0 }
                && p.Spec.PodSelector.MatchExpressions is null && p.Spec.PolicyTypes.Contains("Ingress") && p.Spec.Ingress is null or { Count: 0 });
    }

    private static bool IsMonitoring(V1NetworkPolicyPeer peer) =>
        peer.PodSelector is null && peer.NamespaceSelector?.MatchLabels is { } labels && labels.TryGetValue("kubernetes.io/metadata.name", out var ns) && ns == "monitoring";

    [SkippableFact]
    public void Only_the_gateway_reaches_the_services_and_Prometheus_their_metrics()
    {
        RequireKubectl();
        foreach (var overlay in Manifests.Overlays)
            foreach (var service in Manifests.Deployments(overlay).Where(d => d.Metadata.Name != "gateway"))
            {
                var peers = AllowedInto(overlay, service.Spec.Template.Metadata.Labels);
                Assert.Contains(peers, p => Label(p, "app.kubernetes.io/component") == "gateway");
                Assert.All(peers, p => Assert.True(IsMonitoring(p) || (p.NamespaceSelector is null && p.IpBlock is null
                    && Label(p, "app.kubernetes.io/component") == "gateway"), $"{overlay}/{service.Metadata.Name}"));
                var annotations = service.Spec.Template.Metadata.Annotations;
                Assert.Equal(("true", "/metrics"), (annotations["prometheus.io/scrape"], annotations["prometheus.io/path"]));
            }
    }

    [SkippableFact]
    public void Only_the_services_reach_the_store_and_the_broker()
    {
        RequireKubectl();
        var stateful = Manifests.All<V1StatefulSet>("dev").ToList();
        Assert.Equal(["eventstoredb", "rabbitmq"], stateful.Select(s => s.Metadata.Name).Order());
        foreach (var set in stateful)
            Assert.All(AllowedInto("dev", set.Spec.Template.Metadata.Labels),
                p => Assert.Equal("service", p.PodSelector?.MatchLabels?["app.kubernetes.io/component"]));
        var broker = new Dictionary<string, string> { ["app.kubernetes.io/name"] = "rabbitmq" };
        Assert.All(AllowedInto("production", broker), p => Assert.True(Label(p, "app.kubernetes.io/component") == "service" || Label(p, "app.kubernetes.io/name") == "rabbitmq"));
    }

    [SkippableFact]
    public void Dapr_runs_beside_fees_and_fire_safety_only()
    {
        RequireKubectl();
        foreach (var overlay in Manifests.Overlays)
            foreach (var deployment in Manifests.Deployments(overlay))
            {
                var annotations = deployment.Spec.Template.Metadata.Annotations ?? new Dictionary<string, string>();
                if (deployment.Metadata.Name is "fees" or "fire-safety")
                    Assert.Equal(("true", deployment.Metadata.Name, "8080", $"{deployment.Metadata.Name}-dapr-app-token"), (annotations["dapr.io/enabled"],
                        annotations["dapr.io/app-id"], annotations["dapr.io/app-port"], annotations["dapr.io/app-token-secret"]));
                else
                    Assert.DoesNotContain(annotations.Keys, k => k.StartsWith("dapr.io/", StringComparison.Ordinal));
            }
    }

    [SkippableFact]
    public void The_Ingress_leads_only_to_the_gateway_and_production_has_no_development_routes()
    {
        RequireKubectl();
        foreach (var overlay in Manifests.Overlays)
        {
            var paths = Assert.Single(Manifests.All<V1Ingress>(overlay)).Spec.Rules.SelectMany(r => r.Http.Paths).ToList();
            Assert.All(paths, p => Assert.Equal("gateway", p.Backend.Service.Name));
            Assert.DoesNotContain(paths, p => p.Path.StartsWith("/dev", StringComparison.Ordinal));
        }
        var config = Assert.Single(Manifests.All<V1ConfigMap>("production"), c => c.Metadata.Name.StartsWith("platform-config", StringComparison.Ordinal));
        Assert.Equal("Production", config.Data["ASPNETCORE_ENVIRONMENT"]);
    }

    [SkippableFact]
    public void Dev_brings_its_store_and_broker_on_persistent_volumes_and_production_uses_external_ones_through_its_Secret()
    {
        RequireKubectl();
        Assert.All(Manifests.All<V1StatefulSet>("dev"), s => Assert.NotEmpty(s.Spec.VolumeClaimTemplates));
        Assert.Contains(Manifests.All<V1Secret>("dev"), s => s.Metadata.Name.StartsWith("platform-secrets", StringComparison.Ordinal));
        Assert.Empty(Manifests.All<V1StatefulSet>("production"));
        // The operator creates platform-secrets; the overlay carries no secret value.
        Assert.Empty(Manifests.All<V1Secret>("production"));
        Assert.All(Manifests.Load("production").OfType<IMetadata<V1ObjectMeta>>().Where(o => o is not V1Namespace),
            o => Assert.Equal("platform", o.Metadata.NamespaceProperty));
    }
}
