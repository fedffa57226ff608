using System.Text.RegularExpressions;

namespace Platform.Deploy.Tests;

/// <summary>No image can be pulled or built here, so the build files are checked: what they build and how the result runs.</summary>
public partial class ImageTests
{
    private static string Dockerfile => File.ReadAllText(Path.Combine(Manifests.DeployFolder, "docker", "Dockerfile"));

    private static IReadOnlyList<string> Stages => Dockerfile.Split('\n').Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();

    /// <summary>The lines of the stage that runs, the last one.</summary>
    private static IReadOnlyList<string> RunStage => Dockerfile[Dockerfile.LastIndexOf("\nFROM ", StringComparison.Ordinal)..].Split('\n');

    [Fact]
    public void The_image_is_built_in_one_stage_and_run_from_another()
    {
        Assert.True(Stages.Count >= 2);
        Assert.Contains("dotnet/sdk", Stages[0]);
        Assert.Contains(RunStage, l => l.StartsWith("COPY --from=build ", StringComparison.Ordinal));
    }

    [Fact]
    public void It_runs_on_the_chiseled_runtime_without_a_shell_as_a_non_root_user()
    {
        Assert.Matches("dotnet/aspnet:.*-chiseled", Stages[^1]);
        var user = Assert.Single(RunStage, l => l.StartsWith("USER ", StringComparison.Ordinal));
        Assert.True(int.TryParse(user[5..].Trim(), out var uid) && uid > 0, user);
        // Exec form: no shell is there to run a shell form.
        Assert.Matches(ExecForm(), Assert.Single(RunStage, l => l.StartsWith("ENTRYPOINT ", StringComparison.Ordinal)));
        Assert.DoesNotContain(RunStage, l => l.StartsWith("RUN ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_uid_the_image_runs_as_is_the_one_the_pods_assert()
    {
        var user = Assert.Single(RunStage, l => l.StartsWith("USER ", StringComparison.Ordinal))[5..].Trim();
        Assert.Contains($"runAsUser: {user}", File.ReadAllText(Path.Combine(Manifests.DeployFolder, "k8s", "base", "workload-defaults.yaml")));
    }

    [Fact]
    public void The_build_script_builds_every_service_and_the_gateway_and_each_project_exists()
    {
        var script = File.ReadAllText(Path.Combine(Manifests.DeployFolder, "docker", "build.sh"));
        var projects = ImageProject().Matches(script).Select(m => (Image: m.Groups[1].Value, Project: m.Groups[2].Value)).ToList();
        Assert.Equal(["complaints", "fees", "fire-safety", "gateway", "inventory", "work-orders"], projects.Select(p => p.Image).Order());
        var root = Path.GetDirectoryName(Manifests.DeployFolder)!;
        Assert.All(projects, p => Assert.True(File.Exists(Path.Combine(root, p.Project)), p.Project));
        var deployed = File.ReadAllText(Path.Combine(Manifests.DeployFolder, "k8s", "base", $"fees.yaml"));
        Assert.Contains("image: platform/fees:", deployed);
    }

    [GeneratedRegex("""^ENTRYPOINT \["[^"]+"(, "[^"]+")*\]$""")]
    private static partial Regex ExecForm();

    [GeneratedRegex(@"([a-z-]+):((?:services|gateway)/[A-Za-z/.]+\.csproj)")]
    private static partial Regex ImageProject();
}
