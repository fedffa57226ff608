using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Tokens;
using Platform.BuildingBlocks.Hosting;

namespace Platform.BuildingBlocks.Security;

public static class AuthenticationExtensions
{
    /// <summary>
    /// JWT bearer authentication for platform tokens (HS256, config section <c>Auth</c>), authorization, and a
    /// <see cref="DevTokenIssuer"/>. Fails here, at start-up, when no signing key is configured outside Development.
    /// </summary>
    public static WebApplicationBuilder AddPlatformAuthentication(this WebApplicationBuilder builder)
    {
        var settings = PlatformAuthSettings.FromConfiguration(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(settings);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<DevTokenIssuer>(sp => new DevTokenIssuer(settings, sp.GetRequiredService<TimeProvider>()));

        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = settings.Issuer,
                    ValidAudience = settings.Audience,
                    IssuerSigningKey = settings.SecurityKey,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    ValidateIssuerSigningKey = true,
                    RequireExpirationTime = true,
                    RequireSignedTokens = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = PlatformClaims.Name,
                    RoleClaimType = ClaimTypes.Role,
                };
                options.Events = new JwtBearerEvents
                {
                    OnTokenValidated = context =>
                    {
                        // Every event records who acted, so a token must say who; and "system" is the platform's own
                        // identity for consumers and watchers, never something a caller can present.
                        if (string.IsNullOrWhiteSpace(context.Principal?.FindFirst(PlatformClaims.Subject)?.Value))
                            context.Fail("The token has no 'sub' claim.");
                        else if (context.Principal!.HasClaim(PlatformClaims.Roles, EventSourcing.Roles.System))
                            context.Fail("The role 'system' is never accepted from a token.");
                        else
                            AddRoleClaims(context.Principal);
                        return Task.CompletedTask;
                    },
                    OnChallenge = async context =>
                    {
                        // Replace the bare 401 with problem+json, keeping the WWW-Authenticate header clients expect.
                        context.HandleResponse();
                        context.Response.Headers.WWWAuthenticate = context.Error is null
                            ? "Bearer"
                            : $"Bearer error=\"{context.Error}\"";
                        var detail = context.AuthenticateFailure is null
                            ? "A bearer token is required."
                            : "The bearer token is invalid or expired.";
                        await context.HttpContext.WriteProblemAsync(
                            StatusCodes.Status401Unauthorized, Problems.Unauthenticated, "Unauthenticated", detail);
                    },
                    OnForbidden = context => context.HttpContext.WriteProblemAsync(
                        StatusCodes.Status403Forbidden, Problems.Forbidden, "Forbidden",
                        "The token's roles do not allow this request."),
                };
            });
        builder.Services.AddAuthorization();
        return builder;
    }

    /// <summary>
    /// Tokens carry roles under "roles"; adding each as <see cref="ClaimTypes.Role"/> too lets
    /// <c>RequireRole</c> and <c>IsInRole</c> work while the issued claims stay as they are.
    /// </summary>
    private static void AddRoleClaims(ClaimsPrincipal? principal)
    {
        if (principal?.Identity is not ClaimsIdentity identity) return;
        foreach (var role in identity.FindAll(PlatformClaims.Roles).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList())
        {
            if (!identity.HasClaim(ClaimTypes.Role, role))
                identity.AddClaim(new Claim(ClaimTypes.Role, role));
        }
    }
}
