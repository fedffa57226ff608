using System.Text.Json.Nodes;

namespace Platform.Inventory.Api.Tests;

/// <summary>The OpenAPI document tested against the service: what it calls required, optional and allowed is what the API does.</summary>
public sealed class ApiDocumentTests : IAsyncLifetime
{
    private InventoryApi _api = null!;
    private ApiDocument _document = null!;

    public async Task InitializeAsync()
    {
        _api = await InventoryApi.StartAsync(StoreUnderTest.Sqlite);
        _document = await ApiDocument.LoadAsync(_api.Api.Http);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task A_requisition_without_a_required_field_is_refused_naming_it_and_without_an_optional_one_is_accepted()
    {
        var (_, _, site) = await _api.OpenTiersAsync();
        await _api.RegisterItemAsync();
        var valid = JsonNode.Parse($$"""
            {"storeId":"{{site}}","purpose":"Lobby","workOrderId":"{{Guid.NewGuid()}}","lines":[{"itemCode":"MOP","quantity":2,"unit":"piece"}]}
            """)!.AsObject();
        await ApiDocumentContract.OmittedFieldsAnswerAsDocumentedAsync(_document, "DraftRequisition", valid,
            body => _api.Api.SendAsync(HttpMethod.Post, $"{InventoryApi.Inventory}/requisitions", _api.Technician, rawJson: body, idempotencyKey: Guid.NewGuid().ToString()),
            () => _api.StoredEventCountAsync("inventory.requisition-"));
    }

    [Fact]
    public async Task A_replenishment_request_without_a_required_field_is_refused_naming_it_and_without_an_optional_one_is_accepted()
    {
        var (_, _, site) = await _api.OpenTiersAsync();
        await _api.RegisterItemAsync();
        var valid = JsonNode.Parse($$"""
            {"siteStoreId":"{{site}}","itemCode":"MOP","itemName":"Mop","urgency":"routine","quantity":5,"reason":"Spring cleaning"}
            """)!.AsObject();
        await ApiDocumentContract.OmittedFieldsAnswerAsDocumentedAsync(_document, "RequestReplenishment", valid,
            body => _api.Api.SendAsync(HttpMethod.Post, $"{InventoryApi.Inventory}/replenishments", _api.Keeper, rawJson: body, idempotencyKey: Guid.NewGuid().ToString()),
            () => _api.StoredEventCountAsync("inventory.replenishment-"));
    }

    [Fact]
    public async Task A_receipt_without_a_required_field_is_refused_naming_it_and_without_an_optional_one_is_accepted()
    {
        var (_, _, site) = await _api.OpenTiersAsync();
        await _api.RegisterItemAsync();
        var note = 0;
        var valid = JsonNode.Parse("""{"itemCode":"MOP","quantity":5,"unitCost":12,"deliveryNote":"DN","supplier":"Clean Co"}""")!.AsObject();
        await ApiDocumentContract.OmittedFieldsAnswerAsDocumentedAsync(_document, "ReceiveGoods", valid, body =>
        {
            // Each accepted receipt is a delivery of its own.
            var json = JsonNode.Parse(body)!.AsObject();
            if (json["deliveryNote"] is not null) json["deliveryNote"] = $"DN-{++note}";
            return _api.Api.SendAsync(HttpMethod.Post, $"{InventoryApi.Inventory}/stores/{site}/receipts", _api.Keeper, rawJson: json.ToJsonString());
        }, () => _api.StoredEventCountAsync("inventory.store-"));
    }

    [Fact]
    public async Task Every_field_a_store_command_refuses_as_missing_is_one_the_document_requires()
    {
        var (_, _, site) = await _api.OpenTiersAsync();
        await ApiDocumentContract.MissingFieldsAreDocumentedAsync(_document, site,
            (operation, path) => _api.Api.SendAsync(HttpMethod.Post, path.Replace("{storeId}", site), TokenFor(operation), rawJson: "{}"));
    }

    [Fact]
    public async Task Every_operation_lets_in_exactly_the_roles_it_documents() =>
        await ApiDocumentContract.RolesAnswerAsDocumentedAsync(_document, _api.Api, role => _api.Token("role-" + role, role));

    private string TokenFor(ApiOperation operation) => _api.Token("doc-1", operation.Roles?.FirstOrDefault() ?? "store-keeper");
}
