using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Platform.BuildingBlocks.Http;

/// <summary>The stream revision, exposed as a strong ETag ("5"); If-Match takes the same form.</summary>
public static class ETags
{
    public static string Format(long revision) => $"\"{revision}\"";

    /// <summary>Reads If-Match. Null when absent or "*"; false when present but not one of our ETags.</summary>
    public static bool TryReadIfMatch(HttpRequest request, out long? revision)
    {
        revision = null;
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*") return true;
        if (!EntityTagHeaderValue.TryParse(header.Trim(), out var tag) || tag.IsWeak) return false;
        if (!long.TryParse(tag.Tag.AsSpan().Trim('"'), out var value) || value < -1) return false;
        revision = value;
        return true;
    }

    public static bool MatchesIfNoneMatch(HttpRequest request, long revision) =>
        request.Headers.IfNoneMatch.ToString().Split(',').Select(t => t.Trim()).Any(t => t == Format(revision) || t == "*");
}
