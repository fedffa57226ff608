using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Security;

namespace Gateway.Tests;

/// <summary>
/// An identity provider as a service meets it: an OIDC discovery document and a JWKS over HTTP on loopback, RS256
/// keys that can be rotated while the service runs.
/// </summary>
public sealed class FakeOidcProvider : IAsyncDisposable
{
    private readonly WebApplication _app;
    private volatile (RSA Key, string Id)[] _keys = [(RSA.Create(2048), "key-1")];

    private FakeOidcProvider(WebApplication app) => _app = app;

    public string Authority { get; private set; } = "";

    public static async Task<FakeOidcProvider> StartAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var provider = new FakeOidcProvider(app);
        app.MapGet("/realms/estates/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = provider.Authority,
            ["jwks_uri"] = provider.Authority + "/protocol/openid-connect/certs",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet("/realms/estates/protocol/openid-connect/certs", () => Results.Json(new
        {
            keys = provider._keys.Select(k =>
            {
                var parameters = k.Key.ExportParameters(false);
                return new Dictionary<string, string>
                {
                    ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = k.Id,
                    ["n"] = Base64UrlEncoder.Encode(parameters.Modulus), ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                };
            }),
        }));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        provider.Authority = address + "/realms/estates";
        return provider;
    }

    /// <summary>Replace every key with a new one, as a provider does when it rotates.</summary>
    public void RotateKeys(string newKeyId) => _keys = [(RSA.Create(2048), newKeyId)];

    public DevTokenIssuer Issuer(string? issuer = null)
    {
        var (key, id) = _keys[0];
        return new DevTokenIssuer(new SigningCredentials(new RsaSecurityKey(key) { KeyId = id }, SecurityAlgorithms.RsaSha256),
            issuer ?? Authority, PlatformAuthSettings.DefaultAudience, TimeSpan.FromMinutes(10), TimeProvider.System);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>A service configured with only an OIDC authority takes its keys and issuer from the provider.</summary>
public sealed class OidcAuthorityTests : IAsyncLifetime
{
    private FakeOidcProvider _provider = null!;
    private SampleService _service = null!;

    public async Task InitializeAsync()
    {
        _provider = await FakeOidcProvider.StartAsync();
        _service = await SampleService.StartAsync("Production", new Dictionary<string, string?>
        {
            ["Auth:Authority"] = _provider.Authority,
            ["Auth:RequireHttpsMetadata"] = "false",
        });
    }

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        await _provider.DisposeAsync();
    }

    private async Task<HttpStatusCode> MeAsync(string token) =>
        (await _service.Client.SendAsync(_service.Request(HttpMethod.Get, "/api/v1/things/me", token))).StatusCode;

    [Fact]
    public async Task A_token_the_provider_signed_is_accepted_and_one_from_another_key_or_issuer_is_refused()
    {
        Assert.Equal(HttpStatusCode.OK, await MeAsync(_provider.Issuer().Issue("u-1", [Roles.Operator])));

        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(_provider.Issuer(issuer: "https://someone-else.example").Issue("u-1", [Roles.Operator])));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(Platform.TestSupport.TestSigningKey.Shared.Issuer(issuer: _provider.Authority).Issue("u-1", [Roles.Operator])));
    }

    [Fact]
    public async Task After_the_provider_rotates_its_keys_new_tokens_are_accepted_without_a_restart()
    {
        Assert.Equal(HttpStatusCode.OK, await MeAsync(_provider.Issuer().Issue("u-1", [Roles.Operator])));

        _provider.RotateKeys("key-2");

        // The first token with an unknown key id makes the service refetch the JWKS (and is itself refused).
        var token = _provider.Issuer().Issue("u-1", [Roles.Operator]);
        await Platform.TestSupport.Eventually.UntilAsync(async () => await MeAsync(token) == HttpStatusCode.OK,
            TimeSpan.FromSeconds(20), "a token signed with the rotated key should be accepted once the JWKS is refetched");
    }

    [Fact]
    public void No_development_issuer_exists_where_an_authority_is_configured()
    {
        Assert.Null(_service.Services.GetService<DevTokenIssuer>());
    }
}
