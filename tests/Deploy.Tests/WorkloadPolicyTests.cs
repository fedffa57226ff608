using k8s.Models;

namespace Platform.Deploy.Tests;

/// <summary>
/// The rules every Deployment follows, asserted for each one in each overlay: replicas, probes on the real health
/// endpoints, requests and limits, a restricted security context, a graceful shutdown, a disruption budget and an
/// autoscaler, configuration from ConfigMaps and secrets from Secrets.
/// </summary>
public class WorkloadPolicyTests
{
    public static TheoryData<string, string> Workloads
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var overlay in Manifests.Overlays)
                foreach (var name in new[] { "gateway", "complaints", "work-orders", "fees", "inventory", "fire-safety" })
                    data.Add(overlay, name);
            return data;
        }
    }

    private static V1Deployment Deployment(string overlay, string name)
    {
        Skip.If(Manifests.KubectlMissing is not null, Manifests.KubectlMissing);
        return Assert.Single(Manifests.Deployments(overlay), d => d.Metadata.Name == name);
    }

    [SkippableFact]
    public void Every_overlay_deploys_exactly_the_gateway_and_the_five_services()
    {
        Skip.If(Manifests.KubectlMissing is not null, Manifests.KubectlMissing);
        foreach (var overlay in Manifests.Overlays)
            Assert.Equal(["complaints", "fees", "fire-safety", "gateway", "inventory", "work-orders"],
                Manifests.Deployments(overlay).Select(d => d.Metadata.Name).Order());
    }

    [SkippableTheory]
    [MemberData(nameof(Workloads))]
    public void Production_runs_at_least_two_replicas_and_dev_one(string overlay, string name) =>
        Assert.True(overlay == "production" ? Deployment(overlay, name).Spec.Replicas >= 2 : Deployment(overlay, name).Spec.Replicas == 1);

    [SkippableTheory]
    [MemberData(nameof(Workloads))]
    public void Readiness_liveness_and_startup_probes_are_on_the_real_health_endpoints(string overlay, string name)
    {
        var app = Manifests.App(Deployment(overlay, name));
        Assert.Equal("/health/live", app.LivenessProbe?.HttpGet?.Path);
        Assert.Equal("/health/live", app.StartupProbe?.HttpGet?.Path);
        // The gateway's own readiness is its liveness: see base/gateway.yaml.
        Assert.Equal(name == "gateway" ? "/health/live" : "/health/ready", app.ReadinessProbe?.HttpGet?.Path);
    }

    [SkippableTheory]
    [MemberData(nameof(Workloads))]
    public void Cpu_and_memory_have_requests_and_limits(string overlay, string name)
    {
        var resources = Manifests.App(Deployment(overlay, name)).Resources;
        foreach (var quantities in new[] { resources?.Requests, resources?.Limits })
            Assert.True(quantities is not null && quantities.ContainsKey("cpu") && quantities.ContainsKey("memory"), $"{name}: requests and limits of cpu and memory");
        Assert.True(resources!.Limits["memory"].ToInt64() >= resources.Requests["memory"].ToInt64());
    }

    [SkippableTheory]
    [MemberData(nameof(Workloads))]
    public void Runs_as_non_root_without_privilege_escalation_with_all_capabilities_dropped_and_seccomp_runtime_default(string overlay, string name)
    {
        var pod = Deployment(overlay, name).Spec.Template.Spec;
        var container = Manifests.App(Deployment(overlay, name)).SecurityContext;
        Assert.True(pod.SecurityContext?.RunAsNonRoot == true && pod.SecurityContext.RunAsUser is > 0);
        Assert.Equal("RuntimeDefault", pod.SecurityContext.SeccompProfile?.Type);
        Assert.False(container?.AllowPrivilegeEscalation ?? true);
        Assert.True(container!.ReadOnlyRootFilesystem == true && container.Privileged != true);
        Assert.Equal(["ALL"], container.Capabilities?.Drop);
        Assert.False(pod.AutomountServiceAccountToken ?? true);
    }

    [SkippableTheory]
    [MemberData(nameof(Workloads))]
    public void Shuts_down_gracefully_a_pause_before_SIGTERM_well_inside_the_grace_period(string overlay, string name)
    {
        var deployment = Deployment(overlay, name);
        var pause = Manifests.App(deployment).Lifecycle?.PreStop?.Sleep?.Seconds;
        Assert.True(pause is >= 5, $"{name}: a preStop pause");
        Assert.True(deployment.Spec.Template.Spec.TerminationGracePeriodSeconds >= pause + 30);
        Assert.Equal(0, int.Parse(deployment.Spec.Strategy.RollingUpdate.MaxUnavailable.Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [SkippableTheory]
    [MemberData(nameof(Workloads))]
    public void Has_a_disruption_budget_and_an_autoscaler_that_keep_production_at_two(string overlay, string name)
    {
        var deployment = Deployment(overlay, name);
        var labels = deployment.Spec.Template.Metadata.Labels;
        var budget = Assert.Single(Manifests.All<V1PodDisruptionBudget>(overlay), b => b.Spec.Selector.MatchLabels.All(l => labels.TryGetValue(l.Key, out var v) && v == l.Value));
        Assert.NotNull(budget.Spec.MaxUnavailable ?? budget.Spec.MinAvailable);
        var scaler = Assert.Single(Manifests.All<V2HorizontalPodAutoscaler>(overlay), h => h.Spec.ScaleTargetRef.Name == name && h.Spec.ScaleTargetRef.Kind == "Deployment");
        Assert.True(overlay == "production" ? scaler.Spec.MinReplicas >= 2 : scaler.Spec.MinReplicas >= 1);
        Assert.True(scaler.Spec.MaxReplicas > scaler.Spec.MinReplicas);
    }

    [SkippableTheory]
    [MemberData(nameof(Workloads))]
    public void Configuration_comes_from_ConfigMaps_and_secrets_from_Secrets_never_inline(string overlay, string name)
    {
        var app = Manifests.App(Deployment(overlay, name));
        Assert.Contains(app.EnvFrom, e => e.ConfigMapRef?.Name.StartsWith("platform-config", StringComparison.Ordinal) == true);
        Assert.Contains(app.EnvFrom, e => e.SecretRef?.Name.StartsWith("platform-secrets", StringComparison.Ordinal) == true);
        var secretWords = new[] { "Url", "Connection", "Key", "Token", "Password" };
        Assert.DoesNotContain(app.Env ?? [], e => e.Value is not null && !e.Name.StartsWith("Services__", StringComparison.Ordinal)
            && secretWords.Any(w => e.Name.Contains(w, StringComparison.OrdinalIgnoreCase)));
    }

    [SkippableTheory]
    [MemberData(nameof(Workloads))]
    public void Writes_only_to_its_own_volumes(string overlay, string name)
    {
        var deployment = Deployment(overlay, name);
        var mounts = Manifests.App(deployment).VolumeMounts.Select(m => m.MountPath).Order();
        Assert.Equal(["/data", "/tmp"], mounts);
        Assert.All(deployment.Spec.Template.Spec.Volumes, v => Assert.NotNull(v.EmptyDir?.SizeLimit));
    }
}
