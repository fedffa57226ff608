using System.Diagnostics;

namespace Platform.TestSupport;

/// <summary>
/// A real EventStoreDB server of a test's own, started from the binaries in <c>../shared/eventstoredb</c>: one node
/// (in memory, or with its data on disk so it survives <see cref="RestartAsync"/>), or a three-node cluster whose
/// leader a test can kill. Ports are free loopback ports; the folder is the test's own.
/// </summary>
public sealed class EventStoreDbNode : IAsyncDisposable
{
    // start.sh puts each node's replication port 1,000 below its HTTP port.
    private const int ReplicationOffset = 1000;

    private readonly TempDirectory _folder = new("esdb-node");
    private readonly bool _inMemory;
    private readonly List<(int Port, int Pid)> _nodes = [];

    private EventStoreDbNode(bool inMemory) => _inMemory = inMemory;

    /// <summary>The start script, or null when this checkout has no <c>../shared/eventstoredb</c> beside it.</summary>
    public static string? StartScript
    {
        get
        {
            var script = Path.GetFullPath(Path.Combine(PlatformProcess.RepositoryRoot(), "..", "shared", "eventstoredb", "start.sh"));
            return File.Exists(script) ? script : null;
        }
    }

    /// <summary>Why a node of a test's own cannot be started here, or null.</summary>
    public static string? SkipReason => StartScript is null
        ? "No EventStoreDB binaries: ../shared/eventstoredb is not beside this checkout, so no node of the test's own can be started."
        : null;

    public IReadOnlyList<int> Ports => _nodes.Select(n => n.Port).ToList();

    public string Connection => $"esdb://{string.Join(',', _nodes.Select(n => $"127.0.0.1:{n.Port}"))}?tls=false";

    public static async Task<EventStoreDbNode> StartAsync(bool inMemory = true)
    {
        var node = new EventStoreDbNode(inMemory);
        var port = FreePorts.TakeRunWithPartners(1, ReplicationOffset);
        var pids = await RunStartAsync(port.ToString(), node._folder.Path, inMemory ? "--mem" : null);
        node._nodes.Add((port, pids[0]));
        return node;
    }

    /// <summary>Three in-memory nodes; ready once each is leader or follower.</summary>
    public static async Task<EventStoreDbNode> StartClusterAsync()
    {
        var node = new EventStoreDbNode(inMemory: true);
        var basePort = FreePorts.TakeRunWithPartners(3, ReplicationOffset) - 1;
        var pids = await RunStartAsync("--cluster", basePort.ToString(), node._folder.Path);
        for (var i = 0; i < 3; i++) node._nodes.Add((basePort + 1 + i, pids[i]));
        return node;
    }

    /// <summary>Stops the single node and starts it again on the same port and data; returns once it is leader again.</summary>
    public async Task RestartAsync()
    {
        if (_nodes.Count != 1 || _inMemory) throw new InvalidOperationException("Only a single node with data on disk can be restarted.");
        var (port, pid) = _nodes[0];
        await StopAsync(pid);
        var pids = await RunStartAsync(port.ToString(), _folder.Path, null);
        _nodes[0] = (port, pids[0]);
    }

    /// <summary>Stops the single node; <see cref="RestartAsync"/> brings it back.</summary>
    public Task StopAsync() => StopAsync(_nodes[0].Pid);

    /// <summary>The port of the node that says it is leader, or null while none does.</summary>
    public async Task<int?> LeaderPortAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        foreach (var (port, pid) in _nodes)
        {
            if (!IsRunning(pid)) continue;
            try
            {
                var info = await http.GetStringAsync($"http://127.0.0.1:{port}/info");
                if (info.Contains("\"leader\"", StringComparison.OrdinalIgnoreCase)) return port;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
        }
        return null;
    }

    /// <summary>Kills the node on <paramref name="port"/> at once (SIGKILL), as a crash would.</summary>
    public void Kill(int port)
    {
        var pid = _nodes.Single(n => n.Port == port).Pid;
        try { Process.GetProcessById(pid).Kill(); } catch (ArgumentException) { } catch (InvalidOperationException) { }
    }

    private static async Task StopAsync(int pid)
    {
        Process process;
        try { process = Process.GetProcessById(pid); }
        catch (ArgumentException) { return; }
        using (process)
        {
            using (var term = Process.Start("kill", ["-TERM", pid.ToString()])) await term.WaitForExitAsync();
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try { await process.WaitForExitAsync(patience.Token); }
            catch (OperationCanceledException) { process.Kill(); }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task<int[]> RunStartAsync(params string?[] arguments)
    {
        var script = StartScript ?? throw new InvalidOperationException(SkipReason);
        var info = new ProcessStartInfo("bash", [script, .. arguments.OfType<string>()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The server reads every EVENTSTORE_* variable as an option and refuses unknown ones (EVENTSTORE_CONNECTION).
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("EVENTSTORE_", StringComparison.OrdinalIgnoreCase)).ToList())
            info.Environment.Remove(name);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"EventStoreDB did not start ({string.Join(' ', arguments)}): {await errors}");
        return (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, pid) in _nodes)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
                await process.WaitForExitAsync();
            }
            catch (ArgumentException) { }
            catch (InvalidOperationException) { }
        }
        _folder.Dispose();
    }
}
