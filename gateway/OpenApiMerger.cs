using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Gateway;

/// <summary>
/// Builds the gateway's OpenAPI document from the services' own documents: the paths each service owns behind
/// the gateway and their components. Services that do not answer in time are left out and listed in
/// <c>x-unavailable</c>, so the page still renders while one service is down.
/// </summary>
internal sealed class OpenApiMerger(IHttpClientFactory clients, IReadOnlyList<ServiceRoute> routes, TimeSpan timeout, ILogger<OpenApiMerger> logger)
{
    public const string ClientName = "openapi";
    public const string DocumentPath = "/openapi/v1.json";
    private const string DefaultOpenApiVersion = "3.1.1";

    private static readonly string[] ComponentKinds =
        ["schemas", "responses", "parameters", "examples", "requestBodies", "headers", "securitySchemes", "links", "callbacks", "pathItems"];

    public async Task<JsonObject> BuildAsync(CancellationToken ct)
    {
        var documents = await Task.WhenAll(routes.Select(route => FetchAsync(route, ct)));

        var paths = new JsonObject();
        var components = new JsonObject();
        var tags = new JsonArray();
        var unavailable = new JsonArray();
        string? version = null;

        foreach (var (route, document) in routes.Zip(documents))
        {
            if (document is null)
            {
                unavailable.Add(route.Id);
                continue;
            }
            version ??= document["openapi"]?.GetValue<string>();
            RenameConflictingComponents(document, components, route);

            if (document["paths"] is JsonObject servicePaths)
                foreach (var (path, item) in servicePaths.ToList())
                    if (route.Owns(path) && !paths.ContainsKey(path))
                        paths[path] = item?.DeepClone();

            if (document["components"] is JsonObject serviceComponents)
                foreach (var kind in ComponentKinds)
                    if (serviceComponents[kind] is JsonObject entries)
                    {
                        var target = components[kind] as JsonObject ?? (JsonObject)(components[kind] = new JsonObject());
                        foreach (var (name, value) in entries)
                            if (!target.ContainsKey(name)) target[name] = value?.DeepClone();
                    }

            if (document["tags"] is JsonArray serviceTags)
                foreach (var tag in serviceTags)
                    if (tag?["name"]?.GetValue<string>() is { } name && !tags.Any(t => t?["name"]?.GetValue<string>() == name))
                        tags.Add(tag.DeepClone());
        }

        var schemes = components["securitySchemes"] as JsonObject ?? (JsonObject)(components["securitySchemes"] = new JsonObject());
        if (!schemes.ContainsKey("Bearer"))
            schemes["Bearer"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer", ["bearerFormat"] = "JWT" };

        var merged = new JsonObject
        {
            ["openapi"] = version ?? DefaultOpenApiVersion,
            ["info"] = new JsonObject
            {
                ["title"] = "Property platform API",
                ["version"] = "v1",
                ["description"] = "Every service behind the gateway. Authenticate with a bearer token (JWT).",
            },
            ["paths"] = paths,
            ["components"] = components,
        };
        if (tags.Count > 0) merged["tags"] = tags;
        if (unavailable.Count > 0) merged["x-unavailable"] = unavailable;
        return merged;
    }

    private async Task<JsonObject?> FetchAsync(ServiceRoute route, CancellationToken ct)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timer.CancelAfter(timeout);
        try
        {
            using var response = await clients.CreateClient(ClientName).GetAsync(new Uri(route.Url, DocumentPath), timer.Token);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("OpenAPI document of {Service} answered {Status}", route.Name, (int)response.StatusCode);
                return null;
            }
            await using var body = await response.Content.ReadAsStreamAsync(timer.Token);
            return await JsonNode.ParseAsync(body, cancellationToken: timer.Token) as JsonObject;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            logger.LogWarning("OpenAPI document of {Service} is unavailable: {Reason}", route.Name, e.Message);
            return null;
        }
    }

    /// <summary>
    /// Two services may both define, say, a "Priority" schema with different shapes. The later one is renamed
    /// with its service's name as prefix, and every $ref in its document is rewritten to match.
    /// </summary>
    private static void RenameConflictingComponents(JsonObject document, JsonObject mergedComponents, ServiceRoute route)
    {
        if (document["components"] is not JsonObject serviceComponents) return;
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var kind in ComponentKinds)
        {
            if (serviceComponents[kind] is not JsonObject entries || mergedComponents[kind] is not JsonObject existing) continue;
            foreach (var (name, value) in entries.ToList())
            {
                if (!existing.TryGetPropertyValue(name, out var other) || JsonNode.DeepEquals(other, value)) continue;
                var renamed = route.Name + name;
                for (var n = 2; existing.ContainsKey(renamed) || entries.ContainsKey(renamed); n++)
                    renamed = $"{route.Name}{name}{n}";
                entries.Remove(name);
                entries[renamed] = value;
                renames[$"#/components/{kind}/{name}"] = $"#/components/{kind}/{renamed}";
            }
        }
        if (renames.Count > 0) RewriteReferences(document, renames);
    }

    private static void RewriteReferences(JsonNode? node, IReadOnlyDictionary<string, string> renames)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (key == "$ref" && value is JsonValue reference && reference.TryGetValue<string>(out var target)
                        && renames.TryGetValue(target, out var renamed))
                        obj[key] = renamed;
                    else
                        RewriteReferences(value, renames);
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                    RewriteReferences(item, renames);
                break;
        }
    }
}
