using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.Gateway;

/// <summary>The gateway is only ready to route to a service whose own readiness answers healthy in time.</summary>
internal sealed class DestinationHealthCheck(IHttpClientFactory clients, ServiceRoute route, TimeSpan timeout) : IHealthCheck
{
    public const string ClientName = "destinations";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var target = new Uri(route.Url, "/health/ready");
        var data = new Dictionary<string, object> { ["url"] = target.ToString() };
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            using var response = await clients.CreateClient(ClientName).GetAsync(target, timer.Token);
            data["statusCode"] = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy($"{route.Name} is ready.", data)
                : HealthCheckResult.Unhealthy($"{route.Name} answered {(int)response.StatusCode}.", data: data);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{route.Name} did not answer within {timeout.TotalSeconds:0.#} s.", data: data);
        }
        catch (HttpRequestException e)
        {
            return HealthCheckResult.Unhealthy($"{route.Name} is unreachable: {e.Message}", data: data);
        }
    }
}
