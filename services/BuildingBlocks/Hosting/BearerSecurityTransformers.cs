using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Platform.BuildingBlocks.Hosting;

/// <summary>Declares the bearer scheme and marks every operation that needs a token, with its 401/403 answers.</summary>
internal static class BearerSecurityTransformers
{
    public const string SchemeName = "Bearer";

    public static Task AddScheme(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            In = ParameterLocation.Header,
            Description = "A platform JWT: claims sub, name, roles (array), estates (array, \"*\" for all).",
        };
        return Task.CompletedTask;
    }

    public static Task MarkSecuredOperation(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (!metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<IAllowAnonymous>().Any())
            return Task.CompletedTask;

        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [],
        });
        operation.Responses ??= new OpenApiResponses();
        operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No valid bearer token (problem+json)." });
        operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The token's roles do not allow this (problem+json)." });
        return Task.CompletedTask;
    }
}
