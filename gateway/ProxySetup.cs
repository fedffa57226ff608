using Platform.BuildingBlocks.Hosting;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Transforms;

namespace Platform.Gateway;

internal static class ProxySetup
{
    /// <summary>One YARP route and cluster per configured service, guarded by an authorization policy of its allowed roles.</summary>
    public static IServiceCollection AddPlatformProxy(this IServiceCollection services, IReadOnlyList<ServiceRoute> routes)
    {
        services.AddAuthorization(options =>
        {
            foreach (var route in routes)
                options.AddPolicy(route.Id, policy => policy.RequireAuthenticatedUser().RequireRole(route.AllowedRoles));
        });

        var proxyRoutes = routes.Select(route => new RouteConfig
        {
            RouteId = route.Id,
            ClusterId = route.Id,
            AuthorizationPolicy = route.Id,
            Match = new RouteMatch { Path = route.PathPrefix + "/{**catch-all}" },
        }).ToList();
        var clusters = routes.Select(route => new ClusterConfig
        {
            ClusterId = route.Id,
            Destinations = new Dictionary<string, DestinationConfig>
            {
                ["primary"] = new() { Address = route.Url.ToString() },
            },
        }).ToList();

        // YARP keeps Authorization, adds X-Forwarded-* and propagates the current trace as traceparent by default.
        services.AddReverseProxy()
            .LoadFromMemory(proxyRoutes, clusters)
            .AddTransforms(context => context.AddRequestTransform(transform =>
            {
                // The id the gateway settled on (the caller's, if acceptable) is the one the service must log.
                var headers = transform.ProxyRequest.Headers;
                headers.Remove(CorrelationId.HeaderName);
                headers.TryAddWithoutValidation(CorrelationId.HeaderName, transform.HttpContext.GetCorrelationId());
                return ValueTask.CompletedTask;
            }));
        return services;
    }
}
