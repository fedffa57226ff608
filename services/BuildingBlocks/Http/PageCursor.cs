using System.Text;
using Microsoft.Data.Sqlite;

namespace Platform.BuildingBlocks.Http;

/// <summary>
/// An opaque keyset cursor for lists sorted by (sort key, id): URL-safe base64 of "key|id". A client only hands
/// back what it was given; anything else decodes to null and is a 400.
/// </summary>
public static class PageCursor
{
    public static string Encode(string sortKey, Guid id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{sortKey}|{id}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static (string SortKey, string Id)? Decode(string cursor)
    {
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 += new string('=', (4 - base64.Length % 4) % 4);
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(base64)).Split('|');
            return parts.Length == 2 && Guid.TryParse(parts[1], out _) ? (parts[0], parts[1]) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Adds the keyset condition "after the cursor's row" for a list sorted descending by (sortColumn, idColumn).</summary>
    public static void AddAfter(List<string> filters, SqliteCommand command, string sortColumn, string idColumn, (string SortKey, string Id) after)
    {
        filters.Add($"({sortColumn} < $afterKey OR ({sortColumn} = $afterKey AND {idColumn} < $afterId))");
        command.Parameters.AddWithValue("$afterKey", after.SortKey);
        command.Parameters.AddWithValue("$afterId", after.Id);
    }

    /// <summary>
    /// Runs a query that asks for one row more than <paramref name="take"/> (LIMIT $take, set here) and returns the
    /// page with the cursor of its last row when there is more.
    /// </summary>
    public static (IReadOnlyList<T> Items, string? NextCursor) ReadPage<T>(
        SqliteCommand command, int take, Func<SqliteDataReader, (T Item, string SortKey, Guid Id)> read)
    {
        command.Parameters.AddWithValue("$take", take + 1);
        var rows = new List<(T Item, string SortKey, Guid Id)>();
        using (var reader = command.ExecuteReader())
            while (reader.Read()) rows.Add(read(reader));
        var next = rows.Count > take ? Encode(rows[take - 1].SortKey, rows[take - 1].Id) : null;
        return (rows.Take(take).Select(r => r.Item).ToList(), next);
    }
}
