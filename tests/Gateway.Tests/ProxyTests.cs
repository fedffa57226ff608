using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Hosting;

namespace Gateway.Tests;

public sealed class ProxyTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private GatewayFactory Gateway => fixture.Gateway;

    private static async Task<JsonElement> EchoAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string Header(JsonElement echo, string name) =>
        echo.GetProperty("headers").EnumerateObject().FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Value
            is { ValueKind: JsonValueKind.String } value ? value.GetString()! : "";

    [Fact]
    public async Task Authorized_request_reaches_the_destination_with_its_token_and_forwarded_headers()
    {
        var token = Gateway.Token("resident-1", Roles.Resident);
        using var client = Gateway.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/complaints/echo/abc?x=1");
        request.Headers.Authorization = new("Bearer", token);

        var echo = await EchoAsync(await client.SendAsync(request));

        Assert.Equal("/api/v1/complaints/echo/abc", echo.GetProperty("path").GetString());
        Assert.Equal("Bearer " + token, Header(echo, "Authorization"));
        Assert.NotEmpty(Header(echo, "X-Forwarded-Proto"));
        Assert.NotEmpty(Header(echo, "X-Forwarded-Host"));
    }

    [Fact]
    public async Task Each_route_goes_to_its_own_cluster()
    {
        using var client = Gateway.ClientFor("leader-1", Roles.TeamLeader);

        var echo = await EchoAsync(await client.GetAsync("/api/v1/work-orders/echo/1"));

        Assert.Equal("/api/v1/work-orders/echo/1", echo.GetProperty("path").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/work-orders")).StatusCode);
    }

    [Fact]
    public async Task A_request_without_a_token_is_401_problem_json()
    {
        using var client = Gateway.CreateClient();

        var response = await client.GetAsync("/api/v1/complaints/echo/1");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Problems.Unauthenticated, problem.GetProperty("type").GetString());
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task A_token_with_a_bad_signature_is_401()
    {
        using var client = Gateway.CreateClient();
        var token = Gateway.Token("resident-1", Roles.Resident);
        client.DefaultRequestHeaders.Authorization = new("Bearer", token[..^4] + (token.EndsWith("AAAA") ? "BBBB" : "AAAA"));

        var response = await client.GetAsync("/api/v1/complaints/echo/1");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/v1/complaints/echo/1", Roles.StoreKeeper)]
    [InlineData("/api/v1/complaints/echo/1", Roles.FireSafetyOfficer)]
    [InlineData("/api/v1/work-orders/echo/1", Roles.FireSafetyOfficer)]
    public async Task A_role_not_allowed_on_the_route_is_403_problem_json(string path, string role)
    {
        using var client = Gateway.ClientFor("someone", role);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Problems.Forbidden, problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_destination_problem_passes_through_byte_for_byte()
    {
        using var client = Gateway.ClientFor("agent-1", Roles.CallCentreAgent);

        var response = await client.PostAsync("/api/v1/complaints/problem", null);

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Equal(DestinationApp.ProblemContentType, response.Content.Headers.ContentType?.ToString());
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(DestinationApp.ProblemBody), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_incoming_correlation_id_is_forwarded_and_returned()
    {
        using var client = Gateway.ClientFor("agent-1", Roles.CallCentreAgent);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/complaints/echo/1");
        request.Headers.Add(CorrelationId.HeaderName, "case-4711");

        var response = await client.SendAsync(request);
        var echo = await EchoAsync(response);

        Assert.Equal("case-4711", Header(echo, CorrelationId.HeaderName));
        Assert.Equal("case-4711", response.Headers.GetValues(CorrelationId.HeaderName).Single());
    }

    [Fact]
    public async Task Without_a_correlation_id_the_gateway_creates_one_and_forwards_it()
    {
        using var client = Gateway.ClientFor("agent-1", Roles.CallCentreAgent);

        var response = await client.GetAsync("/api/v1/complaints/echo/1");
        var echo = await EchoAsync(response);

        var created = response.Headers.GetValues(CorrelationId.HeaderName).Single();
        Assert.False(string.IsNullOrWhiteSpace(created));
        Assert.Equal(created, Header(echo, CorrelationId.HeaderName));
    }

    [Fact]
    public async Task An_unacceptable_correlation_id_is_replaced_before_forwarding()
    {
        using var client = Gateway.ClientFor("agent-1", Roles.CallCentreAgent);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/complaints/echo/1");
        request.Headers.TryAddWithoutValidation(CorrelationId.HeaderName, new string('x', 500));

        var echo = await EchoAsync(await client.SendAsync(request));

        var forwarded = Header(echo, CorrelationId.HeaderName);
        Assert.NotEmpty(forwarded);
        Assert.NotEqual(new string('x', 500), forwarded);
    }

    [Fact]
    public async Task The_proxied_request_carries_a_traceparent_of_the_gateway_trace()
    {
        using var client = Gateway.ClientFor("agent-1", Roles.CallCentreAgent);
        const string traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        const string callerSpan = "00f067aa0ba902b7";
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/complaints/echo/1");
        request.Headers.Add("traceparent", $"00-{traceId}-{callerSpan}-01");

        var echo = await EchoAsync(await client.SendAsync(request));

        var parts = Header(echo, "traceparent").Split('-');
        Assert.Equal(4, parts.Length);
        Assert.Equal(traceId, parts[1]);
        Assert.NotEqual(callerSpan, parts[2]);
    }

    [Fact]
    public async Task Without_an_incoming_trace_the_gateway_starts_one_and_propagates_it()
    {
        using var client = Gateway.ClientFor("agent-1", Roles.CallCentreAgent);

        var echo = await EchoAsync(await client.GetAsync("/api/v1/complaints/echo/1"));

        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$", Header(echo, "traceparent"));
    }

    [Fact]
    public async Task Ready_is_healthy_when_every_destination_is_up()
    {
        using var client = Gateway.CreateClient();

        var response = await client.GetAsync("/health/ready");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        var names = body.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Contains("gateway", names);
        Assert.Contains("complaints", names);
        Assert.Contains("work-orders", names);
    }

    [Fact]
    public async Task The_merged_openapi_holds_the_paths_each_destination_owns()
    {
        using var client = Gateway.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/complaints/echo/{rest}", paths);
        Assert.Contains("/api/v1/work-orders/echo/{rest}", paths);
        Assert.DoesNotContain("/internal/only", paths);
        Assert.False(document.TryGetProperty("x-unavailable", out _));
        Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("Bearer", out _));
    }

    [Fact]
    public async Task Conflicting_schema_names_are_renamed_and_their_references_follow()
    {
        using var client = Gateway.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.Equal("string", schemas.GetProperty("Priority").GetProperty("type").GetString());
        Assert.Equal("integer", schemas.GetProperty("WorkOrdersPriority").GetProperty("type").GetString());
        Assert.True(schemas.TryGetProperty("ProblemDetails", out _));
        string Ref(string path) => document.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("responses")
            .GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()!;
        Assert.Equal("#/components/schemas/Priority", Ref("/api/v1/complaints/echo/{rest}"));
        Assert.Equal("#/components/schemas/WorkOrdersPriority", Ref("/api/v1/work-orders/echo/{rest}"));
    }

    [Fact]
    public async Task The_scalar_page_answers_and_the_root_redirects_to_it()
    {
        using var client = Gateway.CreateClient(new() { AllowAutoRedirect = false });

        var root = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/scalar", root.Headers.Location?.OriginalString);

        using var following = Gateway.CreateClient();
        var page = await following.GetAsync("/scalar");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("openapi/v1.json", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_path_is_a_404_problem()
    {
        using var client = Gateway.CreateClient();

        var response = await client.GetAsync("/no/such/thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Problems.NotFound, problem.GetProperty("type").GetString());
    }
}
