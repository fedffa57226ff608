using System.Text.Json;

namespace Platform.WorkOrders.Api.Tests;

/// <summary>The OpenAPI document tested against the service: what it calls required, optional and allowed is what the API does.</summary>
public sealed class ApiDocumentTests : IAsyncLifetime
{
    private WorkOrdersApi _api = null!;
    private ApiDocument _document = null!;

    public async Task InitializeAsync()
    {
        _api = await WorkOrdersApi.StartAsync(StoreUnderTest.Sqlite);
        _document = await ApiDocument.LoadAsync(_api.Api.Http);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task An_order_without_a_field_the_document_requires_is_refused_naming_it_and_one_without_an_optional_field_is_accepted()
    {
        var agent = _api.Token("agent-doc", "call-centre-agent");
        var fields = _document.Fields(_document.Operation("LogWorkOrder").RequestSchema!);
        Assert.Contains(fields, f => f.Path == "unit.estateId" && f.Required);
        Assert.Contains(fields, f => f.Path == "unit.entrance" && !f.Required);
        // Every optional field is given, so leaving each out is tried.
        var valid = JsonSerializer.SerializeToNode(WorkOrdersApi.NewRequest(category: "gas-fault", urgency: "urgent"))!.AsObject();

        await ApiDocumentContract.OmittedFieldsAnswerAsDocumentedAsync(_document, "LogWorkOrder", valid,
            body => _api.Api.SendAsync(HttpMethod.Post, WorkOrdersApi.Orders, agent, rawJson: body), () => _api.StoredEventCountAsync());
    }

    [Fact]
    public async Task Every_field_a_command_refuses_as_missing_is_one_the_document_requires()
    {
        var agent = _api.Token("agent-doc", "call-centre-agent");
        var leader = _api.Token("leader-doc", "team-leader");
        var technician = _api.Token("tech-doc", "technician");
        var order = (await _api.LogAsync(agent)).Location!;
        Assert.Equal(200, (await _api.Api.PostAsync($"{order}/dispatch", agent, new { technicianId = "tech-doc", appointmentAt = _api.Time.GetUtcNow().AddHours(1) })).Status);

        // The assigned technician for field steps, a team leader for the rest: each passes the role gate.
        await ApiDocumentContract.MissingFieldsAreDocumentedAsync(_document, order[(WorkOrdersApi.Orders.Length + 1)..],
            (operation, path) => _api.Api.SendAsync(HttpMethod.Post, path, operation.Roles!.Contains("team-leader") ? leader : technician, rawJson: "{}"));
    }

    [Fact]
    public async Task Every_operation_lets_in_exactly_the_roles_it_documents() =>
        await ApiDocumentContract.RolesAnswerAsDocumentedAsync(_document, _api.Api, role => _api.Token("role-" + role, role));
}
