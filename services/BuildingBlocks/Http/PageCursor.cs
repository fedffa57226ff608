using System.Text;

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
}
