using System.Text.Json.Nodes;

namespace Platform.TestSupport;

/// <summary>One operation of an OpenAPI document, as the contract tests read it.</summary>
public sealed record ApiOperation(string Method, string Path, string Id, IReadOnlyList<string>? Roles, string? RequestSchema);

/// <summary>A request field as documented: its path from the body's root ("reporter.phone").</summary>
public sealed record ApiField(string Path, bool Required, bool Conditional);

/// <summary>A service's OpenAPI document, read as an integrator's code generator would, to test it against the service.</summary>
public sealed class ApiDocument(JsonObject document)
{
    public static async Task<ApiDocument> LoadAsync(HttpClient http) =>
        new(JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json"))!.AsObject());

    private JsonObject Schemas => document["components"]!["schemas"]!.AsObject();

    public IReadOnlyList<ApiOperation> Operations() =>
    [
        .. from path in document["paths"]!.AsObject()
           from operation in path.Value!.AsObject()
           let node = operation.Value!.AsObject()
           select new ApiOperation(
               operation.Key.ToUpperInvariant(), path.Key, node["operationId"]?.GetValue<string>() ?? $"{operation.Key} {path.Key}",
               node["x-roles"]?.AsArray().Select(r => r!.GetValue<string>()).ToList(),
               SchemaName(node["requestBody"]?["content"]?["application/json"]?["schema"])),
    ];

    public ApiOperation Operation(string id) => Operations().Single(o => o.Id == id);

    /// <summary>Every field of a request schema, nested objects included, each with whether it is required.</summary>
    public IReadOnlyList<ApiField> Fields(string schemaName, string prefix = "")
    {
        var schema = Schemas[schemaName]!.AsObject();
        var required = schema["required"]?.AsArray().Select(r => r!.GetValue<string>()).ToHashSet() ?? [];
        var fields = new List<ApiField>();
        foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
        {
            var path = prefix.Length == 0 ? name : $"{prefix}.{name}";
            var description = property!["description"]?.GetValue<string>() ?? "";
            fields.Add(new ApiField(path, required.Contains(name), description.Contains("Required ", StringComparison.Ordinal)));
            if (SchemaName(property) is { } nested && Schemas[nested]!["properties"] is not null)
                fields.AddRange(Fields(nested, path));
        }
        return fields;
    }

    /// <summary>The component a schema refers to, directly or as the non-null choice of a oneOf.</summary>
    private static string? SchemaName(JsonNode? schema)
    {
        if (schema?["$ref"]?.GetValue<string>() is { } reference) return reference.Split('/')[^1];
        return schema?["oneOf"]?.AsArray().Select(SchemaName).FirstOrDefault(n => n is not null);
    }

    /// <summary>A copy of <paramref name="body"/> without the field at <paramref name="path"/>; null when the body has no such field.</summary>
    public static JsonObject? Without(JsonObject body, string path)
    {
        var copy = body.DeepClone().AsObject();
        var parts = path.Split('.');
        var holder = copy;
        foreach (var part in parts[..^1])
        {
            if (holder[part] is not JsonObject inner) return null;
            holder = inner;
        }
        return holder.Remove(parts[^1]) ? copy : null;
    }
}
