using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.BuildingBlocks.EventStore;
using Platform.Complaints;
using Platform.Complaints.Api;
using Platform.WorkOrders;
using Platform.WorkOrders.Api;
using Platform.WorkOrders.Features;

namespace Platform.Flow.Tests;

/// <summary>
/// Complaints and Work orders in-process on one real RabbitMQ virtual host, each with its own data folder, on the real
/// clock (the outbox's and the projections' retry back-off run on the service clock, and an outage test needs them to).
/// The Work orders host can be disposed and started again on the same data.
/// </summary>
public sealed class FlowWorld : IAsyncDisposable
{
    public const string Complaints = "/api/v1/complaints";
    public const string Orders = "/api/v1/work-orders";
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private readonly TempDirectory _complaintsData = new("flow-complaints");
    private readonly TempDirectory _workOrdersData = new("flow-workorders");
    private readonly bool _ownsBroker;

    private FlowWorld(RabbitMqBroker broker, bool ownsBroker, Uri virtualHost, StoreUnderTest store)
    {
        Store = store;
        Broker = broker;
        _ownsBroker = ownsBroker;
        VirtualHost = virtualHost;
    }

    public RabbitMqBroker Broker { get; }

    /// <summary>Both services' store; on EventStoreDB each service has a namespace of its own, kept across restarts.</summary>
    public StoreUnderTest Store { get; }

    private readonly string _complaintsNamespace = StoreUnderTest.NewNamespace();
    private readonly string _workOrdersNamespace = StoreUnderTest.NewNamespace();
    public Uri VirtualHost { get; }
    public ServiceHost<ComplaintCommands> ComplaintsHost { get; private set; } = null!;
    public ServiceHost<WorkOrderCommands> WorkOrdersHost { get; private set; } = null!;

    /// <summary>Message ids each service's bus finished consuming, by service: how a test knows a duplicate was handled.</summary>
    public ConcurrentDictionary<string, ConcurrentBag<Guid>> Consumed { get; } = new();

    public string Agent => ComplaintsHost.Token("agent-1", "call-centre-agent");
    public string Dispatcher => WorkOrdersHost.Token("leader-1", "team-leader");
    public string Technician => WorkOrdersHost.Token("tech-1", "technician");

    /// <param name="privateBroker">A broker of the test's own, which it may stop; else the shared one.</param>
    public static async Task<FlowWorld> StartAsync(StoreUnderTest store, RabbitMqBroker? privateBroker = null)
    {
        var broker = privateBroker ?? await RabbitMqBroker.SharedAsync();
        var world = new FlowWorld(broker, privateBroker is not null, await broker.CreateVirtualHostAsync(), store);
        // Queues and bindings are declared when each bus starts: both are up before the first event is published.
        world.ComplaintsHost = await ServiceHost<ComplaintCommands>.StartAsync(world.VirtualHost, world._complaintsData.Path, TimeProvider.System,
            [.. FastRetries, .. store.Settings(world._complaintsNamespace)]);
        world.Observe("complaints", world.ComplaintsHost.Services);
        await world.StartWorkOrdersAsync();
        return world;
    }

    private static readonly (string, string)[] FastRetries = [("RabbitMq:Retry:MaxInterval", "00:00:02")];

    public async Task StartWorkOrdersAsync()
    {
        WorkOrdersHost = await ServiceHost<WorkOrderCommands>.StartAsync(VirtualHost, _workOrdersData.Path, TimeProvider.System,
            [.. FastRetries, .. Store.Settings(_workOrdersNamespace)]);
        Observe("workorders", WorkOrdersHost.Services);
    }

    public Task StopWorkOrdersAsync() => WorkOrdersHost.DisposeAsync().AsTask();

    private void Observe(string service, IServiceProvider services) =>
        services.GetRequiredService<IBus>().ConnectConsumeObserver(new ConsumedRecorder(Consumed.GetOrAdd(service, _ => [])));

    public IEventStore ComplaintStore => ComplaintsHost.Services.GetRequiredService<IEventStore>();
    public IEventStore WorkOrderStore => WorkOrdersHost.Services.GetRequiredService<IEventStore>();

    public async Task<Guid> RegisterAsync()
    {
        var registered = await ComplaintsHost.Api.PostAsync(Complaints, Agent, new
        {
            estateId = "estate-1",
            unit = new { building = "3", entrance = "2", room = "501" },
            reporter = new { name = "张三", phone = "13800138000", kind = "owner" },
            channel = "hotline",
            content = "Water pouring through the kitchen ceiling",
            category = "water-electricity",
        });
        Assert.Equal(201, registered.Status);
        return Guid.Parse(registered.Id);
    }

    /// <summary>Transfers the complaint needing work; answers the id its work order will have.</summary>
    public async Task<Guid> TransferNeedingWorkAsync(Guid complaintId)
    {
        var transferred = await ComplaintsHost.Api.PostAsync($"{Complaints}/{complaintId}/transfer", Agent,
            new { department = "engineering", needsWork = true, workDescription = "Burst pipe above the kitchen ceiling" });
        Assert.Equal(200, transferred.Status);
        return OpenFromComplaint.WorkOrderIdFor(complaintId);
    }

    public Task<Answer> ComplaintAsync(Guid complaintId) => ComplaintsHost.Api.GetAsync($"{Complaints}/{complaintId}", Agent);

    public Task<Answer> WorkOrderAsync(Guid workOrderId) => WorkOrdersHost.Api.GetAsync($"{Orders}/{workOrderId}", Dispatcher);

    public async Task WaitUntilLinkedAsync(Guid complaintId, Guid workOrderId)
    {
        await Eventually.UntilAsync(async () => (await WorkOrderAsync(workOrderId)).Status == 200, Patience,
            "the work order should be opened from the transferred complaint");
        await Eventually.UntilAsync(async () =>
            (await ComplaintAsync(complaintId)).Body!["workOrderIds"]!.AsArray().Any(i => i!.GetValue<Guid>() == workOrderId),
            Patience, "the complaint should learn its work order's id");
    }

    /// <summary>Dispatch, arrival, start and completion with the owner's sign-off, all over HTTP.</summary>
    public async Task CompleteWorkAsync(Guid workOrderId)
    {
        var order = $"{Orders}/{workOrderId}";
        Assert.Equal(200, (await WorkOrdersHost.Api.PostAsync($"{order}/dispatch", Dispatcher,
            new { technicianId = "tech-1", appointmentAt = DateTimeOffset.UtcNow.AddHours(1) })).Status);
        Assert.Equal(200, (await WorkOrdersHost.Api.PostAsync($"{order}/arrival", Technician)).Status);
        Assert.Equal(200, (await WorkOrdersHost.Api.PostAsync($"{order}/start", Technician)).Status);
        Assert.Equal(200, (await WorkOrdersHost.Api.PostAsync($"{order}/completion", Technician, new { signedOffBy = "张三" })).Status);
    }

    public Task WaitUntilResolvedAsync(Guid complaintId) =>
        Eventually.UntilAsync(async () => (await ComplaintAsync(complaintId)).Body!["status"]!.GetValue<string>() == "resolved",
            Patience, "the complaint should be resolved by its work order");

    /// <summary>The state every variant of the flow must end in: one order, linked once, resolved once by it.</summary>
    public async Task AssertResolvedOnceByAsync(Guid complaintId, Guid workOrderId)
    {
        var complaint = await ComplaintAsync(complaintId);
        Assert.Equal("resolved", complaint.Field("status"));
        Assert.Equal([workOrderId], complaint.Body!["workOrderIds"]!.AsArray().Select(i => i!.GetValue<Guid>()));
        Assert.Equal(workOrderId, complaint.Body["resolvedByWorkOrderId"]!.GetValue<Guid>());
        var resolvedAt = complaint.Body["resolvedAt"]!.GetValue<DateTimeOffset>();
        Assert.Equal(resolvedAt.AddDays(3), complaint.Body["deadlines"]!["followUpDueAt"]!.GetValue<DateTimeOffset>());

        var complaintEvents = await ComplaintStore.ReadStreamAsync(ComplaintsService.StreamFor(complaintId)).Select(e => e.EventType).ToListAsync();
        Assert.Single(complaintEvents, t => t == "ComplaintWorkOrderLinked.v1");
        Assert.Single(complaintEvents, t => t == "ComplaintResolved.v1");

        var orders = await WorkOrdersHost.Api.GetAsync(Orders, Dispatcher);
        Assert.Equal([workOrderId], orders.Body!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()));
        var orderEvents = await WorkOrderStore.ReadStreamAsync(WorkOrderStream.For(workOrderId)).Select(e => e.EventType).ToListAsync();
        Assert.Single(orderEvents, t => t == "WorkOrderLogged.v1");
        Assert.Single(orderEvents, t => t == "WorkCompleted.v1");
        Assert.Equal("completed", (await WorkOrderAsync(workOrderId)).Field("status"));
    }

    public async ValueTask DisposeAsync()
    {
        await WorkOrdersHost.DisposeAsync();
        await ComplaintsHost.DisposeAsync();
        await Broker.DeleteVirtualHostAsync(VirtualHost);
        if (_ownsBroker) await Broker.DisposeAsync();
        _complaintsData.Dispose();
        _workOrdersData.Dispose();
    }

    private sealed class ConsumedRecorder(ConcurrentBag<Guid> consumed) : IConsumeObserver
    {
        public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

        public Task PostConsume<T>(ConsumeContext<T> context) where T : class
        {
            if (context.MessageId is { } id) consumed.Add(id);
            return Task.CompletedTask;
        }

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
    }
}
