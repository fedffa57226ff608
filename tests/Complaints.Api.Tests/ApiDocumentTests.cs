using System.Text.Json;
using System.Text.Json.Nodes;

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

    [Fact]
    public async Task A_registration_without_a_field_the_document_requires_is_refused_naming_it_and_one_without_an_optional_field_is_accepted()
    {
        var agent = _api.Token("agent-doc", "call-centre-agent");
        var fields = _document.Fields(_document.Operation("RegisterComplaint").RequestSchema!);
        Assert.Contains(fields, f => f.Path == "reporter.phone" && f.Required);
        Assert.Contains(fields, f => f.Path == "severity" && !f.Required);
        // Every optional field is given, so leaving each out is tried.
        var valid = JsonSerializer.SerializeToNode(ComplaintsApi.NewComplaint())!.AsObject();
        valid["severity"] = "general";

        await ApiDocumentContract.OmittedFieldsAnswerAsDocumentedAsync(_document, "RegisterComplaint", valid,
            body => _api.SendAsync(HttpMethod.Post, "/api/v1/complaints", agent, rawJson: body), () => _api.StoredEventCountAsync());
    }

    [Fact]
    public async Task Every_field_a_command_refuses_as_missing_is_one_the_document_requires()
    {
        var manager = _api.Token("gm-doc", "general-manager");
        var complaint = (await _api.RegisterAsync(manager)).Location!;

        await ApiDocumentContract.MissingFieldsAreDocumentedAsync(_document, complaint["/api/v1/complaints/".Length..],
            (_, path) => _api.SendAsync(HttpMethod.Post, path, manager, rawJson: "{}"));
    }

    [Fact]
    public async Task Every_operation_lets_in_exactly_the_roles_it_documents() =>
        await ApiDocumentContract.RolesAnswerAsDocumentedAsync(_document, new ApiClient(_api.Http), role => _api.Token("role-" + role, role));
}
