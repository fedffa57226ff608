using Platform.Benchmarks;

// One harness per part of the platform, chosen by the first argument; each prints its own table.
var commands = new Dictionary<string, (string Summary, Func<string[], Task<int>> Run)>(StringComparer.OrdinalIgnoreCase)
{
    ["store"] = ("appends/s (1 and 16 writers) and catch-up events/s of the embedded SQLite event store", StoreCommand.RunAsync),
    ["gateway"] = ("complaint registrations/s through the gateway and directly, as a ratio (needs the Release build)", GatewayCommand.RunAsync),
    ["billing"] = ("a monthly billing run over an estate of 10,000 payer accounts (--accounts N): its time and events/s, then the same run repeated", BillingCommand.RunAsync),
    ["issues"] = ("16 store keepers issuing one hot item at once (--issues N): issues/s, latency, and that the book never went below zero", IssuesCommand.RunAsync),
    ["alarms"] = ("10,000 fire-alarm CloudEvents (--signals N) from 16 sidecars at once, one in ten a repeat: signals/s, latency, and each stored once", AlarmsCommand.RunAsync),
    ["flow"] = ("latency from a complaint's transfer to its work order being readable through the gateway (needs the Release build)", FlowCommand.RunAsync),
};

if (args.Length == 0 || !commands.TryGetValue(args[0], out var command))
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/Benchmarks -- <command> [options]");
    foreach (var (name, (summary, _)) in commands) Console.Error.WriteLine($"  {name,-8} {summary}");
    return args.Length == 0 ? 0 : 2;
}

return await command.Run(args[1..]);
