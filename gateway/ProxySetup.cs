using Platform.BuildingBlocks.Hosting;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.LoadBalancing;
using Yarp.ReverseProxy.Transforms;

namespace Platform.Gateway;

/// <param name="Destination">How long a readiness probe of an instance may take.</param>
/// <param name="Request">How long the gateway waits for an instance's answer before it answers 504 (<c>Gateway:RequestTimeoutSeconds</c>, 30).</param>
/// <param name="HealthInterval">How often each instance's readiness is probed.</param>
internal sealed record ProxyTimeouts(TimeSpan Destination, TimeSpan Request, TimeSpan HealthInterval)
{
    public static ProxyTimeouts FromConfiguration(IConfiguration configuration) => new(
        TimeSpan.FromSeconds(configuration.GetValue("Gateway:DestinationTimeoutSeconds", 2.0)),
        TimeSpan.FromSeconds(configuration.GetValue("Gateway:RequestTimeoutSeconds", 30.0)),
        TimeSpan.FromSeconds(configuration.GetValue("Gateway:HealthIntervalSeconds", 2.0)));
}

internal static class ProxySetup
{
    /// <summary>One YARP route and cluster per configured service, guarded by an authorization policy of its allowed roles.</summary>
    public static IServiceCollection AddPlatformProxy(this IServiceCollection services, IReadOnlyList<ServiceRoute> routes, ProxyTimeouts timeouts)
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
            LoadBalancingPolicy = LoadBalancingPolicies.PowerOfTwoChoices,
            // An instance whose readiness fails (or that stops answering) gets no requests until it passes again.
            HealthCheck = new HealthCheckConfig
            {
                Active = new ActiveHealthCheckConfig
                {
                    Enabled = true,
                    Interval = timeouts.HealthInterval,
                    Timeout = timeouts.Destination,
                    Path = "/health/ready",
                    Policy = HealthCheckConstants.ActivePolicy.ConsecutiveFailures,
                },
                // Between probes, the requests themselves tell: an instance that refuses connections (killed, gone) is
                // taken out after a few failed requests rather than at the next failed probes.
                Passive = new PassiveHealthCheckConfig
                {
                    Enabled = true,
                    Policy = HealthCheckConstants.PassivePolicy.TransportFailureRate,
                    ReactivationPeriod = timeouts.HealthInterval * 5,
                },
            },
            // A request the instance does not answer within this time is answered 504.
            HttpRequest = new ForwarderRequestConfig { ActivityTimeout = timeouts.Request },
            Destinations = route.Urls.Select((url, i) => (Key: $"replica-{i + 1}", Value: new DestinationConfig { Address = url.ToString() }))
                .ToDictionary(d => d.Key, d => d.Value),
        }).ToList();

        services.Configure<TransportFailureRateHealthPolicyOptions>(options =>
        {
            options.DetectionWindowSize = TimeSpan.FromSeconds(10);
            options.MinimalTotalCountThreshold = 3;
            options.DefaultFailureRateLimit = 0.3;
        });

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
