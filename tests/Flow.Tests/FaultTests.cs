namespace Platform.Flow.Tests;

/// <summary>The flow survives its infrastructure failing half-way, and ends exactly as it would have without the fault.</summary>
public abstract class FaultTests(StoreUnderTest store, Xunit.Abstractions.ITestOutputHelper output)
{
    [SkippableFact]
    public async Task The_broker_stopping_twice_in_the_middle_of_the_flow_loses_nothing()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        await using var broker = await RabbitMqBroker.StartPrivateAsync();
        await using var world = await FlowWorld.StartAsync(store, broker);
        var complaintId = await world.RegisterAsync();

        // Down while the transfer is stored: the outbox publishes it once the broker is back. Meanwhile both services say
        // Degraded and stay ready, because commands are still stored.
        await broker.StopAsync();
        foreach (var api in new[] { world.ComplaintsHost.Api, world.WorkOrdersHost.Api })
        {
            await Eventually.UntilAsync(async () => (await api.Http.GetStringAsync("/health")).Contains("\"status\":\"Degraded\""),
                FlowWorld.Patience, "the service should report the broker outage as Degraded");
            Assert.Equal(System.Net.HttpStatusCode.OK, (await api.Http.GetAsync("/health/ready")).StatusCode);
        }
        var workOrderId = await world.TransferNeedingWorkAsync(complaintId);
        await broker.StartAsync();
        var back = System.Diagnostics.Stopwatch.StartNew();
        await world.WaitUntilLinkedAsync(complaintId, workOrderId);
        output.WriteLine($"broker back to the work order linked: {back.Elapsed.TotalSeconds:0.0} s");

        // Down again while the work is completed.
        await broker.StopAsync();
        await world.CompleteWorkAsync(workOrderId);
        await broker.StartAsync();

        await world.WaitUntilResolvedAsync(complaintId);
        await world.AssertResolvedOnceByAsync(complaintId, workOrderId);
    }

    [SkippableFact]
    public async Task The_work_orders_service_restarting_on_its_data_in_the_middle_of_the_flow_loses_nothing()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        await using var world = await FlowWorld.StartAsync(store);
        var complaintId = await world.RegisterAsync();

        // Gone while the transfer is in flight: the message waits in its durable queue.
        await world.StopWorkOrdersAsync();
        var workOrderId = await world.TransferNeedingWorkAsync(complaintId);
        await world.StartWorkOrdersAsync();
        await world.WaitUntilLinkedAsync(complaintId, workOrderId);

        // Gone right after the completion is stored, before its outbox may have published it.
        await world.CompleteWorkAsync(workOrderId);
        await world.StopWorkOrdersAsync();
        await world.StartWorkOrdersAsync();

        await world.WaitUntilResolvedAsync(complaintId);
        await world.AssertResolvedOnceByAsync(complaintId, workOrderId);
    }
}

public sealed class FaultTestsOnSqlite(Xunit.Abstractions.ITestOutputHelper output) : FaultTests(StoreUnderTest.Sqlite, output);

public sealed class FaultTestsOnEventStoreDb(Xunit.Abstractions.ITestOutputHelper output) : FaultTests(StoreUnderTest.EventStoreDb, output);
