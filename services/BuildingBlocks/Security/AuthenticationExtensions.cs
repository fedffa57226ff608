using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Platform.BuildingBlocks.Hosting;

namespace Platform.BuildingBlocks.Security;

public static class AuthenticationExtensions
{
    /// <summary>
    /// JWT bearer authentication for platform tokens (config section <c>Auth</c>, see <see cref="PlatformAuthSettings"/>)
    /// and authorization; the <see cref="DevTokenIssuer"/> only where the development key is trusted. Fails here, at
    /// start-up, when no keys are configured outside Development.
    /// </summary>
    public static WebApplicationBuilder AddPlatformAuthentication(this WebApplicationBuilder builder)
    {
        var settings = PlatformAuthSettings.FromConfiguration(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(settings);
        // Tokens are minted and checked on the real clock, whatever clock the domain runs on.
        if (settings.UsesDevelopmentKey)
            builder.Services.AddSingleton(DevTokenIssuer.ForDevelopment(settings, TimeProvider.System));

        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TimeProvider = TimeProvider.System;
                if (settings.Authority is not null)
                {
                    // Keys, and the issuer unless configured, come from the discovery document; an unknown key id
                    // refetches it, so the provider can rotate keys without a restart.
                    options.Authority = settings.Authority;
                    options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
                }
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = settings.Issuer,
                    ValidateIssuer = true,
                    ValidAudience = settings.Audience,
                    IssuerSigningKeys = settings.SigningKeys,
                    ValidAlgorithms = PlatformAuthSettings.AcceptedAlgorithms,
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
                        EndpointRoles.Of(context.HttpContext.GetEndpoint()?.Metadata ?? []) is { } roles
                            ? $"The token's roles do not allow this request: it needs one of {string.Join(", ", roles)}."
                            : "The token's roles do not allow this request."),
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
