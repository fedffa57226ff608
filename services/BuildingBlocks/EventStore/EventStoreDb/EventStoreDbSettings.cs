using System.Globalization;

namespace Platform.BuildingBlocks.EventStore.EventStoreDb;

/// <summary>One node address from the connection string.</summary>
public sealed record EventStoreDbEndpoint(string Host, int Port)
{
    public const int DefaultPort = 2113;

    public Uri ToUri(bool tls)
    {
        var host = Host.Contains(':') && !Host.StartsWith('[') ? $"[{Host}]" : Host;
        return new Uri($"{(tls ? "https" : "http")}://{host}:{Port}");
    }

    public override string ToString() => $"{Host}:{Port}";
}

/// <summary>
/// What an <c>esdb://</c> connection string says, in EventStoreDB's own format:
/// <c>esdb://[user:password@]host[:port][,host[:port]...][/]?tls=false&amp;keepAliveInterval=10000...</c>.
/// </summary>
/// <remarks>
/// <c>esdb+discover://</c> is accepted too, but without gossip discovery: its hosts are used as seeds,
/// and the adapter finds the leader by following the nodes' <c>not-leader</c> answers.
/// </remarks>
public sealed record EventStoreDbSettings
{
    public static readonly TimeSpan DefaultKeepAlive = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan DefaultCallDeadline = TimeSpan.FromSeconds(10);

    public required IReadOnlyList<EventStoreDbEndpoint> Endpoints { get; init; }

    /// <summary>True by default, as in EventStoreDB's format; <c>tls=false</c> talks h2c to an insecure node.</summary>
    public bool UseTls { get; init; } = true;

    /// <summary>False accepts any server certificate (self-signed development clusters).</summary>
    public bool VerifyCertificate { get; init; } = true;

    /// <summary>HTTP/2 ping interval; <see cref="Timeout.InfiniteTimeSpan"/> turns pings off.</summary>
    public TimeSpan KeepAliveInterval { get; init; } = DefaultKeepAlive;

    /// <summary>How long a ping may go unanswered before the connection is considered dead.</summary>
    public TimeSpan KeepAliveTimeout { get; init; } = DefaultKeepAlive;

    /// <summary>Deadline of every unary call (append, health probe); reads and subscriptions run until cancelled.</summary>
    public TimeSpan DefaultDeadline { get; init; } = DefaultCallDeadline;

    public string? UserName { get; init; }
    public string? Password { get; init; }
    public string? ConnectionName { get; init; }

    public bool IsDiscover { get; init; }

    public static EventStoreDbSettings Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var text = connectionString.Trim();

        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0) throw Invalid("it has no scheme (expected esdb:// or esdb+discover://)");
        var scheme = text[..schemeEnd].ToLowerInvariant();
        if (scheme is not ("esdb" or "esdb+discover"))
            throw Invalid($"the scheme '{scheme}' is not esdb:// or esdb+discover://");
        text = text[(schemeEnd + 3)..];

        var queryStart = text.IndexOf('?');
        var query = queryStart >= 0 ? text[(queryStart + 1)..] : "";
        var authority = (queryStart >= 0 ? text[..queryStart] : text).TrimEnd('/');
        if (authority.Contains('/')) throw Invalid("a path is not allowed after the hosts");

        string? user = null, password = null;
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = authority[..at];
            authority = authority[(at + 1)..];
            var colon = userInfo.IndexOf(':');
            if (colon <= 0) throw Invalid("credentials must be user:password@");
            user = Uri.UnescapeDataString(userInfo[..colon]);
            password = Uri.UnescapeDataString(userInfo[(colon + 1)..]);
        }

        var endpoints = authority.Split(',', StringSplitOptions.TrimEntries).Select(ParseEndpoint).ToList();

        var settings = new EventStoreDbSettings
        {
            Endpoints = endpoints,
            UserName = user,
            Password = password,
            IsDiscover = scheme == "esdb+discover",
        };
        return ApplyOptions(settings, query);
    }

    private static EventStoreDbEndpoint ParseEndpoint(string text)
    {
        if (text.Length == 0) throw Invalid("a host is empty");
        string host;
        string? port = null;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']');
            if (close < 0) throw Invalid($"'{text}' has an unclosed IPv6 bracket");
            host = text[1..close];
            var rest = text[(close + 1)..];
            if (rest.Length > 0)
                port = rest.StartsWith(':') ? rest[1..] : throw Invalid($"'{text}' is not host:port");
        }
        else
        {
            var colon = text.LastIndexOf(':');
            host = colon >= 0 ? text[..colon] : text;
            port = colon >= 0 ? text[(colon + 1)..] : null;
            if (host.Contains(':')) throw Invalid($"'{text}': write an IPv6 address in brackets");
        }
        if (host.Length == 0) throw Invalid($"'{text}' has no host");
        if (port is null) return new EventStoreDbEndpoint(host, EventStoreDbEndpoint.DefaultPort);
        if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
            throw Invalid($"'{port}' is not a port number");
        return new EventStoreDbEndpoint(host, number);
    }

    private static EventStoreDbSettings ApplyOptions(EventStoreDbSettings settings, string query)
    {
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            if (eq <= 0) throw Invalid($"option '{pair}' is not key=value");
            var key = pair[..eq].Trim();
            var value = Uri.UnescapeDataString(pair[(eq + 1)..].Trim());
            settings = key.ToLowerInvariant() switch
            {
                "tls" => settings with { UseTls = Bool(key, value) },
                "tlsverifycert" => settings with { VerifyCertificate = Bool(key, value) },
                "keepaliveinterval" => settings with { KeepAliveInterval = KeepAlive(key, value) },
                "keepalivetimeout" => settings with { KeepAliveTimeout = KeepAlive(key, value) },
                "defaultdeadline" => settings with { DefaultDeadline = Milliseconds(key, value, allowInfinite: false) },
                "connectionname" => settings with { ConnectionName = value },
                // Every call goes to the leader (requires-leader), so "leader" is the only preference honoured.
                "nodepreference" when value.Equals("leader", StringComparison.OrdinalIgnoreCase) => settings,
                "nodepreference" => throw Invalid($"nodePreference={value} is not supported: this adapter always works against the leader"),
                _ => throw Invalid($"option '{key}' is not supported (supported: tls, tlsVerifyCert, keepAliveInterval, keepAliveTimeout, defaultDeadline, connectionName, nodePreference=leader)"),
            };
        }
        return settings;
    }

    private static bool Bool(string key, string value) => value.ToLowerInvariant() switch
    {
        "true" => true,
        "false" => false,
        _ => throw Invalid($"{key}={value} is not true or false"),
    };

    /// <summary>Milliseconds, or -1 for "off", as in EventStoreDB's own format.</summary>
    private static TimeSpan KeepAlive(string key, string value) => Milliseconds(key, value, allowInfinite: true);

    private static TimeSpan Milliseconds(string key, string value, bool allowInfinite)
    {
        if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms))
            throw Invalid($"{key}={value} is not a number of milliseconds");
        if (ms == -1 && allowInfinite) return Timeout.InfiniteTimeSpan;
        if (ms <= 0) throw Invalid($"{key}={value} must be more than 0{(allowInfinite ? " (or -1 for off)" : "")}");
        return TimeSpan.FromMilliseconds(ms);
    }

    private static FormatException Invalid(string reason) =>
        new($"The EventStoreDB connection string is not valid: {reason}.");

    /// <summary>The settings without the password, safe to log.</summary>
    public override string ToString()
    {
        var credentials = UserName is null ? "" : $"{UserName}:***@";
        var scheme = IsDiscover ? "esdb+discover" : "esdb";
        return $"{scheme}://{credentials}{string.Join(',', Endpoints)}?tls={(UseTls ? "true" : "false")}";
    }
}
