using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;

namespace Platform.BuildingBlocks.Hosting;

/// <summary>
/// How large a request may be (<c>Http:MaxRequestBodyBytes</c>, <c>Http:MaxUrlLength</c>, <c>Http:MaxHeadersBytes</c>).
/// Kept under Kestrel's own hard limits (8 KB request line, 32 KB of headers), so that what is refused here is refused
/// as problem+json; only a request beyond Kestrel's limits gets Kestrel's bare answer.
/// </summary>
public sealed record RequestSizeLimits(long MaxRequestBodyBytes, int MaxUrlLength, int MaxHeadersBytes)
{
    public static RequestSizeLimits FromConfiguration(IConfiguration configuration) => new(
        configuration.GetValue("Http:MaxRequestBodyBytes", 256L * 1024),
        configuration.GetValue("Http:MaxUrlLength", 4 * 1024),
        configuration.GetValue("Http:MaxHeadersBytes", 16 * 1024));
}

/// <summary>Answers 413, 414 and 431 as problem+json, and caps the body of every request at the configured size.</summary>
public sealed class RequestSizeLimitMiddleware(RequestDelegate next, RequestSizeLimits limits)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if ((request.Path.Value?.Length ?? 0) + request.QueryString.Value?.Length > limits.MaxUrlLength)
            return context.WriteProblemAsync(StatusCodes.Status414UriTooLong, Problems.Type("uri-too-long"), "The URL is too long.",
                $"A URL is at most {limits.MaxUrlLength} characters.");
        var headerBytes = 0L;
        foreach (var (name, values) in request.Headers) headerBytes += name.Length + values.Sum(v => (v?.Length ?? 0) + 4);
        if (headerBytes > limits.MaxHeadersBytes)
            return context.WriteProblemAsync(StatusCodes.Status431RequestHeaderFieldsTooLarge, Problems.Type("headers-too-large"),
                "The request headers are too large.", $"The headers of a request are at most {limits.MaxHeadersBytes} bytes.");
        if (request.ContentLength > limits.MaxRequestBodyBytes)
            return TooLargeAsync(context);
        // A body without a length is cut off by the server at the limit: it throws, and the exception handler answers 413.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            feature.MaxRequestBodySize = limits.MaxRequestBodyBytes;
        return next(context);
    }

    private Task TooLargeAsync(HttpContext context) =>
        context.WriteProblemAsync(StatusCodes.Status413PayloadTooLarge, Problems.Type("body-too-large"), "The request body is too large.",
            $"A request body is at most {limits.MaxRequestBodyBytes / 1024} KB.");
}
