using System.Text.Json.Nodes;

namespace Platform.Fees.Api.Tests;

/// <summary>The OpenAPI document tested against the service: what it calls required, optional and allowed is what the API does.</summary>
public sealed class ApiDocumentTests : IAsyncLifetime
{
    private FeesApi _api = null!;
    private ApiDocument _document = null!;

    public async Task InitializeAsync()
    {
        _api = await FeesApi.StartAsync(StoreUnderTest.Sqlite);
        _document = await ApiDocument.LoadAsync(_api.Api.Http);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Opening_an_account_without_a_required_field_is_refused_naming_it_and_without_an_optional_one_is_accepted()
    {
        await _api.ApproveStandardAsync();
        var valid = JsonNode.Parse("""
            {"unit":{"estateId":"estate-1","building":"7","entrance":"1","room":"101"},"payerKind":"tenant","payer":{"name":"李四","phone":"13900139000"},
             "occupancy":"owner-away","floorArea":60.5,"parkingSpaces":1,"propertyFeeStandard":"PF-RES","parkingFeeStandard":"PF-RES"}
            """)!.AsObject();
        var room = 0;
        await ApiDocumentContract.OmittedFieldsAnswerAsDocumentedAsync(_document, "OpenPayerAccount", valid, body =>
        {
            // Each accepted request opens the account of a unit of its own.
            var json = JsonNode.Parse(body)!.AsObject();
            if (json["unit"]?["room"] is not null) json["unit"]!["room"] = $"r{++room}";
            else if (json["unit"] is JsonObject unit) unit["building"] = $"b{++room}";
            return _api.Api.SendAsync(HttpMethod.Post, $"{FeesApi.Fees}/accounts", _api.Finance, rawJson: json.ToJsonString());
        }, () => _api.StoredEventCountAsync());
    }

    [Fact]
    public async Task A_payment_without_a_required_field_is_refused_naming_it_and_without_an_optional_one_is_accepted()
    {
        var account = await _api.OpenAccountAsync(propertyFeeStandard: null);
        var accountId = account[(account.LastIndexOf('/') + 1)..];
        var valid = JsonNode.Parse($$"""{"accountId":"{{accountId}}","amount":12.5,"currency":"CNY","channel":"window","providerReference":"POS-1"}""")!.AsObject();
        await ApiDocumentContract.OmittedFieldsAnswerAsDocumentedAsync(_document, "RecordPayment", valid,
            // Receipts only: an accepted payment is applied to the account later, from its receipt.
            body => _api.Api.SendAsync(HttpMethod.Post, $"{FeesApi.Fees}/payments", _api.Finance, rawJson: body),
            () => _api.StoredEventCountAsync("fees.receipt-book-"));
    }

    [Fact]
    public async Task Every_field_an_account_command_refuses_as_missing_is_one_the_document_requires()
    {
        var account = await _api.OpenAccountAsync(propertyFeeStandard: null);
        var manager = _api.Token("dm-doc", "department-manager");
        await ApiDocumentContract.MissingFieldsAreDocumentedAsync(_document, account[(FeesApi.Fees.Length + 1)..].Replace("accounts/", ""),
            (operation, path) => _api.Api.SendAsync(HttpMethod.Post, path, operation.Roles!.Contains("finance-clerk") ? _api.Finance : manager, rawJson: "{}"));
    }

    [Fact]
    public async Task Every_operation_lets_in_exactly_the_roles_it_documents() =>
        await ApiDocumentContract.RolesAnswerAsDocumentedAsync(_document, _api.Api, role => _api.Token("role-" + role, role));
}
