using System.Collections;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;

namespace Platform.BuildingBlocks.Hosting;

/// <summary>
/// Makes the OpenAPI document say what the API does: which request fields are required (<see cref="RequiredAttribute"/>)
/// and which optional, each field's maximum (<see cref="FieldLimits"/>), enums as their wire names, and the roles
/// each operation lets through, read from the same authorization metadata that enforces them.
/// </summary>
internal static class ApiDocumentTransformers
{
    public const string RolesExtension = "x-roles";

    public static Task DescribeEnum(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (!type.IsEnum) return Task.CompletedTask;
        // The document would otherwise show the response serializer's spelling, not the one requests accept.
        schema.Enum = WireName.All(type).Select(name => (JsonNode)JsonValue.Create(name)).ToList();
        schema.Type = JsonSchemaType.String;
        return Task.CompletedTask;
    }

    /// <summary>
    /// Runs on the finished document, where each request type is one component schema: the generator would list every
    /// constructor parameter as required and every nullable one as accepting null.
    /// </summary>
    public static Task DescribeRequestBodies(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        if (document.Components?.Schemas is not { } schemas) return Task.CompletedTask;
        var bodies = context.DescriptionGroups.SelectMany(g => g.Items)
            .SelectMany(d => d.ActionDescriptor.EndpointMetadata.OfType<IAcceptsMetadata>())
            .Select(a => a.RequestType).OfType<Type>();
        foreach (var type in WithNested(bodies))
            if (schemas.TryGetValue(type.Name, out var found) && found is OpenApiSchema schema)
                DescribeRequest(schema, type);
        return Task.CompletedTask;
    }

    /// <summary>The request types and every request record their fields hold, directly or in a list.</summary>
    private static IEnumerable<Type> WithNested(IEnumerable<Type> roots)
    {
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>(roots.Where(FieldLimits.IsRequestBody));
        while (pending.TryPop(out var type))
        {
            if (!seen.Add(type)) continue;
            foreach (var field in FieldLimits.FieldsOf(type))
            {
                var held = FieldLimits.ElementType(field.Property.PropertyType);
                if (FieldLimits.IsRequestBody(held)) pending.Push(held);
            }
        }
        return seen;
    }

    private static void DescribeRequest(OpenApiSchema schema, Type type)
    {
        var fields = FieldLimits.FieldsOf(type);
        schema.Required = fields.Where(f => f.Required).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        if (schema.Properties is null) return;
        foreach (var field in fields)
        {
            if (!schema.Properties.TryGetValue(field.Name, out var property)) continue;
            schema.Properties[field.Name] = DescribeField(property, field);
        }
    }

    private static IOpenApiSchema DescribeField(IOpenApiSchema property, FieldLimits.Field field)
    {
        if (field.Required && property is OpenApiSchema { OneOf: { Count: > 0 } choices } && choices.Count(c => !IsNull(c)) == 1)
            property = choices.Single(c => !IsNull(c));  // a required field must be given a value: null is not one
        if (property is not OpenApiSchema schema)
            return field.RequiredWhen is { } when ? new OpenApiSchema { AllOf = [property], Description = $"Required {when}." } : property;

        var clrType = field.Property.PropertyType;
        if (clrType == typeof(string))
            schema.MaxLength = field.FreeText ? FieldLimits.FreeText : FieldLimits.ShortText;
        else if (typeof(IEnumerable).IsAssignableFrom(clrType))
            schema.MaxItems = FieldLimits.ListItems;
        if (field.Required && schema.Type is { } types)
            schema.Type = types & ~JsonSchemaType.Null;
        if (field.RequiredWhen is { } condition)
            schema.Description = string.IsNullOrEmpty(schema.Description) ? $"Required {condition}." : $"{schema.Description} Required {condition}.";
        return schema;
    }

    private static bool IsNull(IOpenApiSchema schema) => schema is OpenApiSchema { Type: JsonSchemaType.Null };

    public static Task DescribeRoles(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        if (EndpointRoles.Of(context.Description.ActionDescriptor.EndpointMetadata) is not { } roles) return Task.CompletedTask;
        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        operation.Extensions[RolesExtension] = new JsonNodeExtension(new JsonArray(roles.Select(r => (JsonNode)JsonValue.Create(r)).ToArray()));
        var line = $"Roles: {string.Join(", ", roles)}.";
        operation.Description = string.IsNullOrEmpty(operation.Description) ? line : $"{operation.Description}\n\n{line}";
        return Task.CompletedTask;
    }
}
