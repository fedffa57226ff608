using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.Gateway;

/// <summary>
/// The gateway is ready to route to a service while at least one of its instances answers its own readiness healthy
/// in time; the entry names each instance's state.
/// </summary>
internal sealed class DestinationHealthCheck(IHttpClientFactory clients, ServiceRoute route, TimeSpan timeout) : IHealthCheck
{
    public const string ClientName = "destinations";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (route.Urls.Count == 1) return await CheckAsync(route.Url, cancellationToken);
        var results = await Task.WhenAll(route.Urls.Select(url => CheckAsync(url, cancellationToken)));
        var data = route.Urls.Zip(results).ToDictionary(r => r.First.ToString(), r => (object)(r.Second.Description ?? r.Second.Status.ToString()));
        var ready = results.Count(r => r.Status == HealthStatus.Healthy);
        return ready > 0
            ? HealthCheckResult.Healthy($"{route.Name}: {ready} of {results.Length} instances ready.", data)
            : HealthCheckResult.Unhealthy($"{route.Name}: no instance is ready.", data: data);
    }

    private async Task<HealthCheckResult> CheckAsync(Uri instance, CancellationToken cancellationToken)
    {
        var target = new Uri(instance, "/health/ready");
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
