using Microsoft.Extensions.Time.Testing;
using static Platform.FireSafety.Api.Tests.FireSafetyApi;

namespace Platform.FireSafety.Api.Tests;

/// <summary>
/// The EventStoreDB node stops under a running Fire-safety service: an alarm is answered RETRY, so the sidecar keeps it
/// and tries again, and once the node is back the same CloudEvent becomes its incident, once.
/// </summary>
public sealed class AlarmStoreOutageTests
{
    [SkippableFact]
    public async Task While_the_store_is_unreachable_an_alarm_is_answered_retry_and_the_same_CloudEvent_succeeds_once_it_is_back()
    {
        Skip.If(EventStoreDbNode.SkipReason is not null, EventStoreDbNode.SkipReason);
        await using var node = await EventStoreDbNode.StartAsync(inMemory: false);
        await using var api = await FireSafetyApi.StartAsync(StoreUnderTest.EventStoreDb, time: new FakeTimeProvider(Start),
            settings: ("EventStore:ConnectionString", node.Connection + "&defaultDeadline=2000"));
        var detector = await api.CreateAsync($"{Fire}/equipment", api.Officer, new
        {
            estateId = Estate, code = "SD-OUT", type = "smoke-detector", location = "B1 corridor", custodian = "Zhao", siteStoreCode = "SITE", itemCode = "SD",
        });
        await api.CreateAsync($"{Fire}/alarm-devices", api.Officer, new { deviceId = "SD-OUT-1", equipmentId = detector[(detector.LastIndexOf('/') + 1)..] });
        var alarm = new { deviceId = "SD-OUT-1", signal = "alarm", occurredAt = Start };

        await node.StopAsync();
        Assert.Equal((200, "RETRY"), await api.Sidecar.DeliverAsync("outage-1", alarm));

        await node.RestartAsync();
        await Eventually.UntilAsync(async () => (await api.Api.Http.GetAsync("/health/ready")).IsSuccessStatusCode,
            TimeSpan.FromSeconds(60), "the service should be ready again once the node is back");
        Assert.Equal((200, "SUCCESS"), await api.Sidecar.DeliverAsync("outage-1", alarm));
        Assert.Equal((200, "SUCCESS"), await api.Sidecar.DeliverAsync("outage-1", alarm));
        Assert.Equal(1, await api.StoredEventCountAsync("firesafety.incident-"));
    }
}
