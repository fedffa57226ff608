using MassTransit;
using Platform.Complaints;
using Platform.Contracts.Complaints;
using Platform.Contracts.WorkOrders;
using Platform.WorkOrders;

namespace Platform.Flow.Tests;

/// <summary>Flow F1 across RabbitMQ: complaint -> work order -> completion -> complaint resolved -> follow-up -> rework.</summary>
public abstract class ComplaintToWorkOrderFlowTests(StoreUnderTest store) : IAsyncLifetime
{
    private FlowWorld _world = null!;

    public async Task InitializeAsync()
    {
        if (store.SkipReason is not null) return;
        _world = await FlowWorld.StartAsync(store);
    }

    public async Task DisposeAsync()
    {
        if (_world is not null) await _world.DisposeAsync();
    }

    [SkippableFact]
    public async Task A_transfer_needing_work_opens_exactly_one_linked_urgent_work_order()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var complaintId = await _world.RegisterAsync();
        var workOrderId = await _world.TransferNeedingWorkAsync(complaintId);

        await _world.WaitUntilLinkedAsync(complaintId, workOrderId);

        var order = await _world.WorkOrderAsync(workOrderId);
        Assert.Equal(complaintId, order.Body!["complaintId"]!.GetValue<Guid>());
        Assert.Equal("complaint", order.Field("channel"));
        Assert.Equal("urgent", order.Field("urgency"));
        Assert.Equal("estate-1", order.Field("estateId"));
        var orders = await _world.WorkOrdersHost.Api.GetAsync(FlowWorld.Orders, _world.Dispatcher);
        Assert.Single(orders.Body!["items"]!.AsArray());
    }

    [SkippableFact]
    public async Task Completing_the_work_order_resolves_the_complaint_by_it_and_starts_the_follow_up_deadline()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var complaintId = await _world.RegisterAsync();
        var workOrderId = await _world.TransferNeedingWorkAsync(complaintId);
        await _world.WaitUntilLinkedAsync(complaintId, workOrderId);

        await _world.CompleteWorkAsync(workOrderId);

        await _world.WaitUntilResolvedAsync(complaintId);
        await _world.AssertResolvedOnceByAsync(complaintId, workOrderId);
    }

    [SkippableFact]
    public async Task A_follow_up_that_finds_a_problem_shows_the_rework_on_the_complaint_and_its_completion_resolves_it_again()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var complaintId = await _world.RegisterAsync();
        var workOrderId = await _world.TransferNeedingWorkAsync(complaintId);
        await _world.WaitUntilLinkedAsync(complaintId, workOrderId);
        await _world.CompleteWorkAsync(workOrderId);
        await _world.WaitUntilResolvedAsync(complaintId);

        var order = $"{FlowWorld.Orders}/{workOrderId}";
        var followUp = await _world.WorkOrdersHost.Api.PostAsync($"{order}/follow-ups", _world.Dispatcher,
            new { outcome = "problem-found", problem = "recurred" });
        Assert.Equal(200, followUp.Status);

        await Eventually.UntilAsync(async () => (await _world.ComplaintAsync(complaintId)).Body!["reworkCount"]!.GetValue<int>() == 1,
            FlowWorld.Patience, "the complaint should show the rework");
        var reopened = await _world.ComplaintAsync(complaintId);
        Assert.Equal("in-progress", reopened.Field("status"));

        Assert.Equal(200, (await _world.WorkOrdersHost.Api.PostAsync($"{order}/rework-notice", _world.Dispatcher, new { technicianId = "tech-1" })).Status);
        Assert.Equal(200, (await _world.WorkOrdersHost.Api.PostAsync($"{order}/completion", _world.Technician, new { signedOffBy = "张三" })).Status);
        await _world.WaitUntilResolvedAsync(complaintId);
        Assert.Equal(1, (await _world.ComplaintAsync(complaintId)).Body!["reworkCount"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task The_same_integration_events_published_twice_change_nothing()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var complaintId = await _world.RegisterAsync();
        var workOrderId = await _world.TransferNeedingWorkAsync(complaintId);
        await _world.WaitUntilLinkedAsync(complaintId, workOrderId);
        await _world.CompleteWorkAsync(workOrderId);
        await _world.WaitUntilResolvedAsync(complaintId);
        var complaintBefore = await _world.ComplaintAsync(complaintId);
        var orderBefore = await _world.WorkOrderAsync(workOrderId);

        // Re-publish the transfer and the completion under the ids the outboxes gave them.
        var transferred = await _world.ComplaintStore.ReadStreamAsync(ComplaintsService.StreamFor(complaintId))
            .SingleAsync(e => e.EventType == "ComplaintTransferred.v1");
        var completed = await _world.WorkOrderStore.ReadStreamAsync(WorkOrderStream.For(workOrderId))
            .SingleAsync(e => e.EventType == "WorkCompleted.v1");
        var complaint = complaintBefore.Body!;
        await PublishAsync(
            (new ComplaintTransferredV1(complaintId, new Contracts.Complaints.UnitAddress("estate-1", "3", "2", "501"), "engineering", true,
                "water-electricity", "Burst pipe above the kitchen ceiling", complaint["registeredAt"]!.GetValue<DateTimeOffset>()), transferred.EventId),
            (new WorkOrderCompletedV1(workOrderId, complaintId, "estate-1", DateTimeOffset.UtcNow, null, false), completed.EventId));

        await Eventually.UntilAsync(() =>
                _world.Consumed["workorders"].Count(id => id == transferred.EventId) == 2
                && _world.Consumed["complaints"].Count(id => id == completed.EventId) == 2,
            FlowWorld.Patience, "both duplicates should be consumed");
        Assert.Equal(complaintBefore.ETag, (await _world.ComplaintAsync(complaintId)).ETag);
        Assert.Equal(orderBefore.ETag, (await _world.WorkOrderAsync(workOrderId)).ETag);
        await _world.AssertResolvedOnceByAsync(complaintId, workOrderId);
    }

    private async Task PublishAsync(params (object Message, Guid MessageId)[] messages)
    {
        var uri = _world.VirtualHost;
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
            rabbit.Host(uri.Host, (ushort)uri.Port, Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')), host =>
            {
                host.Username("guest");
                host.Password("guest");
            }));
        await bus.StartAsync();
        try
        {
            foreach (var (message, messageId) in messages)
                await bus.Publish(message, message.GetType(), context => context.MessageId = messageId);
        }
        finally
        {
            await bus.StopAsync();
        }
    }
}

public sealed class ComplaintToWorkOrderFlowTestsOnSqlite() : ComplaintToWorkOrderFlowTests(StoreUnderTest.Sqlite);

public sealed class ComplaintToWorkOrderFlowTestsOnEventStoreDb() : ComplaintToWorkOrderFlowTests(StoreUnderTest.EventStoreDb);
