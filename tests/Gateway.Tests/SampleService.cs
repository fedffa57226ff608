using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Hosting;
using Platform.BuildingBlocks.Security;
using Platform.TestSupport;

namespace Gateway.Tests;

/// <summary>A service built the way every platform service is: service defaults plus platform authentication.</summary>
public sealed class SampleService : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SampleService(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
        Client = new HttpClient { BaseAddress = url };
    }

    public Uri Url { get; }
    public HttpClient Client { get; }
    public IServiceProvider Services => _app.Services;
    public DevTokenIssuer Tokens => _app.Services.GetService<DevTokenIssuer>() ?? TestSigningKey.Shared.Issuer();

    /// <param name="auth">The <c>Auth</c> settings; outside Development, by default, trust <see cref="TestSigningKey.Shared"/>.</param>
    public static async Task<SampleService> StartAsync(string environment = "Production", IReadOnlyDictionary<string, string?>? auth = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        if (auth is not null)
            builder.Configuration.AddInMemoryCollection(auth);
        else if (environment != "Development")
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:PublicKey"] = TestSigningKey.Shared.PublicKeyPem });
        builder.AddServiceDefaults("sample");
        builder.AddPlatformAuthentication();
        builder.Logging.ClearProviders();

        var app = builder.Build();
        app.MapServiceDefaults();

        var things = app.MapGroup("/api/v1/things").RequireAuthorization();
        things.MapGet("/me", (HttpContext context) =>
        {
            var actor = context.User.ToActor();
            return Results.Ok(new
            {
                actor.Id,
                actor.Roles,
                estates = context.User.Estates(),
                seesEstate1 = context.User.CanSeeEstate("estate-1"),
                seesEstate2 = context.User.CanSeeEstate("estate-2"),
                name = context.User.Identity?.Name,
            });
        });
        things.MapPost("/", () => Results.Ok()).RequireAuthorization(policy => policy.RequireRole(Roles.Operator));
        things.MapGet("/boom", string () => throw new InvalidOperationException("secret internals"));
        things.MapGet("/kind", () => Results.Ok(new { kind = RejectionKind.NotFound }));
        app.MapGet("/correlation", (HttpContext context) => Results.Ok(new { id = context.GetCorrelationId() }));

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new SampleService(app, new Uri(address));
    }

    public HttpRequestMessage Request(HttpMethod method, string path, string? token = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
