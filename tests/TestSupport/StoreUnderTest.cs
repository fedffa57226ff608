namespace Platform.TestSupport;

/// <summary>
/// The store a service under test runs on. The service code is the same on both. Every host is given its store
/// explicitly, so no test falls back on the process's EVENTSTORE_CONNECTION: the embedded SQLite file, or the
/// shared EventStoreDB node (<see cref="EventStoreDbServer"/>) under a store namespace of the test's own.
/// </summary>
public sealed record StoreUnderTest(string Name)
{
    public static StoreUnderTest Sqlite { get; } = new("sqlite");

    public static StoreUnderTest EventStoreDb { get; } = new("eventstoredb");

    public bool IsEventStoreDb => Name == EventStoreDb.Name;

    public string? SkipReason => IsEventStoreDb ? EventStoreDbServer.SkipReason : null;

    /// <summary>Settings for one host; pass the same <paramref name="storeNamespace"/> to hosts that share streams (replicas, restarts).</summary>
    public IEnumerable<(string Key, string Value)> Settings(string? storeNamespace = null) => IsEventStoreDb
        ? [("EventStore:Embedded", "false"), ("EventStore:ConnectionString", EventStoreDbServer.Connection!), ("EventStore:Namespace", storeNamespace ?? NewNamespace())]
        : [("EventStore:Embedded", "true")];

    public static string NewNamespace() => $"t{Guid.NewGuid():N}.";

    public override string ToString() => Name;
}
