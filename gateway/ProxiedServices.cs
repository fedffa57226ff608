using System.Text;
using Microsoft.Extensions.Configuration;
using Platform.BuildingBlocks.Security;

namespace Platform.Gateway;

/// <summary>One backend behind the gateway (config <c>Services:{Name}</c>).</summary>
public sealed class ProxiedService
{
    /// <summary>Base address of the service, e.g. http://127.0.0.1:5101. Override with <c>Services__{Name}__Url</c>.</summary>
    public string? Url { get; set; }

    /// <summary>
    /// Base addresses of several replicas, comma-separated (<c>Services__{Name}__Urls</c>); when set, instead of <see cref="Url"/>.
    /// Requests are balanced across those whose readiness passes. On Kubernetes one Service address is the usual choice.
    /// </summary>
    public string? Urls { get; set; }

    /// <summary>Path prefix routed to the service, e.g. /api/v1/complaints.</summary>
    public string? Route { get; set; }

}

/// <summary>A validated <see cref="ProxiedService"/>; <see cref="Id"/> names its YARP route, cluster, policy and health check.</summary>
public sealed record ServiceRoute(string Name, string Id, IReadOnlyList<Uri> Urls, string PathPrefix, IReadOnlyList<string> AllowedRoles)
{
    /// <summary>The first replica's address: where the gateway reads the service's OpenAPI document.</summary>
    public Uri Url => Urls[0];

    public const string SectionName = "Services";

    /// <summary>Reads and checks every <c>Services:*</c> entry; a typo fails start-up rather than opening or closing a route silently.</summary>
    public static IReadOnlyList<ServiceRoute> FromConfiguration(IConfiguration configuration)
    {
        var routes = new List<ServiceRoute>();
        foreach (var section in configuration.GetSection(SectionName).GetChildren())
        {
            var service = section.Get<ProxiedService>() ?? new ProxiedService();
            var where = $"{SectionName}:{section.Key}";
            // An empty address leaves a service out (a deployment without it); a malformed one is an error.
            if (string.IsNullOrWhiteSpace(service.Url) && string.IsNullOrWhiteSpace(service.Urls)) continue;
            var addresses = string.IsNullOrWhiteSpace(service.Urls)
                ? [service.Url ?? ""]
                : service.Urls.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var urls = new List<Uri>();
            foreach (var address in addresses)
            {
                if (!Uri.TryCreate(address, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
                    throw new InvalidOperationException($"{where}:Url(s) must be absolute http(s) URLs; one is '{address}'.");
                urls.Add(url);
            }
            if (string.IsNullOrWhiteSpace(service.Route) || !service.Route.StartsWith('/') || service.Route.EndsWith('/'))
                throw new InvalidOperationException($"{where}:Route must start with '/' and not end with one, e.g. /api/v1/complaints; it is '{service.Route}'.");
            // The roles come from the declaration the service itself enforces, never from a second list here.
            var roles = ServiceAccess.For(section.Key)
                ?? throw new InvalidOperationException($"{where}: the platform has no service named '{section.Key}'.");

            routes.Add(new ServiceRoute(section.Key, KebabCase(section.Key), urls, service.Route, roles));
        }
        if (routes.Count == 0)
            throw new InvalidOperationException(
                $"No '{SectionName}' are configured, so the gateway would route nothing. Is appsettings.json in the content root?");
        return routes;
    }

    /// <summary>"WorkOrders" -> "work-orders".</summary>
    internal static string KebabCase(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && name[i - 1] != '-') text.Append('-');
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }

    public bool Owns(string path) =>
        path.Equals(PathPrefix, StringComparison.OrdinalIgnoreCase)
        || (path.StartsWith(PathPrefix, StringComparison.OrdinalIgnoreCase) && path.Length > PathPrefix.Length && path[PathPrefix.Length] == '/');
}
