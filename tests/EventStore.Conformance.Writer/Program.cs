using System.Text;
using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.EventStore.Sqlite;

// Appends events to a shared SQLite store from its own OS process, so tests can check that
// writers in several processes sharing one file never lose, duplicate or reorder an event.
// Usage: <database-file> <stream-prefix> <writer-name> <count> [streams]
if (args.Length is < 4 or > 5)
{
    Console.Error.WriteLine("usage: <database-file> <stream-prefix> <writer-name> <count> [streams]");
    return 2;
}

var (path, prefix, writer, count) = (args[0], args[1], args[2], int.Parse(args[3]));
var streams = args.Length == 5 ? int.Parse(args[4]) : 4;

var store = new SqliteEventStore(new SqliteEventStoreOptions { Path = path });
for (var i = 0; i < count; i++)
{
    // Streams are shared with the other writers, so revisions are contended across processes.
    var stream = $"{prefix}shared-{i % streams}";
    var data = Encoding.UTF8.GetBytes($$"""{"writer":"{{writer}}","index":{{i}}}""");
    await store.AppendAsync(stream, ExpectedRevision.Any, [new EventData(Guid.NewGuid(), "Written.v1", data, [])]);
}
return 0;
