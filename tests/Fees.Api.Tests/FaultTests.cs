using Platform.Contracts.WorkOrders;

namespace Platform.Fees.Api.Tests;

/// <summary>The broker stopped and the service stopped: nothing taken is lost, and nothing is done twice.</summary>
public sealed class FaultTests : IAsyncLifetime
{
    private RabbitMqBroker _broker = null!;
    private FeesApi _api = null!;

    public async Task InitializeAsync()
    {
        _broker = await RabbitMqBroker.StartPrivateAsync();
        _api = await FeesApi.StartAsync(StoreUnderTest.Sqlite, broker: _broker);
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _broker.DisposeAsync();
    }

    [Fact]
    public async Task With_the_broker_down_a_payment_is_still_receipted_the_service_is_degraded_but_ready_and_the_payment_is_applied_when_it_returns()
    {
        var account = await _api.OpenAccountAsync(propertyFeeStandard: null);
        var accountId = Guid.Parse(account[(account.LastIndexOf('/') + 1)..]);
        await _broker.StopAsync();
        await Eventually.UntilAsync(async () => (await _api.Api.Http.GetStringAsync("/health")).Contains("\"status\":\"Degraded\""),
            TimeSpan.FromSeconds(60), "the broker outage should show as Degraded");

        var paid = await _api.PayAsync(_api.Finance, accountId, 66m);
        Assert.Equal(201, paid.Status);
        Assert.Equal(200, (int)(await _api.Api.Http.GetAsync("/health/ready")).StatusCode);

        await _broker.StartAsync();
        await Eventually.UntilAsync(async () => (await _api.Api.GetAsync(account, _api.Finance)).Body!["credit"]!.GetValue<decimal>() == 66m,
            TimeSpan.FromSeconds(120), "the payment should be applied once the outbox moves on");
        Assert.Single((await _api.Api.GetAsync(account, _api.Finance)).Body!["payments"]!.AsArray());
    }

    [Fact]
    public async Task A_hand_over_published_while_the_service_is_stopped_is_charged_once_when_it_starts_again()
    {
        await _api.ApproveStandardAsync("REPAIR-JOB", "paid-repair", 60m, "per-job");
        var account = await _api.OpenAccountAsync(propertyFeeStandard: null);
        await _api.StopAsync();

        var handOver = new WorkOrderBillingHandedOverV1(Guid.NewGuid(), FeesApi.Estate, new WorkOrderUnit(FeesApi.Estate, "3", "2", "501"), 60m, "CNY", "REPAIR-JOB",
            new DateTimeOffset(2026, 3, 3, 8, 0, 0, TimeSpan.Zero));
        var messageId = Guid.NewGuid();
        await _api.PublishAsync(handOver, messageId);
        await _api.PublishAsync(handOver, messageId);
        await _api.StartAgainAsync();

        await Eventually.UntilAsync(async () => (await _api.Api.GetAsync(account, _api.Finance)).Body!["charges"]!.AsArray().Count == 1,
            TimeSpan.FromSeconds(60), "the queued hand-over should be charged after the restart");
        await _api.PublishAsync(handOver, Guid.NewGuid());
        await _api.CatchUpAsync();
        Assert.Single((await _api.Api.GetAsync(account, _api.Finance)).Body!["charges"]!.AsArray());
    }
}
