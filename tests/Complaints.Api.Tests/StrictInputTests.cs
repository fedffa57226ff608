using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.BuildingBlocks.Security;

namespace Platform.Complaints.Api.Tests;

/// <summary>
/// Input the fuzzer found answered leniently or with a 500: each is a 4xx problem+json that says which field, and
/// leaves no event behind.
/// </summary>
public sealed class StrictInputTests : IAsyncLifetime
{
    private ComplaintsApi _api = null!;
    private string _agent = null!;

    public async Task InitializeAsync()
    {
        _api = await ComplaintsApi.StartAsync(StoreUnderTest.Sqlite);
        _agent = _api.Token("agent-1", "call-centre-agent");
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private const string Valid = """
        {"estateId":"estate-1","unit":{"building":"3"},"reporter":{"name":"张三","phone":"13800138000","kind":"owner"},
         "channel":"complaint-line","content":"Noise at night","category":"noise"
        """;

    [Theory]
    [InlineData(Valid + ""","category":3}""", "category")]
    [InlineData(Valid + ""","cashRecieved":100}""", "cashRecieved")]
    [InlineData(Valid + ""","content":"again"}""", "content")]
    [InlineData("""{"estateId":"estate-1","unit":{"building":"3","flor":"2"}}""", "unit.flor")]
    public async Task A_number_for_an_enum_an_unknown_property_or_a_repeated_key_is_400_naming_it_and_leaves_no_event(string json, string field)
    {
        var before = await _api.StoredEventCountAsync();

        var answer = await _api.SendAsync(HttpMethod.Post, "/api/v1/complaints", _agent, rawJson: json);

        Assert.Equal(400, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.NotNull(answer.Body!["errors"]![field]);
        Assert.Equal(before, await _api.StoredEventCountAsync());
    }

    [Theory]
    [InlineData("""{"estateId":7}""", "estateId", "expected a string")]
    [InlineData("""{"unit":"3"}""", "unit", "expected an object")]
    [InlineData("""{"category":"loud"}""", "category", "'loud' is not one of water-electricity, house-repair")]
    [InlineData("""{"reporter":{"name":["张三"]}}""", "reporter.name", "expected a string")]
    public async Task A_value_of_the_wrong_kind_is_400_saying_what_was_expected_in_the_APIs_words_not_the_servers_types(string json, string field, string expected)
    {
        var answer = await _api.SendAsync(HttpMethod.Post, "/api/v1/complaints", _agent, rawJson: json);

        Assert.Equal(400, answer.Status);
        var detail = answer.Body!["errors"]![field]![0]!.GetValue<string>();
        Assert.Contains(expected, detail);
        Assert.DoesNotContain("System.", detail);
        Assert.DoesNotContain("Platform.", detail);
    }

    [Fact]
    public async Task The_same_body_without_the_fault_is_accepted()
    {
        var answer = await _api.SendAsync(HttpMethod.Post, "/api/v1/complaints", _agent, rawJson: Valid + "}");

        Assert.Equal(201, answer.Status);
    }

    [Theory]
    [InlineData(false, "call-centre-agent")]
    [InlineData(true, "system")]
    [InlineData(true, "call-centre-agent", "system")]
    public async Task A_token_without_a_subject_or_carrying_the_system_role_is_refused_401(bool withSubject, params string[] roles)
    {
        var settings = _api.Services.GetRequiredService<PlatformAuthSettings>();
        var claims = new Dictionary<string, object> { [PlatformClaims.Roles] = roles, [PlatformClaims.Estates] = new[] { "estate-1" } };
        if (withSubject) claims[PlatformClaims.Subject] = "someone";
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = DevelopmentSigningKey.SigningCredentials,
            Claims = claims,
        });
        var before = await _api.StoredEventCountAsync();

        var answer = await _api.RegisterAsync(token);

        Assert.Equal(401, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.Equal(before, await _api.StoredEventCountAsync());
    }

    [Theory]
    [InlineData("GET", "complaints.no-such-consumer", 404)]
    [InlineData("POST", "complaints.no-such-consumer", 404)]
    [InlineData("GET", "complaints.work-order-opened", 200)]
    public async Task Dead_letters_of_a_queue_that_does_not_exist_are_404(string method, string queue, int status)
    {
        var operatorToken = _api.Token("op-1", "operator");
        var path = $"/api/v1/complaints/admin/dead-letters/{queue}" + (method == "POST" ? "/redrive" : "");

        var answer = await _api.SendAsync(new HttpMethod(method), path, operatorToken);

        Assert.Equal(status, answer.Status);
    }

    [Theory]
    [InlineData("store-keeper")]
    [InlineData("fire-safety-officer")]
    public async Task A_role_the_service_does_not_serve_is_403_at_the_service_itself_for_reads_too(string role)
    {
        var created = await _api.RegisterAsync(_agent);
        var outsider = _api.Token("outsider-1", role);

        var read = await _api.SendAsync(HttpMethod.Get, created.Location!, outsider);
        var list = await _api.SendAsync(HttpMethod.Get, "/api/v1/complaints?estateId=estate-1", outsider);

        Assert.Equal(403, read.Status);
        Assert.Equal("application/problem+json", read.ContentType);
        Assert.Equal(403, list.Status);
    }

    [Theory]
    [InlineData("reporter.name", 201)]
    [InlineData("content", 4001)]
    [InlineData("unit.building", 201)]
    public async Task A_field_over_its_documented_maximum_is_400_naming_it_and_leaves_no_event(string field, int length)
    {
        var before = await _api.StoredEventCountAsync();
        var text = new string('x', length);
        var json = field switch
        {
            "reporter.name" => Valid.Replace("\"张三\"", $"\"{text}\""),
            "content" => Valid.Replace("\"Noise at night\"", $"\"{text}\""),
            _ => Valid.Replace("\"building\":\"3\"", $"\"building\":\"{text}\""),
        } + "}";

        var answer = await _api.SendAsync(HttpMethod.Post, "/api/v1/complaints", _agent, rawJson: json);

        Assert.Equal(400, answer.Status);
        Assert.NotNull(answer.Body!["errors"]![field]);
        Assert.Equal(before, await _api.StoredEventCountAsync());
    }

    [Fact]
    public async Task A_control_character_in_a_name_or_code_is_400_but_a_line_break_in_free_text_is_fine()
    {
        var inName = await _api.SendAsync(HttpMethod.Post, "/api/v1/complaints", _agent, rawJson: Valid.Replace("\"张三\"", "\"张\\u0000三\"") + "}");
        var inText = await _api.SendAsync(HttpMethod.Post, "/api/v1/complaints", _agent, rawJson: Valid.Replace("\"Noise at night\"", "\"Noise\\nat night\"") + "}");

        Assert.Equal(400, inName.Status);
        Assert.NotNull(inName.Body!["errors"]!["reporter.name"]);
        Assert.Equal(201, inText.Status);
    }

    [Fact]
    public async Task A_body_over_256_KB_is_413_problem_and_leaves_no_event()
    {
        var before = await _api.StoredEventCountAsync();
        var json = Valid.Replace("\"Noise at night\"", $"\"{new string('x', 300 * 1024)}\"") + "}";

        var answer = await _api.SendAsync(HttpMethod.Post, "/api/v1/complaints", _agent, rawJson: json);

        Assert.Equal(413, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.Equal(before, await _api.StoredEventCountAsync());
    }

    [Fact]
    public async Task An_over_long_url_is_414_and_over_large_headers_are_431_both_problem_json()
    {
        var url = await _api.SendAsync(HttpMethod.Get, "/api/v1/complaints?estateId=" + new string('e', 5000), _agent);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/complaints?estateId=estate-1");
        request.Headers.Authorization = new("Bearer", _agent);
        request.Headers.Add("X-Padding", new string('p', 20 * 1024));
        using var headers = await _api.Http.SendAsync(request);

        Assert.Equal(414, url.Status);
        Assert.Equal("application/problem+json", url.ContentType);
        Assert.Equal(431, (int)headers.StatusCode);
        Assert.Equal("application/problem+json", headers.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public void Nothing_leaves_the_platform_by_default_MassTransit_usage_telemetry_is_off()
    {
        var telemetry = _api.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MassTransit.UsageTelemetryOptions>>().Value;

        Assert.False(telemetry.Enabled);
    }

    [Fact]
    public async Task An_over_long_or_odd_queue_name_is_400_problem()
    {
        var operatorToken = _api.Token("op-1", "operator");

        var longName = await _api.SendAsync(HttpMethod.Get, $"/api/v1/complaints/admin/dead-letters/complaints.{new string('q', 300)}", operatorToken);
        var odd = await _api.SendAsync(HttpMethod.Get, "/api/v1/complaints/admin/dead-letters/complaints.q%20q", operatorToken);

        Assert.Equal(400, longName.Status);
        Assert.Equal("application/problem+json", longName.ContentType);
        Assert.Equal(400, odd.Status);
        Assert.Equal(HttpStatusCode.BadRequest, (HttpStatusCode)odd.Status);
    }
}
