using Grpc.Core;
using Microsoft.Data.Sqlite;
using Platform.BuildingBlocks.EventStore.EventStoreDb;

namespace Platform.BuildingBlocks.EventStore;

/// <summary>
/// Tells a store that cannot be reached right now (no leader, a node down, a deadline passed, a file locked by another
/// process) from a request that is wrong. The first is worth retrying, so the API answers it 503 with Retry-After.
/// </summary>
public static class StoreUnavailable
{
    private const int SqliteBusy = 5, SqliteLocked = 6;

    public static bool Is(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case EventStoreDbException { Code: "not-leader" }:
                case EventStoreDbException { Status: StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Aborted or StatusCode.ResourceExhausted }:
                case TimeoutException when e.InnerException is RpcException:
                case SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked }:
                    return true;
            }
        }
        return false;
    }
}
