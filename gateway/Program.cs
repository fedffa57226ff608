using System.Net;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.BuildingBlocks.Hosting;
using Platform.BuildingBlocks.Security;
using Platform.Gateway;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

// Loopback by default so a laptop run exposes nothing; --urls, ASPNETCORE_URLS or ASPNETCORE_HTTP_PORTS win.
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"])
    && string.IsNullOrEmpty(builder.Configuration["https_ports"]) && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
    builder.WebHost.UseUrls("http://127.0.0.1:8080");

builder.AddServiceDefaults("gateway");
builder.AddPlatformAuthentication();

var routes = ServiceRoute.FromConfiguration(builder.Configuration);
var timeouts = ProxyTimeouts.FromConfiguration(builder.Configuration);
var destinationTimeout = timeouts.Destination;
builder.Services.AddSingleton(routes);
builder.Services.AddPlatformProxy(routes, timeouts);
builder.Services.AddPlatformRateLimiting(builder.Configuration);

// The gateway calls services directly on their configured addresses, never through an environment proxy.
builder.Services.AddHttpClient(DestinationHealthCheck.ClientName)
    .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { UseProxy = false });
builder.Services.AddHttpClient(OpenApiMerger.ClientName)
    .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
    {
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.All,
    });
var health = builder.Services.AddHealthChecks();
foreach (var route in routes)
    health.Add(new HealthCheckRegistration(
        route.Id,
        sp => new DestinationHealthCheck(sp.GetRequiredService<IHttpClientFactory>(), route, destinationTimeout),
        HealthStatus.Unhealthy,
        [ServiceDefaults.ReadyTag]));
builder.Services.AddSingleton(sp => new OpenApiMerger(
    sp.GetRequiredService<IHttpClientFactory>(), routes, destinationTimeout, sp.GetRequiredService<ILogger<OpenApiMerger>>()));

var app = builder.Build();

app.MapServiceDefaults(new ServiceDefaultsPipeline
{
    MapOpenApi = false,
    BeforeAuthorization = pipeline => pipeline.UseRateLimiter(),
});

// The merged OpenAPI document, the API reference and the event catalogue, for anyone: on by default in Development only, so a production
// gateway does not describe its API to the internet unless its operators choose to.
if (builder.Configuration.GetValue("Gateway:PublishApiReference", app.Environment.IsDevelopment()))
{
    app.MapGet(OpenApiMerger.DocumentPath, async (OpenApiMerger merger, CancellationToken ct) =>
        Results.Json(await merger.BuildAsync(ct))).AllowAnonymous().ExcludeFromDescription();
    app.MapScalarApiReference(options => options
        .WithTitle("Property platform API")
        .WithOpenApiRoutePattern("/openapi/{documentName}.json")
        .DisableTelemetry()).AllowAnonymous();
    app.MapGet("/", () => Results.Redirect("/scalar")).AllowAnonymous().ExcludeFromDescription();
    app.MapEventCatalogue();
}
app.MapDevTokens();
app.MapDevClock();
app.MapReverseProxy();

app.Run();

public partial class Program;
