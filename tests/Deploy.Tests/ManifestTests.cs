using k8s;

namespace Platform.Deploy.Tests;

/// <summary>Every overlay renders, every document parses strictly, and every object validates against the Kubernetes schemas.</summary>
public class ManifestTests
{
    public static TheoryData<string> Overlays => new(Manifests.Overlays);

    private static string ValidatorFolder => Path.Combine(Manifests.DeployFolder, "k8s", "validate");

    [SkippableTheory]
    [MemberData(nameof(Overlays))]
    public void Every_overlay_builds_with_kubectl_kustomize(string overlay)
    {
        Skip.If(Manifests.KubectlMissing is not null, Manifests.KubectlMissing);
        Assert.Contains("kind: Deployment", Manifests.Render(overlay));
    }

    [SkippableTheory]
    [MemberData(nameof(Overlays))]
    public void Every_document_parses_strictly_no_unknown_field_or_wrong_type(string overlay)
    {
        Skip.If(Manifests.KubectlMissing is not null, Manifests.KubectlMissing);
        var documents = Manifests.Load(overlay);
        Assert.Equal(Manifests.Render(overlay).Split("\n---\n").Length, documents.Count);
    }

    [SkippableTheory]
    [MemberData(nameof(Overlays))]
    public void Every_object_validates_against_the_Kubernetes_schemas(string overlay)
    {
        Skip.If(Manifests.KubectlMissing is not null, Manifests.KubectlMissing);
        Skip.If(!Manifests.OnPath("node"), "node is not installed: test.sh installs it and the validator's packages (npm ci in deploy/k8s/validate)");
        Skip.If(!Directory.Exists(Path.Combine(ValidatorFolder, "node_modules", "kubernetes-models")),
            "kubernetes-models is not installed: run npm ci in deploy/k8s/validate (test.sh does)");
        var json = "[" + string.Join(",", Manifests.Load(overlay).Select(o => KubernetesJson.Serialize(o))) + "]";
        var report = Manifests.Run("node", ["validate.mjs"], json, ValidatorFolder);
        Assert.EndsWith("objects valid", report.Trim());
    }

    [SkippableFact]
    public void A_schema_violation_is_caught_by_the_validator()
    {
        Skip.If(!Manifests.OnPath("node") || !Directory.Exists(Path.Combine(ValidatorFolder, "node_modules", "kubernetes-models")),
            "node or kubernetes-models is not installed (test.sh installs both)");
        const string bad = """[{"apiVersion":"v1","kind":"Service","metadata":{"name":"x"},"spec":{"ports":[{"port":"eighty"}]}}]""";
        var error = Assert.Throws<InvalidOperationException>(() => Manifests.Run("node", ["validate.mjs"], bad, ValidatorFolder));
        Assert.Contains("Service/x", error.Message);
    }
}
