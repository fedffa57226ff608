using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Platform.BuildingBlocks.Hosting;
using Platform.BuildingBlocks.Security;

namespace Platform.Gateway;

internal static class RateLimiting
{
    /// <summary>
    /// A fixed window per caller: the token's subject when authenticated, else the remote address
    /// (config <c>RateLimiting:PermitLimit</c>, <c>RateLimiting:WindowSeconds</c>).
    /// </summary>
    public static IServiceCollection AddPlatformRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var permitLimit = configuration.GetValue("RateLimiting:PermitLimit", 100);
        var window = TimeSpan.FromSeconds(configuration.GetValue("RateLimiting:WindowSeconds", 1.0));
        if (permitLimit <= 0 || window <= TimeSpan.Zero)
            throw new InvalidOperationException("RateLimiting:PermitLimit and RateLimiting:WindowSeconds must be positive.");

        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetFixedWindowLimiter(PartitionKey(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permitLimit,
                    Window = window,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
            options.OnRejected = async (rejected, _) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : window;
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await rejected.HttpContext.WriteProblemAsync(
                    StatusCodes.Status429TooManyRequests, Problems.RateLimited, "Too many requests",
                    $"The request rate limit was exceeded; retry after {seconds} s.");
            };
        });
        return services;
    }

    private static string PartitionKey(HttpContext context) =>
        context.User.FindFirst(PlatformClaims.Subject)?.Value is { Length: > 0 } subject
            ? "sub:" + subject
            : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
}
