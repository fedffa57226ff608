using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Platform.BuildingBlocks.Hosting;

public static class CorrelationId
{
    public const string HeaderName = "X-Correlation-Id";
    internal const string ItemKey = "Platform.CorrelationId";
    private const int MaxLength = 128;

    /// <summary>The request's correlation id (set by the service-defaults middleware; a new one if it did not run).</summary>
    public static string GetCorrelationId(this HttpContext context)
    {
        if (context.Items.TryGetValue(ItemKey, out var value) && value is string id) return id;
        var created = NewId();
        context.Items[ItemKey] = created;
        return created;
    }

    public static string NewId() => Guid.CreateVersion7().ToString("N");

    /// <summary>Accepts a caller's id only if it is short and plain, so it is safe to log and echo back.</summary>
    public static bool IsAcceptable(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= MaxLength &&
        value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}

/// <summary>Reuses the caller's <c>X-Correlation-Id</c> or creates one; puts it in the log scope, the trace, Items and the response.</summary>
internal sealed class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[CorrelationId.HeaderName].ToString();
        var id = CorrelationId.IsAcceptable(incoming) ? incoming : CorrelationId.NewId();
        context.Items[CorrelationId.ItemKey] = id;
        Activity.Current?.SetTag("correlation.id", id);
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[CorrelationId.HeaderName] = id;
            return Task.CompletedTask;
        });

        using (logger.BeginScope(new CorrelationScope(id)))
        {
            await next(context);
        }
    }
}

/// <summary>A log scope that JSON logs see as a CorrelationId property and plain-text logs print readably.</summary>
internal sealed class CorrelationScope(string id) : IReadOnlyList<KeyValuePair<string, object>>
{
    public KeyValuePair<string, object> this[int index] =>
        index == 0 ? new("CorrelationId", id) : throw new ArgumentOutOfRangeException(nameof(index));

    public int Count => 1;

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator()
    {
        yield return this[0];
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"CorrelationId:{id}";
}
