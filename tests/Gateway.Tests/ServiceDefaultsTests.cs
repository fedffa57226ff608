using Microsoft.Extensions.Configuration;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Hosting;
using Platform.BuildingBlocks.Security;
using Platform.TestSupport;

namespace Gateway.Tests;

public sealed class SampleServiceFixture : IAsyncLifetime
{
    public SampleService Service { get; private set; } = null!;

    public async Task InitializeAsync() => Service = await SampleService.StartAsync();

    public async Task DisposeAsync() => await Service.DisposeAsync();
}

/// <summary>The shared service defaults and platform authentication, as a service (not the gateway) uses them.</summary>
public sealed class ServiceDefaultsTests(SampleServiceFixture fixture) : IClassFixture<SampleServiceFixture>
{
    private SampleService Service => fixture.Service;

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(type, problem.GetProperty("type").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("correlationId").GetString()));
        return problem;
    }

    [Fact]
    public async Task The_principal_becomes_an_actor_with_all_roles_and_estates()
    {
        var token = Service.Tokens.Issue(new DevTokenSubject("u-7", "Li Lei", [Roles.Technician, Roles.TeamLeader], ["estate-1"]));

        var response = await Service.Client.SendAsync(Service.Request(HttpMethod.Get, "/api/v1/things/me", token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("u-7", me.GetProperty("id").GetString());
        Assert.Equal([Roles.Technician, Roles.TeamLeader], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
        Assert.Equal(["estate-1"], me.GetProperty("estates").EnumerateArray().Select(r => r.GetString()!).ToArray());
        Assert.True(me.GetProperty("seesEstate1").GetBoolean());
        Assert.False(me.GetProperty("seesEstate2").GetBoolean());
        Assert.Equal("Li Lei", me.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_star_estate_sees_every_estate()
    {
        var token = Service.Tokens.Issue("gm-1", [Roles.GeneralManager], [PlatformClaims.AllEstates]);

        var me = await (await Service.Client.SendAsync(Service.Request(HttpMethod.Get, "/api/v1/things/me", token)))
            .Content.ReadFromJsonAsync<JsonElement>();

        Assert.True(me.GetProperty("seesEstate1").GetBoolean());
        Assert.True(me.GetProperty("seesEstate2").GetBoolean());
    }

    [Fact]
    public async Task No_token_is_401_problem()
    {
        var response = await Service.Client.GetAsync("/api/v1/things/me");

        await ProblemAsync(response, HttpStatusCode.Unauthorized, Problems.Unauthenticated);
    }

    [Fact]
    public async Task An_expired_token_is_401_problem()
    {
        var issuer = TestSigningKey.Shared.Issuer(time: new FixedTimeProvider(DateTimeOffset.UtcNow.AddDays(-2)));
        var token = issuer.Issue("u-1", [Roles.Operator]);

        var response = await Service.Client.SendAsync(Service.Request(HttpMethod.Get, "/api/v1/things/me", token));

        await ProblemAsync(response, HttpStatusCode.Unauthorized, Problems.Unauthenticated);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_401()
    {
        var issuer = TestSigningKey.Shared.Issuer(audience: "someone-else");

        var response = await Service.Client.SendAsync(Service.Request(HttpMethod.Get, "/api/v1/things/me", issuer.Issue("u-1", [Roles.Operator])));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_development_token_is_refused_where_the_development_key_is_not_trusted()
    {
        var token = DevTokenIssuer.ForDevelopment(PlatformAuthSettings.Development, TimeProvider.System).Issue("u-1", [Roles.Operator]);

        var response = await Service.Client.SendAsync(Service.Request(HttpMethod.Get, "/api/v1/things/me", token));

        await ProblemAsync(response, HttpStatusCode.Unauthorized, Problems.Unauthenticated);
    }

    [Fact]
    public async Task A_token_signed_with_the_public_key_as_an_hmac_secret_is_refused()
    {
        // The classic algorithm-confusion forgery: whoever knows the public key signs HS256 with it.
        var secret = new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(System.Text.Encoding.UTF8.GetBytes(TestSigningKey.Shared.PublicKeyPem));
        var token = new DevTokenIssuer(new Microsoft.IdentityModel.Tokens.SigningCredentials(secret, "HS256"),
            PlatformAuthSettings.DefaultIssuer, PlatformAuthSettings.DefaultAudience, TimeSpan.FromHours(1), TimeProvider.System).Issue("u-1", [Roles.Operator]);

        var response = await Service.Client.SendAsync(Service.Request(HttpMethod.Get, "/api/v1/things/me", token));

        await ProblemAsync(response, HttpStatusCode.Unauthorized, Problems.Unauthenticated);
    }

    [Fact]
    public async Task RequireRole_uses_the_token_roles_and_refuses_with_403_problem()
    {
        var resident = Service.Tokens.Issue("r-1", [Roles.Resident]);
        var operatorToken = Service.Tokens.Issue("o-1", [Roles.Resident, Roles.Operator]);

        await ProblemAsync(await Service.Client.SendAsync(Service.Request(HttpMethod.Post, "/api/v1/things", resident)),
            HttpStatusCode.Forbidden, Problems.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await Service.Client.SendAsync(Service.Request(HttpMethod.Post, "/api/v1/things", operatorToken))).StatusCode);
    }

    [Fact]
    public async Task An_exception_is_a_500_problem_without_internals()
    {
        var token = Service.Tokens.Issue("o-1", [Roles.Operator]);

        var response = await Service.Client.SendAsync(Service.Request(HttpMethod.Get, "/api/v1/things/boom", token));

        await ProblemAsync(response, HttpStatusCode.InternalServerError, Problems.Internal);
        Assert.DoesNotContain("secret internals", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Bare_404_and_405_become_problems()
    {
        await ProblemAsync(await Service.Client.GetAsync("/nothing/here"), HttpStatusCode.NotFound, Problems.NotFound);
        await ProblemAsync(await Service.Client.DeleteAsync("/correlation"), HttpStatusCode.MethodNotAllowed, Problems.MethodNotAllowed);
    }

    [Fact]
    public async Task Enums_are_written_as_camel_case_strings()
    {
        var token = Service.Tokens.Issue("o-1", [Roles.Operator]);

        var body = await (await Service.Client.SendAsync(Service.Request(HttpMethod.Get, "/api/v1/things/kind", token))).Content.ReadAsStringAsync();

        Assert.Equal("{\"kind\":\"notFound\"}", body);
    }

    [Fact]
    public async Task The_correlation_id_is_reused_or_created_and_always_returned()
    {
        var request = Service.Request(HttpMethod.Get, "/correlation");
        request.Headers.Add(CorrelationId.HeaderName, "abc-123");
        var reused = await Service.Client.SendAsync(request);
        Assert.Equal("abc-123", reused.Headers.GetValues(CorrelationId.HeaderName).Single());
        Assert.Equal("abc-123", (await reused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());

        var created = await Service.Client.GetAsync("/correlation");
        var id = created.Headers.GetValues(CorrelationId.HeaderName).Single();
        Assert.Equal(id, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Health_endpoints_answer_json_listing_each_check()
    {
        foreach (var path in new[] { "/health/live", "/health/ready" })
        {
            var response = await Service.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("Healthy", body.GetProperty("status").GetString());
            Assert.Contains("sample", body.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        }
    }

    [Fact]
    public async Task The_openapi_document_declares_bearer_auth_on_protected_operations()
    {
        var document = await Service.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        var me = document.GetProperty("paths").GetProperty("/api/v1/things/me").GetProperty("get");
        Assert.True(me.GetProperty("security")[0].TryGetProperty("Bearer", out _));
        Assert.True(me.GetProperty("responses").TryGetProperty("401", out _));
        var open = document.GetProperty("paths").GetProperty("/correlation").GetProperty("get");
        Assert.False(open.TryGetProperty("security", out _));
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

public sealed class AuthSettingsTests
{
    private static PlatformAuthSettings Read(string environment, params (string Key, string Value)[] settings) =>
        PlatformAuthSettings.FromConfiguration(
            new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value)).Build(),
            new Environment(environment));

    private static string Refusal(string environment, params (string Key, string Value)[] settings) =>
        Assert.Throws<InvalidOperationException>(() => Read(environment, settings)).Message;

    [Fact]
    public void Development_without_configuration_trusts_the_development_key()
    {
        var settings = Read("Development");

        Assert.True(settings.UsesDevelopmentKey);
        Assert.Equal(PlatformAuthSettings.DefaultIssuer, settings.Issuer);
        Assert.Single(settings.SigningKeys);
    }

    [Fact]
    public void Outside_development_the_development_key_is_refused_however_it_is_given()
    {
        Assert.Contains("development signing key", Refusal("Production", ("Auth:PublicKey", DevelopmentSigningKey.PublicKeyPem)));
        Assert.Contains("development signing key", Refusal("Staging",
            ("Auth:PublicKey", TestSigningKey.Shared.PublicKeyPem + "\n" + DevelopmentSigningKey.PublicKeyPem)));
    }

    [Fact]
    public void Outside_development_no_key_source_is_refused_and_the_message_names_both_settings()
    {
        var message = Refusal("Production");

        Assert.Contains("Auth:Authority", message);
        Assert.Contains("Auth:PublicKey", message);
    }

    [Fact]
    public void Configured_public_keys_are_all_trusted_for_rotation()
    {
        var next = new TestSigningKey();
        var settings = Read("Production", ("Auth:PublicKey", TestSigningKey.Shared.PublicKeyPem + "\n" + next.PublicKeyPem), ("Auth:Issuer", "https://id.example"));

        Assert.Equal(2, settings.SigningKeys.Count);
        Assert.False(settings.UsesDevelopmentKey);
        Assert.Equal("https://id.example", settings.Issuer);
    }

    [Fact]
    public void A_public_key_file_is_read()
    {
        var path = Path.Combine(Path.GetTempPath(), $"auth-{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, TestSigningKey.Shared.PublicKeyPem);
        try
        {
            Assert.Single(Read("Production", ("Auth:PublicKeyFile", path)).SigningKeys);
            Assert.Contains("does not exist", Refusal("Production", ("Auth:PublicKeyFile", path + ".missing")));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_private_key_a_weak_rsa_key_or_no_pem_at_all_is_refused()
    {
        using var ec = System.Security.Cryptography.ECDsa.Create();
        Assert.Contains("only public keys", Refusal("Production", ("Auth:PublicKey", ec.ExportPkcs8PrivateKeyPem())));
        using var weak = System.Security.Cryptography.RSA.Create(1024);
        Assert.Contains("at least 2048 bits", Refusal("Production", ("Auth:PublicKey", weak.ExportSubjectPublicKeyInfoPem())));
        Assert.Contains("no PEM public key", Refusal("Production", ("Auth:PublicKey", "a-shared-secret-is-not-a-public-key")));
    }

    [Fact]
    public void An_authority_and_a_public_key_together_or_an_authority_that_is_not_a_url_are_refused()
    {
        Assert.Contains("not both", Refusal("Production", ("Auth:Authority", "https://id.example/realms/estates"), ("Auth:PublicKey", TestSigningKey.Shared.PublicKeyPem)));
        Assert.Contains("absolute http(s) URL", Refusal("Production", ("Auth:Authority", "id.example")));
    }

    [Fact]
    public void With_an_authority_the_issuer_comes_from_its_metadata_unless_configured()
    {
        var settings = Read("Production", ("Auth:Authority", "https://id.example/realms/estates"));

        Assert.Null(settings.Issuer);
        Assert.Empty(settings.SigningKeys);
        Assert.True(settings.RequireHttpsMetadata);
        Assert.False(settings.UsesDevelopmentKey);
    }

    [Fact]
    public void ToActor_without_a_subject_says_why()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new System.Security.Claims.ClaimsPrincipal().ToActor());
        Assert.Contains("sub", error.Message);
    }

    private sealed class Environment(string name) : Microsoft.Extensions.Hosting.IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "tests";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}

public sealed class TelemetryTests
{
    private static Microsoft.AspNetCore.Builder.WebApplication Build(string? otlpEndpoint)
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(
            new Microsoft.AspNetCore.Builder.WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlpEndpoint });
        builder.AddServiceDefaults("telemetry-test");
        return builder.Build();
    }

    private static IEnumerable<string> LoggerProviders(Microsoft.AspNetCore.Builder.WebApplication app) =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetServices<Microsoft.Extensions.Logging.ILoggerProvider>(app.Services).Select(p => p.GetType().Name);

    [Fact]
    public async Task Logs_are_json_on_the_console_and_exported_over_otlp_only_when_an_endpoint_is_set()
    {
        await using var plain = Build(null);
        Assert.Contains("ConsoleLoggerProvider", LoggerProviders(plain));
        Assert.DoesNotContain("OpenTelemetryLoggerProvider", LoggerProviders(plain));

        await using var exporting = Build("http://127.0.0.1:4317");
        Assert.Contains("ConsoleLoggerProvider", LoggerProviders(exporting));
        Assert.Contains("OpenTelemetryLoggerProvider", LoggerProviders(exporting));
    }
}
