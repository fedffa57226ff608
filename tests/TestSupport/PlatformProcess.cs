using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace Platform.TestSupport;

/// <summary>
/// The whole platform started the way the README does (<c>./run.sh</c>), on free ports and in a data
/// folder of its own, stopped with Ctrl-C (SIGINT) at the end.
/// </summary>
public sealed class PlatformProcess : IAsyncLifetime
{
    /// <summary>Extra settings for every process, e.g. <c>RateLimiting__PermitLimit</c>; set them before starting.</summary>
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Process? _process;

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("platform-e2e-").FullName;
    public int GatewayPort { get; } = FreePorts.Take(1)[0];
    public int ComplaintsPort { get; } = FreePorts.Take(1)[0];
    public int WorkOrdersPort { get; } = FreePorts.Take(1)[0];
    public int FeesPort { get; } = FreePorts.Take(1)[0];
    public int InventoryPort { get; } = FreePorts.Take(1)[0];
    public int FireSafetyPort { get; } = FreePorts.Take(1)[0];
    public int RabbitMqPort { get; } = FreePorts.Take(1)[0];
    public Uri RabbitMq => new($"amqp://guest:guest@127.0.0.1:{RabbitMqPort}/");
    public Uri Gateway => new($"http://127.0.0.1:{GatewayPort}");

    /// <summary>Instances of each service (run.sh's REPLICAS; more than one needs EventStoreDB); set before starting.</summary>
    public int Replicas { get; set; } = 1;

    /// <summary>Every instance's port, by service name ("Complaints", "WorkOrders", "Fees", "Inventory", "FireSafety"); instance 1 first.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<int>> InstancePorts { get; private set; } = new Dictionary<string, IReadOnlyList<int>>();

    /// <summary>The process id of instance <paramref name="k"/> (1-based) of <paramref name="service"/>, from run.sh's pid file.</summary>
    public int PidOf(string service, int k) => int.Parse(File.ReadAllText(Path.Combine(DataDirectory, $"{service}-{k}.pid")).Trim());
    public string Output { get { lock (_output) return _output.ToString(); } }
    public int? ExitCode => _process is { HasExited: true } p ? p.ExitCode : null;

    /// <summary>A free loopback port for a process a test starts beside the platform.</summary>
    public static int FreePort() => FreePorts.Take(1)[0];

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Platform.sln"))) return dir.FullName;
        throw new InvalidOperationException("Platform.sln not found above the test folder.");
    }

    public async Task InitializeAsync()
    {
        var root = RepositoryRoot();
        // As from a terminal, where Ctrl-C reaches run.sh: a test host started by a build node may have SIGINT ignored, and a
        // shell cannot trap a signal ignored when it started (env resets it, coreutils 8.31+).
        var info = new ProcessStartInfo("env", ["--default-signal=INT", "bash", Path.Combine(root, "run.sh")])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        info.Environment["GATEWAY_PORT"] = GatewayPort.ToString();
        info.Environment["RABBITMQ_PORT"] = RabbitMqPort.ToString();
        info.Environment["RABBITMQ_MANAGEMENT_PORT"] = FreePorts.Take(1)[0].ToString();
        info.Environment["COMPLAINTS_PORT"] = ComplaintsPort.ToString();
        info.Environment["WORKORDERS_PORT"] = WorkOrdersPort.ToString();
        info.Environment["FEES_PORT"] = FeesPort.ToString();
        info.Environment["INVENTORY_PORT"] = InventoryPort.ToString();
        info.Environment["FIRESAFETY_PORT"] = FireSafetyPort.ToString();
        var ports = new Dictionary<string, IReadOnlyList<int>>
        {
            ["Complaints"] = [ComplaintsPort, .. Enumerable.Range(1, Replicas - 1).Select(_ => FreePorts.Take(1)[0])],
            ["WorkOrders"] = [WorkOrdersPort, .. Enumerable.Range(1, Replicas - 1).Select(_ => FreePorts.Take(1)[0])],
            ["Fees"] = [FeesPort, .. Enumerable.Range(1, Replicas - 1).Select(_ => FreePorts.Take(1)[0])],
            ["Inventory"] = [InventoryPort, .. Enumerable.Range(1, Replicas - 1).Select(_ => FreePorts.Take(1)[0])],
            ["FireSafety"] = [FireSafetyPort, .. Enumerable.Range(1, Replicas - 1).Select(_ => FreePorts.Take(1)[0])],
        };
        InstancePorts = ports;
        info.Environment["REPLICAS"] = Replicas.ToString();
        info.Environment["COMPLAINTS_PORTS"] = string.Join(',', ports["Complaints"]);
        info.Environment["WORKORDERS_PORTS"] = string.Join(',', ports["WorkOrders"]);
        info.Environment["FEES_PORTS"] = string.Join(',', ports["Fees"]);
        info.Environment["INVENTORY_PORTS"] = string.Join(',', ports["Inventory"]);
        info.Environment["FIRESAFETY_PORTS"] = string.Join(',', ports["FireSafety"]);
        // A platform's streams are not namespaced: one on the run's shared EventStoreDB node would share its leases,
        // outbox and read models with every other platform there. It gets a store of its own unless the test names one.
        info.Environment.Remove("EVENTSTORE_CONNECTION");
        foreach (var (key, value) in Environment) info.Environment[key] = value;
        info.Environment["DATA_DIR"] = DataDirectory;
        // The test command builds Release before running the tests; reuse that build when it is there.
        var built = File.Exists(Path.Combine(root, "gateway", "bin", "Release", "net10.0", "Platform.Gateway.dll"));
        info.Environment["PLATFORM_NO_BUILD"] = built ? "1" : "0";

        // Starting is the costly part (a broker's Erlang VM, five hosts compiling): on two cores, six platforms starting
        // at once starved their brokers past their start timeout. Two start at a time; running ones are not limited.
        await Starting.WaitAsync();
        try
        {
            _process = Process.Start(info)!;
            _process.OutputDataReceived += (_, e) => OnLine(e.Data);
            _process.ErrorDataReceived += (_, e) => OnLine(e.Data);
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();

            var exited = _process.WaitForExitAsync();
            var first = await Task.WhenAny(_ready.Task, exited, Task.Delay(StartTimeout));
            if (first != _ready.Task)
                throw new InvalidOperationException($"The platform did not report ready.\n{Output}\n{Logs()}");
        }
        finally
        {
            Starting.Release();
        }
    }

    private static readonly SemaphoreSlim Starting = new(2);

    private void OnLine(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        if (line.StartsWith("Platform ready.", StringComparison.Ordinal)) _ready.TrySetResult();
    }

    /// <summary>Ctrl-C: what a person at the terminal does. Returns whether everything stopped cleanly in time.</summary>
    public async Task<bool> InterruptAsync(TimeSpan timeout)
    {
        if (_process is null || _process.HasExited) return true;
        using (var kill = Process.Start("kill", ["-INT", _process.Id.ToString()])) await kill.WaitForExitAsync();
        using var cts = new CancellationTokenSource(timeout);
        try { await _process.WaitForExitAsync(cts.Token); return true; }
        catch (OperationCanceledException) { return false; }
    }

    public string Logs() =>
        string.Join("\n", Directory.Exists(DataDirectory)
            ? Directory.GetFiles(DataDirectory, "*.log").Select(f => $"--- {Path.GetFileName(f)}\n{Tail(f)}")
            : []);

    private static string Tail(string path)
    {
        var text = File.ReadAllText(path);
        return text.Length > 4000 ? text[^4000..] : text;
    }

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            if (!await InterruptAsync(TimeSpan.FromSeconds(60)))
            {
                _process.Kill(entireProcessTree: true);
                // The broker runs detached, outside run.sh's process tree: stop it by its pid file, or it outlives the test.
                if (File.Exists(Path.Combine(DataDirectory, "rabbitmq", "rabbit.pid"))
                    && int.TryParse(File.ReadAllText(Path.Combine(DataDirectory, "rabbitmq", "rabbit.pid")).Trim(), out var broker))
                    try { Process.GetProcessById(broker).Kill(); } catch (ArgumentException) { } catch (InvalidOperationException) { }
            }
            _process.Dispose();
        }
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
