using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Hosting;

namespace Platform.Complaints.Api.Tests;

/// <summary>The OpenAPI document tested against the service: what it calls required, optional and allowed is what the API does.</summary>
public sealed class ApiDocumentTests : IAsyncLifetime
{
    private ComplaintsApi _api = null!;
    private ApiDocument _document = null!;

    public async Task InitializeAsync()
    {
        _api = await ComplaintsApi.StartAsync(StoreUnderTest.Sqlite);
        _document = await ApiDocument.LoadAsync(_api.Http);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    /// <summary>A registration that gives every optional field too, so leaving each out is tried.</summary>
    private static JsonObject ValidRegistration()
    {
        var body = JsonSerializer.SerializeToNode(ComplaintsApi.NewComplaint())!.AsObject();
        body["severity"] = "general";
        return body;
    }

    [Fact]
    public async Task A_registration_without_a_field_the_document_requires_is_refused_naming_it_and_one_without_an_optional_field_is_accepted()
    {
        var agent = _api.Token("agent-doc", "call-centre-agent");
        var fields = _document.Fields(_document.Operation("RegisterComplaint").RequestSchema!);
        Assert.Contains(fields, f => f.Path == "reporter.phone" && f.Required);
        Assert.Contains(fields, f => f.Path == "severity" && !f.Required);

        foreach (var field in fields.Where(f => !f.Conditional))
        {
            if (ApiDocument.Without(ValidRegistration(), field.Path) is not { } body) continue;
            var before = await _api.StoredEventCountAsync();

            var answer = await _api.SendAsync(HttpMethod.Post, "/api/v1/complaints", agent, rawJson: body.ToJsonString());

            if (field.Required)
            {
                Assert.True(answer.Status is 400 or 422, $"without {field.Path}: {answer}");
                Assert.Contains(answer.Body!["errors"]!.AsObject(), e => e.Key == field.Path || e.Key.StartsWith(field.Path + ".", StringComparison.Ordinal));
                Assert.Equal(before, await _api.StoredEventCountAsync());
            }
            else
            {
                Assert.True(answer.Status == 201, $"without the optional {field.Path}: {answer}");
            }
        }
    }

    [Fact]
    public async Task Every_field_a_command_refuses_as_missing_is_one_the_document_requires()
    {
        var supervisor = _api.Token("sup-doc", "general-manager");
        var complaint = (await _api.RegisterAsync(supervisor)).Location!;
        foreach (var operation in _document.Operations().Where(o => o is { Method: "POST", RequestSchema: not null } && o.Path.Contains("{id}")))
        {
            var fields = _document.Fields(operation.RequestSchema!);
            var answer = await _api.SendAsync(HttpMethod.Post, operation.Path.Replace("/api/v1/complaints/{id}", complaint), supervisor, rawJson: "{}");

            foreach (var (name, _) in answer.Body?["errors"]?.AsObject() ?? [])
                Assert.True(fields.Any(f => f.Path == name && (f.Required || f.Conditional)),
                    $"{operation.Id} refused {{}} naming '{name}', which its document does not require: {answer}");
        }
    }

    [Fact]
    public async Task Every_operation_lets_in_exactly_the_roles_it_documents()
    {
        foreach (var operation in _document.Operations().Where(o => o.Roles is not null))
        {
            foreach (var role in Roles.All.Where(r => r != Roles.System))
            {
                var path = Regex.Replace(operation.Path, "{[^}]+}", Guid.NewGuid().ToString());
                var answer = await _api.SendAsync(new HttpMethod(operation.Method), path, _api.Token("role-" + role, role),
                    rawJson: operation.Method == "POST" ? "{}" : null);

                var refusedForRole = answer.Status == 403 && answer.ProblemType == Problems.Forbidden;
                Assert.True(refusedForRole != operation.Roles!.Contains(role),
                    $"{operation.Id} documents roles [{string.Join(", ", operation.Roles!)}] but answered {role}: {answer}");
            }
        }
    }
}
