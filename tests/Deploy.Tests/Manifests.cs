using System.Collections.Concurrent;
using System.Diagnostics;
using k8s;
using k8s.Models;
using Platform.TestSupport;

namespace Platform.Deploy.Tests;

/// <summary>The overlays of <c>deploy/k8s</c> rendered by <c>kubectl kustomize</c> and parsed strictly, once per overlay.</summary>
public static class Manifests
{
    public static readonly string[] Overlays = ["dev", "production"];

    private static readonly ConcurrentDictionary<string, Lazy<string>> Rendered = new();

    public static string DeployFolder => Path.Combine(PlatformProcess.RepositoryRoot(), "deploy");

    /// <summary>Why the overlays cannot be rendered here, or null: kubectl is not in the OS packages, so it may be absent.</summary>
    public static string? KubectlMissing => OnPath("kubectl") ? null : "kubectl is not installed: the manifests cannot be rendered (kubectl kustomize) on this machine";

    public static string Render(string overlay) =>
        Rendered.GetOrAdd(overlay, o => new Lazy<string>(() => Run("kubectl", ["kustomize", Path.Combine(DeployFolder, "k8s", "overlays", o)], null))).Value;

    public static IReadOnlyList<object> Load(string overlay) => KubernetesYaml.LoadAllFromString(Render(overlay), strict: true);

    public static IEnumerable<T> All<T>(string overlay) => Load(overlay).OfType<T>();

    public static IEnumerable<V1Deployment> Deployments(string overlay) => All<V1Deployment>(overlay);

    public static V1Container App(V1Deployment deployment) => deployment.Spec.Template.Spec.Containers.Single(c => c.Name == "app");

    public static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, tool)));

    /// <summary>Runs <paramref name="tool"/> to its end with a deadline; its standard output, or an exception with its errors.</summary>
    public static string Run(string tool, IReadOnlyList<string> arguments, string? input, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = input is not null, UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? DeployFolder,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
        }
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} {string.Join(' ', arguments)} did not finish within 2 minutes.");
        }
        return process.ExitCode == 0
            ? output.Result
            : throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} exited {process.ExitCode}:\n{output.Result}\n{errors.Result}");
    }
}
