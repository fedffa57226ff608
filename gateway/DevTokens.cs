using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Hosting;
using Platform.BuildingBlocks.Security;

namespace Platform.Gateway;

public sealed record DevTokenRequest(string? Subject, string? Name, string[]? Roles, string[]? Estates);

public sealed record DevTokenResponse(string AccessToken, string TokenType, int ExpiresIn);

/// <summary><c>POST /dev/tokens</c>: mint a token for a laptop run. Mapped only in Development.</summary>
internal static class DevTokens
{
    public const string Path = "/dev/tokens";

    public static void MapDevTokens(this WebApplication app)
    {
        // A Development gateway pointed at a real identity provider has no development issuer, and so no such route.
        if (!app.Environment.IsDevelopment() || app.Services.GetService<DevTokenIssuer>() is null) return;

        app.MapPost(Path, (DevTokenRequest? request, DevTokenIssuer issuer) =>
        {
            var errors = Validate(request);
            if (errors.Count > 0)
                return Results.ValidationProblem(errors, type: Problems.Validation, title: "The token request is invalid.");

            var token = issuer.Issue(new DevTokenSubject(
                request!.Subject!.Trim(), string.IsNullOrWhiteSpace(request.Name) ? null : request.Name.Trim(),
                request.Roles!.Distinct().ToArray(), (request.Estates ?? []).Distinct().ToArray()));
            return Results.Ok(new DevTokenResponse(token, "Bearer", (int)issuer.DefaultLifetime.TotalSeconds));
        }).AllowAnonymous();
    }

    internal static Dictionary<string, string[]> Validate(DevTokenRequest? request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request is null)
        {
            errors["body"] = ["A JSON body {\"subject\",\"name\",\"roles\":[...],\"estates\":[...]} is required."];
            return errors;
        }
        if (string.IsNullOrWhiteSpace(request.Subject))
            errors["subject"] = ["The subject is required."];
        if (request.Roles is null || request.Roles.Length == 0)
            errors["roles"] = [$"At least one role is required: {string.Join(", ", Roles.All)}."];
        else
            for (var i = 0; i < request.Roles.Length; i++)
                if (!Roles.All.Contains(request.Roles[i], StringComparer.Ordinal))
                    errors[$"roles[{i}]"] = [$"Unknown role '{request.Roles[i]}'. Known roles: {string.Join(", ", Roles.All)}."];
        if (request.Estates is not null)
            for (var i = 0; i < request.Estates.Length; i++)
                if (string.IsNullOrWhiteSpace(request.Estates[i]))
                    errors[$"estates[{i}]"] = ["An estate id must not be empty (use \"*\" for every estate)."];
        return errors;
    }
}
