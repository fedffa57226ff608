using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Platform.TestSupport;

/// <summary>
/// A <c>rabbitmq-server</c> from the OS packages, run detached with its own node name, ports and
/// data folder, configured only through environment variables (no systemd, nothing global touched).
/// </summary>
internal sealed class PrivateRabbitMqNode
{
    private const string ServerScript = "/usr/sbin/rabbitmq-server";
    private const string ControlScript = "/usr/sbin/rabbitmqctl";
    private const string DistributionArgs = "-kernel inet_dist_use_interface {127,0,0,1}";
    private static readonly TimeSpan ControlTimeout = TimeSpan.FromSeconds(150);

    // One rabbitmqctl at a time per node: its CLI distribution port range is only two ports wide.
    private readonly SemaphoreSlim _control = new(1, 1);
    private readonly Dictionary<string, string> _environment;
    private Process? _watchdog;

    private PrivateRabbitMqNode(string folder, string nodeName, int amqpPort, int managementPort, int distributionPort, int cliPort)
    {
        Folder = folder;
        NodeName = nodeName;
        AmqpPort = amqpPort;
        ManagementPort = managementPort;
        PidFile = System.IO.Path.Combine(folder, "rabbit.pid");
        StartLog = System.IO.Path.Combine(folder, "start.log");
        _environment = new Dictionary<string, string>
        {
            ["RABBITMQ_CONFIG_FILE"] = System.IO.Path.Combine(folder, "rabbitmq.conf"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = System.IO.Path.Combine(folder, "enabled_plugins"),
            ["RABBITMQ_MNESIA_BASE"] = System.IO.Path.Combine(folder, "data"),
            ["RABBITMQ_LOG_BASE"] = System.IO.Path.Combine(folder, "log"),
            ["RABBITMQ_PID_FILE"] = PidFile,
            ["RABBITMQ_NODENAME"] = nodeName,
            ["RABBITMQ_DIST_PORT"] = distributionPort.ToString(),
            ["RABBITMQ_CTL_DIST_PORT_MIN"] = cliPort.ToString(),
            ["RABBITMQ_CTL_DIST_PORT_MAX"] = (cliPort + 1).ToString(),
            ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = DistributionArgs,
            ["RABBITMQ_CTL_ERL_ARGS"] = DistributionArgs,
        };
    }

    public string Folder { get; }
    public string NodeName { get; }
    public int AmqpPort { get; }
    public int ManagementPort { get; }
    public string PidFile { get; }
    private string StartLog { get; }

    public static PrivateRabbitMqNode Create()
    {
        if (!File.Exists(ServerScript))
            throw new InvalidOperationException(
                "rabbitmq-server is not installed: run `apt-get install -y rabbitmq-server`, or set RABBITMQ_URL to a broker.");
        if (Environment.UserName != "root")
            throw new InvalidOperationException(
                "A private rabbitmq-server is started as the `rabbitmq` user, which needs root; otherwise set RABBITMQ_URL.");

        var id = Guid.NewGuid().ToString("N")[..12];
        var folder = System.IO.Path.Combine("/tmp", $"platform-rabbitmq-{id}");
        Directory.CreateDirectory(folder);
        Directory.CreateDirectory(System.IO.Path.Combine(folder, "data"));
        Directory.CreateDirectory(System.IO.Path.Combine(folder, "log"));

        var ports = FreePorts.Take(4, consecutiveLast: 2);
        var node = new PrivateRabbitMqNode(folder, $"test-{id}@localhost", ports[0], ports[1], ports[2], ports[3]);
        File.WriteAllText(node._environment["RABBITMQ_CONFIG_FILE"], $"""
            listeners.tcp.default = 127.0.0.1:{node.AmqpPort}
            management.tcp.ip = 127.0.0.1
            management.tcp.port = {node.ManagementPort}
            log.console = false
            log.file.level = warning

            """);
        File.WriteAllText(node._environment["RABBITMQ_ENABLED_PLUGINS_FILE"], "[rabbitmq_management].\n");

        // The node runs as the `rabbitmq` user: it must own its folder (/tmp itself is traversable).
        Run("chown", ["-R", "rabbitmq:rabbitmq", folder], TimeSpan.FromSeconds(30), environment: null);
        node.StartWatchdog();
        return node;
    }

    public async Task StartAsync(CancellationToken ct)
    {
        // A node that was killed leaves its pid file behind, and `wait` would trust it.
        File.Delete(PidFile);
        await _control.WaitAsync(ct);
        try
        {
            // Detached, the Erlang VM keeps whatever stdio it inherited: give it a file, not our pipes.
            await RunAsync(
                "/bin/sh", ["-c", $"exec {ServerScript} -detached </dev/null >>\"$0\" 2>&1", StartLog],
                TimeSpan.FromSeconds(60), ct);
            try
            {
                await RunAsync(ControlScript, ["-n", NodeName, "wait", "--timeout", "120", PidFile], ControlTimeout, ct);
            }
            catch (InvalidOperationException failure)
            {
                throw new InvalidOperationException($"{failure.Message}\n--- node log ---\n{LogTail()}", failure);
            }
        }
        finally
        {
            _control.Release();
        }
    }

    /// <summary>Stops the node and waits until its process is gone; the data folder is kept for a restart.</summary>
    public async Task StopAsync(CancellationToken ct)
    {
        await _control.WaitAsync(ct);
        try
        {
            await RunAsync(ControlScript, ["-n", NodeName, "stop", PidFile], ControlTimeout, ct);
        }
        finally
        {
            _control.Release();
        }
    }

    /// <summary>Ends the node's process at once (its data is about to be deleted, so nothing to shut down cleanly).</summary>
    private void Kill()
    {
        if (!File.Exists(PidFile) || !int.TryParse(File.ReadAllText(PidFile).Trim(), out var pid)) return;
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
        catch (InvalidOperationException)
        {
        }
    }

    /// <summary>Kills the node and deletes its folder, and tells the watchdog it has nothing left to do.</summary>
    public void Release()
    {
        Kill();
        DeleteFolder();
        try
        {
            _watchdog?.StandardInput.WriteLine("done");
            _watchdog?.StandardInput.Close();
        }
        catch (IOException)
        {
        }
        _watchdog?.Dispose();
        _watchdog = null;
    }

    /// <summary>
    /// A detached shell that holds the other end of a pipe from this process. When the pipe closes without
    /// "done" (the test process ended, even by SIGKILL, before disposing the broker), it kills the node,
    /// checking first that the pid is still that node's, and deletes the folder. ProcessExit handlers do
    /// not get the time for this when the test host is torn down.
    /// </summary>
    private void StartWatchdog()
    {
        const string script = """
            read line
            [ "$line" = done ] && exit 0
            pid=$(cat "$0" 2>/dev/null) && grep -qa -- "RABBITMQ_NODENAME=$1" "/proc/$pid/environ" 2>/dev/null && kill -9 "$pid"
            rm -rf "$2"
            """;
        var start = new ProcessStartInfo("setsid")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = false,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-f", "/bin/sh", "-c", script, PidFile, NodeName, Folder }) start.ArgumentList.Add(argument);
        _watchdog = Process.Start(start) ?? throw new InvalidOperationException("Could not start the broker's watchdog.");
    }

    private void DeleteFolder()
    {
        try
        {
            if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private string LogTail()
    {
        var text = new StringBuilder();
        if (File.Exists(StartLog)) text.AppendLine(File.ReadAllText(StartLog));
        var log = System.IO.Path.Combine(Folder, "log", NodeName + ".log");
        if (File.Exists(log))
        {
            var lines = File.ReadAllLines(log);
            text.AppendJoin('\n', lines.Skip(Math.Max(0, lines.Length - 40)));
        }
        return text.ToString();
    }

    private Task RunAsync(string fileName, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken ct) =>
        Task.Run(() => Run(fileName, arguments, timeout, _environment), ct);

    private static void Run(string fileName, IReadOnlyList<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        if (environment is not null)
        {
            foreach (var (name, value) in environment) start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"`{fileName} {string.Join(' ', arguments)}` did not finish within {timeout.TotalSeconds} s.");
        }
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"`{fileName} {string.Join(' ', arguments)}` exited with {process.ExitCode}:\n{output.Result}\n{error.Result}");
    }
}

/// <summary>
/// Free loopback ports below Linux's ephemeral range (32768+), so a stopped broker's ports are not
/// taken by some outgoing connection before it restarts on them.
/// </summary>
internal static class FreePorts
{
    private const int Low = 20000, High = 32000;
    private static readonly HashSet<int> HandedOut = [];

    /// <summary><paramref name="count"/> ports, the last <paramref name="consecutiveLast"/> of which follow each other.</summary>
    public static int[] Take(int count, int consecutiveLast = 1)
    {
        lock (HandedOut)
        {
            var ports = new List<int>();
            while (ports.Count < count - consecutiveLast) ports.Add(NextRun(1));
            ports.Add(NextRun(consecutiveLast));
            for (var i = 1; i < consecutiveLast; i++) ports.Add(ports[^1] + 1);
            return [.. ports];
        }
    }

    /// <summary>
    /// The first of <paramref name="length"/> consecutive free ports whose partners <paramref name="offset"/> below are free
    /// too (an EventStoreDB node's replication port is 1,000 below its HTTP port).
    /// </summary>
    public static int TakeRunWithPartners(int length, int offset)
    {
        lock (HandedOut) return NextRun(length, offset);
    }

    private static int NextRun(int length, int partnerOffset = 0)
    {
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var first = Random.Shared.Next(Low + partnerOffset, High - length);
            var ports = Enumerable.Range(first, length).ToList();
            if (partnerOffset > 0) ports.AddRange(ports.Select(p => p - partnerOffset).ToList());
            if (ports.All(p => !HandedOut.Contains(p) && IsFree(p)))
            {
                foreach (var port in ports) HandedOut.Add(port);
                return first;
            }
        }
        throw new InvalidOperationException($"No free loopback port between {Low} and {High}.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
            listener.Listen();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
