using Microsoft.Extensions.DependencyInjection;
using Platform.BuildingBlocks.Messaging;
using Platform.Contracts.WorkOrders;

namespace Platform.Inventory.Api.Tests;

/// <summary>The broker stopped and the service stopped: nothing taken is lost, and nothing is done twice.</summary>
public sealed class FaultTests : IAsyncLifetime
{
    private RabbitMqBroker _broker = null!;
    private InventoryApi _api = null!;

    public async Task InitializeAsync()
    {
        _broker = await RabbitMqBroker.StartPrivateAsync();
        _api = await InventoryApi.StartAsync(StoreUnderTest.Sqlite, broker: _broker);
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _broker.DisposeAsync();
    }

    [Fact]
    public async Task With_the_broker_down_an_issue_is_still_stored_the_service_is_degraded_but_ready_and_the_requisition_catches_up_when_it_returns()
    {
        var (_, _, site) = await _api.OpenTiersAsync();
        await _api.RegisterItemAsync();
        await _api.ReceiveAsync(site, "MOP", 10);
        var requisition = await _api.SignedRequisitionAsync(site, "MOP", 3);
        await _broker.StopAsync();
        await Eventually.UntilAsync(async () => (await _api.Api.Http.GetStringAsync("/health")).Contains("\"status\":\"Degraded\""),
            TimeSpan.FromSeconds(60), "the broker outage should show as Degraded");

        var issued = await _api.Api.PostAsync($"{InventoryApi.Inventory}/stores/{site}/issues", _api.Keeper, new { requisitionId = requisition });
        Assert.Equal(200, issued.Status);
        Assert.Equal(7, await _api.StockAsync(site, "MOP"));
        Assert.Equal(200, (int)(await _api.Api.Http.GetAsync("/health/ready")).StatusCode);

        await _broker.StartAsync();
        await Eventually.UntilAsync(async () => (await _api.Api.GetAsync($"{InventoryApi.Inventory}/requisitions/{requisition}", _api.Keeper)).Field("status") == "issued",
            TimeSpan.FromSeconds(120), "the requisition should show the issue once the outbox moves on");
    }

    [Fact]
    public async Task A_materials_request_published_while_the_service_is_stopped_drafts_one_requisition_when_it_starts_again()
    {
        await _api.OpenTiersAsync();
        await _api.RegisterItemAsync("LOCK");
        await _api.StopAsync();

        var request = new MaterialsRequestedV1(Guid.NewGuid(), Guid.NewGuid(), InventoryApi.Estate, "tech-7", [new MaterialLineV1("LOCK", 1, "piece")], InventoryApi.Start);
        var messageId = Guid.NewGuid();
        await _api.PublishAsync(request, messageId);
        await _api.PublishAsync(request, messageId);
        await _api.StartAgainAsync();

        await Eventually.UntilAsync(async () => await _api.StoredEventCountAsync("inventory.requisition-") == 1,
            TimeSpan.FromSeconds(60), "the queued request should draft its requisition after the restart");
        await _api.PublishAsync(request, Guid.NewGuid());
        await _api.CatchUpAsync();
        Assert.Equal(1, await _api.StoredEventCountAsync("inventory.requisition-"));
    }

    [Fact]
    public async Task A_materials_request_for_an_item_not_in_the_catalogue_is_parked_not_redelivered_forever()
    {
        await _api.OpenTiersAsync();
        var request = new MaterialsRequestedV1(Guid.NewGuid(), Guid.NewGuid(), InventoryApi.Estate, "tech-7", [new MaterialLineV1("NOPE", 1, "piece")], InventoryApi.Start);
        await _api.PublishAsync(request, Guid.NewGuid());

        var deadLetters = _api.Services.GetRequiredService<DeadLetters>();
        await Eventually.UntilAsync(async () => (await deadLetters.PeekAsync("inventory.materials-requested", 10)).Count == 1,
            TimeSpan.FromSeconds(60), "the refused request should park in the error queue");
        Assert.Equal(0, await _api.StoredEventCountAsync("inventory.requisition-"));
    }
}
