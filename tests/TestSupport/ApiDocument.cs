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

/// <summary>The checks that hold a service's OpenAPI document to its behaviour; each API suite runs them on its service.</summary>
public static class ApiDocumentContract
{
    /// <summary>
    /// Leaves out each field of <paramref name="valid"/> in turn (nested ones too, conditional ones not): without a
    /// required field the request is refused naming it and stores nothing; without an optional one it is accepted (200 or 201).
    /// </summary>
    public static async Task OmittedFieldsAnswerAsDocumentedAsync(
        ApiDocument document, string operationId, JsonObject valid, Func<string, Task<Answer>> send, Func<Task<int>> storedEvents)
    {
        var fields = document.Fields(document.Operation(operationId).RequestSchema!);
        foreach (var field in fields.Where(f => !f.Conditional))
        {
            if (ApiDocument.Without(valid, field.Path) is not { } body) continue;
            var before = await storedEvents();

            var answer = await send(body.ToJsonString());

            if (field.Required)
            {
                Xunit.Assert.True(answer.Status is 400 or 422, $"without {field.Path}: {answer}");
                Xunit.Assert.Contains(answer.Body!["errors"]!.AsObject(), e => e.Key == field.Path || e.Key.StartsWith(field.Path + ".", StringComparison.Ordinal));
                Xunit.Assert.Equal(before, await storedEvents());
            }
            else
            {
                Xunit.Assert.True(answer.Status is 200 or 201, $"without the optional {field.Path}: {answer}");
            }
        }
    }

    /// <summary>Sends <c>{}</c> to every command on one aggregate: any field it is refused for missing is documented as required.</summary>
    public static async Task MissingFieldsAreDocumentedAsync(
        ApiDocument document, string resourcePath, Func<ApiOperation, string, Task<Answer>> send)
    {
        foreach (var operation in document.Operations().Where(o => o is { Method: "POST", RequestSchema: not null } && o.Path.Contains("{id}")))
        {
            var fields = document.Fields(operation.RequestSchema!);
            var answer = await send(operation, operation.Path.Replace("{id}", resourcePath));

            foreach (var (name, _) in answer.Body?["errors"]?.AsObject() ?? [])
                Xunit.Assert.True(fields.Any(f => f.Path == name && (f.Required || f.Conditional)),
                    $"{operation.Id} refused {{}} naming '{name}', which its document does not require: {answer}");
        }
    }

    /// <summary>For every operation and every platform role: refused with 403 <c>forbidden</c> exactly when the role is not in its <c>x-roles</c>.</summary>
    public static async Task RolesAnswerAsDocumentedAsync(ApiDocument document, ApiClient api, Func<string, string> tokenFor)
    {
        foreach (var operation in document.Operations().Where(o => o.Roles is not null))
        {
            foreach (var role in BuildingBlocks.EventSourcing.Roles.All.Where(r => r != BuildingBlocks.EventSourcing.Roles.System))
            {
                var path = System.Text.RegularExpressions.Regex.Replace(operation.Path, "{[^}]+}", Guid.NewGuid().ToString());
                var answer = await api.SendAsync(new HttpMethod(operation.Method), path, tokenFor(role), rawJson: operation.Method == "POST" ? "{}" : null);

                var refusedForRole = answer.Status == 403 && answer.ProblemType == BuildingBlocks.Hosting.Problems.Forbidden;
                Xunit.Assert.True(refusedForRole != operation.Roles!.Contains(role),
                    $"{operation.Id} documents roles [{string.Join(", ", operation.Roles!)}] but answered {role}: {answer}");
            }
        }
    }
}
