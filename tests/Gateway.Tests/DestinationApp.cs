using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.Tests;

/// <summary>
/// A small real service on a random loopback port, standing in for Complaints or Work orders behind the gateway:
/// it echoes what it received, answers a problem+json 422, serves an OpenAPI document and readiness.
/// </summary>
public sealed class DestinationApp : IAsyncDisposable
{
    public const string ProblemBody =
        "{\"type\":\"https://property-platform.dev/problems/complaint-closed\",\"title\":\"The complaint is closed\",\"status\":422,\"detail\":\"Closed complaints take no replies.\",\"x-odd-spacing\" :  true}";
    public const string ProblemContentType = "application/problem+json; charset=utf-8";

    private readonly WebApplication _app;

    private DestinationApp(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    /// <param name="routePrefix">e.g. /api/v1/complaints: the paths it serves and documents.</param>
    /// <param name="prioritySchema">the shape of its "Priority" schema, to exercise merging of conflicting names.</param>
    public static async Task<DestinationApp> StartAsync(string routePrefix, string prioritySchema = "string")
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();

        app.Map(routePrefix + "/echo/{**rest}", (HttpContext context) => Results.Json(new
        {
            method = context.Request.Method,
            path = context.Request.Path.Value,
            headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
        }));
        app.MapGet(routePrefix, () => Results.Json(new { items = Array.Empty<object>() }));
        app.MapPost(routePrefix + "/problem", async (HttpContext context) =>
        {
            context.Response.StatusCode = 422;
            context.Response.ContentType = ProblemContentType;
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(ProblemBody));
        });
        // Answers only when the caller gives up: an instance that stopped answering (frozen, overloaded).
        app.MapGet(routePrefix + "/hang", async (HttpContext context) => await Task.Delay(Timeout.Infinite, context.RequestAborted));
        app.MapGet("/health/ready", () => Results.Json(new { status = "Healthy" }));
        app.MapGet("/openapi/v1.json", () => Results.Text(OpenApiDocument(routePrefix, prioritySchema), "application/json"));

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new DestinationApp(app, new Uri(address));
    }

    private static string OpenApiDocument(string routePrefix, string prioritySchema) => new JsonObject
    {
        ["openapi"] = "3.1.1",
        ["info"] = new JsonObject { ["title"] = routePrefix, ["version"] = "v1" },
        ["paths"] = new JsonObject
        {
            [routePrefix + "/echo/{rest}"] = new JsonObject
            {
                ["get"] = new JsonObject
                {
                    ["tags"] = new JsonArray(routePrefix),
                    ["responses"] = new JsonObject
                    {
                        ["200"] = new JsonObject
                        {
                            ["description"] = "OK",
                            ["content"] = new JsonObject
                            {
                                ["application/json"] = new JsonObject
                                {
                                    ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/Priority" },
                                },
                            },
                        },
                    },
                },
            },
            ["/internal/only"] = new JsonObject { ["get"] = new JsonObject { ["responses"] = new JsonObject() } },
        },
        ["components"] = new JsonObject
        {
            ["schemas"] = new JsonObject
            {
                ["Priority"] = new JsonObject { ["type"] = prioritySchema },
                ["ProblemDetails"] = new JsonObject { ["type"] = "object" },
            },
        },
        ["tags"] = new JsonArray(new JsonObject { ["name"] = routePrefix }),
    }.ToJsonString();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
