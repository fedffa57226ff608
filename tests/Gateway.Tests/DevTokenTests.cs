using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.BuildingBlocks.Hosting;
using Platform.BuildingBlocks.Security;

namespace Gateway.Tests;

public sealed class DevTokenTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task In_development_a_minted_token_opens_the_route_its_role_allows()
    {
        using var client = fixture.Gateway.CreateClient();

        var response = await client.PostAsJsonAsync("/dev/tokens",
            new { subject = "sup-1", name = "Supervisor", roles = new[] { "complaint-supervisor" }, estates = new[] { "*" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/complaints/echo/1")).StatusCode);
    }

    [Fact]
    public async Task Invalid_input_is_a_400_problem_naming_each_field()
    {
        using var client = fixture.Gateway.CreateClient();

        var response = await client.PostAsJsonAsync("/dev/tokens",
            new { subject = " ", roles = new[] { "resident", "janitor" }, estates = new[] { "" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Problems.Validation, problem.GetProperty("type").GetString());
        var errors = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Equal(["subject", "roles[1]", "estates[0]"], errors);
        Assert.Contains("janitor", problem.GetProperty("errors").GetProperty("roles[1]")[0].GetString());
    }

    [Fact]
    public async Task A_request_without_roles_is_rejected()
    {
        using var client = fixture.Gateway.CreateClient();

        var response = await client.PostAsJsonAsync("/dev/tokens", new { subject = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("roles", out _));
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        using var client = fixture.Gateway.CreateClient();

        var response = await client.PostAsync("/dev/tokens", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class ProductionTests : IAsyncLifetime
{
    private DestinationApp _destination = null!;

    public async Task InitializeAsync() => _destination = await DestinationApp.StartAsync("/api/v1/complaints");

    public async Task DisposeAsync() => await _destination.DisposeAsync();

    [Fact]
    public async Task Outside_development_the_dev_token_route_does_not_exist()
    {
        await using var gateway = GatewayFactory.Create(_destination.Url, _destination.Url, environment: "Production");
        using var client = gateway.CreateClient();

        var response = await client.PostAsJsonAsync("/dev/tokens", new { subject = "x", roles = new[] { "operator" } });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/openapi/v1.json")]
    [InlineData("/scalar")]
    public async Task Outside_development_the_api_reference_is_not_published_unless_configured(string path)
    {
        await using var hidden = GatewayFactory.Create(_destination.Url, _destination.Url, environment: "Production");
        await using var published = GatewayFactory.Create(_destination.Url, _destination.Url, environment: "Production",
            extra: ("Gateway:PublishApiReference", "true"));

        Assert.Equal(HttpStatusCode.NotFound, (await hidden.CreateClient().GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await published.CreateClient().GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Outside_development_a_token_signed_with_the_configured_key_is_accepted()
    {
        await using var gateway = GatewayFactory.Create(_destination.Url, _destination.Url, environment: "Production");
        using var client = gateway.ClientFor("op-1", "operator");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/complaints/echo/1")).StatusCode);
    }

    [Fact]
    public void Outside_development_a_missing_signing_key_fails_start_up()
    {
        using var gateway = new GatewayFactory("Production", new Dictionary<string, string?>
        {
            ["Services:Complaints:Url"] = _destination.Url.ToString(),
        });

        var error = Assert.ThrowsAny<Exception>(() => gateway.CreateClient());

        Assert.Contains("Auth:Authority", Flatten(error));
    }

    [Fact]
    public async Task A_development_gateway_pointed_at_an_identity_provider_mints_no_tokens()
    {
        await using var gateway = GatewayFactory.Create(_destination.Url, _destination.Url, environment: "Development",
            extra: ("Auth:Authority", "https://id.example/realms/estates"));
        using var client = gateway.CreateClient();

        var response = await client.PostAsJsonAsync("/dev/tokens", new { subject = "sup-1", roles = new[] { "complaint-supervisor" } });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void Outside_development_a_gateway_told_to_trust_the_development_key_refuses_to_start()
    {
        using var gateway = GatewayFactory.Create(_destination.Url, _destination.Url, environment: "Production",
            extra: ("Auth:PublicKey", DevelopmentSigningKey.PublicKeyPem));

        var error = Assert.ThrowsAny<Exception>(() => gateway.CreateClient());

        Assert.Contains("development signing key", Flatten(error));
    }

    private static string Flatten(Exception error) =>
        error.InnerException is null ? error.Message : error.Message + " | " + Flatten(error.InnerException);
}
