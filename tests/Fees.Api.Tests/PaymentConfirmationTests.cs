using System.Text.Json.Nodes;

namespace Platform.Fees.Api.Tests;

/// <summary>The test plays the Dapr sidecar: it reads the subscriptions, then posts structured CloudEvents to the route.</summary>
public abstract class PaymentConfirmationTests(StoreUnderTest store) : IAsyncLifetime
{
    private FeesApi _api = null!;

    public async Task InitializeAsync()
    {
        if (store.SkipReason is not null) return;
        _api = await FeesApi.StartAsync(store, settings: ("Fees:Dapr:AppApiToken", "sidecar-secret"));
    }

    public async Task DisposeAsync()
    {
        if (_api is not null) await _api.DisposeAsync();
    }

    private Task<(int Status, string? Outcome)> DeliverAsync(string id, object data, string token = "sidecar-secret") =>
        new DaprSidecar(_api.Api.Http, "fees-pubsub", "payment-confirmations", "/dapr/payment-confirmations", "sidecar-secret")
            .DeliverAsync(id, data, token, type: "payment.confirmed");

    [SkippableFact]
    public async Task The_subscription_names_the_topic_its_route_and_its_dead_letter_topic()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var subscriptions = JsonNode.Parse(await _api.Api.Http.GetStringAsync("/dapr/subscribe"))!.AsArray();
        var subscription = Assert.Single(subscriptions)!;
        Assert.Equal("fees-pubsub", subscription["pubsubName"]!.GetValue<string>());
        Assert.Equal("payment-confirmations", subscription["topic"]!.GetValue<string>());
        Assert.Equal("payment-confirmations-dead-letter", subscription["deadLetterTopic"]!.GetValue<string>());
        Assert.Equal("dapr/payment-confirmations", subscription["route"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task A_confirmation_is_receipted_once_by_its_CloudEvent_id_and_applied_to_the_account()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var account = await _api.OpenAccountAsync(propertyFeeStandard: null);
        var accountId = Guid.Parse(account[(account.LastIndexOf('/') + 1)..]);
        var data = new { accountId, amount = 88.80m, currency = "CNY", providerReference = "WX-20260302-0001" };

        Assert.Equal((200, "SUCCESS"), await DeliverAsync("evt-1", data));
        var receipts = await _api.StoredEventCountAsync("fees.receipt-book-");
        Assert.Equal((200, "SUCCESS"), await DeliverAsync("evt-1", data));
        Assert.Equal(receipts, await _api.StoredEventCountAsync("fees.receipt-book-"));

        await Eventually.UntilAsync(async () => (await _api.Api.GetAsync(account, _api.Finance)).Body!["credit"]!.GetValue<decimal>() == 88.80m,
            TimeSpan.FromSeconds(30), "the confirmed payment should reach the account");
        var payment = (await _api.Api.GetAsync(account, _api.Finance)).Body!["payments"]!.AsArray().Single()!;
        Assert.Equal("ESTATE-1/2026/000001", payment["receiptNumber"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task An_unknown_account_a_non_positive_amount_another_currency_or_bad_data_goes_to_the_dead_letter_topic_and_stores_nothing()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var account = await _api.OpenAccountAsync(propertyFeeStandard: null);
        var accountId = Guid.Parse(account[(account.LastIndexOf('/') + 1)..]);
        var before = await _api.StoredEventCountAsync();

        Assert.Equal((200, "DROP"), await DeliverAsync("bad-1", new { accountId = Guid.NewGuid(), amount = 10m, currency = "CNY", providerReference = "WX-1" }));
        Assert.Equal((200, "DROP"), await DeliverAsync("bad-2", new { accountId, amount = 0m, currency = "CNY", providerReference = "WX-2" }));
        Assert.Equal((200, "DROP"), await DeliverAsync("bad-3", new { accountId, amount = -5m, currency = "CNY", providerReference = "WX-3" }));
        Assert.Equal((200, "DROP"), await DeliverAsync("bad-4", new { accountId, amount = 10m, currency = "USD", providerReference = "WX-4" }));
        Assert.Equal((200, "DROP"), await DeliverAsync("bad-5", new { accountId, amount = "ten", currency = "CNY", providerReference = "WX-5" }));
        Assert.Equal((200, "DROP"), await DeliverAsync("bad-6", new { accountId, amount = 10m, currency = "CNY" }));
        Assert.Equal(before, await _api.StoredEventCountAsync());
    }

    [SkippableFact]
    public async Task A_caller_without_the_sidecars_token_is_refused()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var account = await _api.OpenAccountAsync(propertyFeeStandard: null);
        var accountId = Guid.Parse(account[(account.LastIndexOf('/') + 1)..]);
        var (status, _) = await DeliverAsync("evt-x", new { accountId, amount = 10m, currency = "CNY", providerReference = "WX-9" }, token: "guess");
        Assert.Equal(401, status);
    }
}

public sealed class PaymentConfirmationTestsOnSqlite() : PaymentConfirmationTests(StoreUnderTest.Sqlite);

public sealed class PaymentConfirmationTestsOnEventStoreDb() : PaymentConfirmationTests(StoreUnderTest.EventStoreDb);
