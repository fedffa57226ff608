using System.Collections.Concurrent;
using MassTransit;
using Platform.Contracts.WorkOrders;

namespace Platform.WorkOrders.Api.Tests;

/// <summary>The technician's side: quotes (S19), the own queue, cash, and the billing hand-over of paid work.</summary>
public abstract class FieldWorkTests(StoreUnderTest store) : IAsyncLifetime
{
    private WorkOrdersApi _api = null!;
    private string _agent = null!;
    private string _tech1 = null!;

    public async Task InitializeAsync()
    {
        if (store.SkipReason is not null) return;
        _api = await WorkOrdersApi.StartAsync(store);
        _agent = _api.Token("agent-1", "call-centre-agent");
        _tech1 = _api.Token("tech-1", "technician");
    }

    public async Task DisposeAsync()
    {
        if (_api is not null) await _api.DisposeAsync();
    }

    [SkippableFact]
    public async Task S19_paid_work_does_not_start_before_the_owner_accepts_the_quote()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var order = (await _api.LogAsync(_agent, WorkOrdersApi.NewRequest(type: "service", content: "Install a shower screen"))).Location!;
        await _api.Api.PostAsync($"{order}/dispatch", _agent, new { technicianId = "tech-1", appointmentAt = WorkOrdersApi.Start.AddHours(1) });
        await _api.Api.PostAsync($"{order}/arrival", _tech1);
        Assert.Equal(200, (await _api.Api.PostAsync($"{order}/quote", _tech1, new { amount = 80m, feeStandardRef = "FS-2026-07" })).Status);
        var count = await _api.StoredEventCountAsync();

        var early = await _api.Api.PostAsync($"{order}/start", _tech1);

        Assert.Equal(409, early.Status);
        Assert.EndsWith("/work-before-quote-accepted", early.ProblemType);
        Assert.Equal(count, await _api.StoredEventCountAsync());

        Assert.Equal(200, (await _api.Api.PostAsync($"{order}/quote/acceptance", _tech1)).Status);
        var started = await _api.Api.PostAsync($"{order}/start", _tech1);
        Assert.Equal(200, started.Status);
        Assert.Equal("in-progress", started.Field("status"));
    }

    [SkippableFact]
    public async Task A_technician_sees_only_their_own_open_orders_in_their_queue()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var tech2 = _api.Token("tech-2", "technician");
        var first = await _api.LogAsync(_agent, WorkOrdersApi.NewRequest(content: "Basin drain blocked"));
        var urgent = await _api.LogAsync(_agent, WorkOrdersApi.NewRequest(content: "Burst pipe in the kitchen"));
        var others = await _api.LogAsync(_agent);
        var notDispatched = await _api.LogAsync(_agent);
        await _api.Api.PostAsync($"{first.Location}/dispatch", _agent, new { technicianId = "tech-1", appointmentAt = WorkOrdersApi.Start.AddHours(1) });
        await _api.Api.PostAsync($"{urgent.Location}/dispatch", _agent, new { technicianId = "tech-1", appointmentAt = WorkOrdersApi.Start.AddHours(3) });
        var last = await _api.Api.PostAsync($"{others.Location}/dispatch", _agent, new { technicianId = "tech-2", appointmentAt = WorkOrdersApi.Start.AddHours(1) });

        var queue = await _api.Api.GetAsync($"{WorkOrdersApi.Orders}/my-queue?minPosition={last.Position}", _tech1);

        Assert.Equal(200, queue.Status);
        var ids = queue.Body!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToList();
        Assert.Equal([urgent.Id, first.Id], ids);
        Assert.DoesNotContain(notDispatched.Id, ids);
        var theirs = await _api.Api.GetAsync($"{WorkOrdersApi.Orders}/my-queue", tech2);
        Assert.Equal([others.Id], theirs.Body!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
        Assert.Equal(403, (await _api.Api.GetAsync($"{WorkOrdersApi.Orders}/my-queue", _agent)).Status);

        var byTechnician = await _api.Api.GetAsync($"{WorkOrdersApi.Orders}?technician=tech-2&status=dispatched", _agent);
        Assert.Equal([others.Id], byTechnician.Body!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
        var urgentOnly = await _api.Api.GetAsync($"{WorkOrdersApi.Orders}?urgency=urgent", _agent);
        Assert.Equal([urgent.Id], urgentOnly.Body!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
    }

    [SkippableFact]
    public async Task The_list_pages_with_a_cursor()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        Answer last = null!;
        for (var i = 0; i < 5; i++)
        {
            last = await _api.LogAsync(_agent);
            _api.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await _api.Api.GetAsync(
                $"{WorkOrdersApi.Orders}?limit=2&minPosition={last.Position}{(cursor is null ? "" : "&cursor=" + cursor)}", _agent);
            Assert.Equal(200, page.Status);
            seen.AddRange(page.Body!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
            cursor = page.Body["nextCursor"]?.GetValue<string>();
            pages++;
        } while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(5, seen.Distinct().Count());
        Assert.Equal(400, (await _api.Api.GetAsync($"{WorkOrdersApi.Orders}?status=sleeping", _agent)).Status);
        Assert.Equal(400, (await _api.Api.GetAsync($"{WorkOrdersApi.Orders}?cursor=%%%", _agent)).Status);
    }

    [SkippableFact]
    public async Task A_technician_may_not_take_cash_on_completion()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var order = await _api.LogAndStartAsync(_agent, _tech1, "tech-1");
        var count = await _api.StoredEventCountAsync();

        var answer = await _api.Api.PostAsync($"{order}/completion", _tech1, new { signedOffBy = "张三", cashReceived = 50m });

        Assert.Equal(403, answer.Status);
        Assert.EndsWith("/technician-cannot-take-cash", answer.ProblemType);
        Assert.Equal(count, await _api.StoredEventCountAsync());
    }

    [SkippableFact]
    public async Task A_paid_orders_completion_is_published_as_the_billing_hand_over()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var received = new ConcurrentQueue<(Guid? MessageId, WorkOrderBillingHandedOverV1 Message)>();
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            var uri = _api.VirtualHost;
            rabbit.Host(uri.Host, (ushort)uri.Port, Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')), host =>
            {
                host.Username("guest");
                host.Password("guest");
            });
            rabbit.ReceiveEndpoint("fees-test", endpoint => endpoint.Handler<WorkOrderBillingHandedOverV1>(context =>
            {
                received.Enqueue((context.MessageId, context.Message));
                return Task.CompletedTask;
            }));
        });
        await bus.StartAsync();
        try
        {
            var logged = await _api.LogAsync(_agent, WorkOrdersApi.NewRequest(type: "service", content: "Replace the entry door lock"));
            var order = logged.Location!;
            await _api.Api.PostAsync($"{order}/dispatch", _agent, new { technicianId = "tech-1", appointmentAt = WorkOrdersApi.Start.AddHours(1) });
            await _api.Api.PostAsync($"{order}/arrival", _tech1);
            await _api.Api.PostAsync($"{order}/quote", _tech1, new { amount = 80m, feeStandardRef = "FS-2026-07" });
            await _api.Api.PostAsync($"{order}/quote/acceptance", _tech1);
            await _api.Api.PostAsync($"{order}/start", _tech1);
            var completed = await _api.Api.PostAsync($"{order}/completion", _tech1, new { signedOffBy = "张三", amount = 80m });
            Assert.Equal(200, completed.Status);

            await Eventually.UntilAsync(() => !received.IsEmpty, TimeSpan.FromSeconds(30), "the billing hand-over should reach a downstream queue");

            var workOrderId = Guid.Parse(logged.Id);
            var handedOver = await _api.Store.ReadStreamAsync(WorkOrderStream.For(workOrderId))
                .SingleAsync(e => e.EventType == "WorkOrderHandedToBilling.v1");
            var (messageId, message) = Assert.Single(received);
            Assert.Equal(handedOver.EventId, messageId);
            Assert.Equal(workOrderId, message.WorkOrderId);
            Assert.Equal(80m, message.Amount);
            Assert.Equal("CNY", message.Currency);
            Assert.Equal("FS-2026-07", message.FeeStandardRef);
            Assert.Equal("estate-1", message.EstateId);
            Assert.Equal("501", message.Unit.Room);
        }
        finally
        {
            await bus.StopAsync();
        }
    }
}

public sealed class FieldWorkTestsOnSqlite() : FieldWorkTests(StoreUnderTest.Sqlite);

public sealed class FieldWorkTestsOnEventStoreDb() : FieldWorkTests(StoreUnderTest.EventStoreDb);

/// <summary>F7 and F8 on Work orders' side of the bus, with Fire safety played by the test: its request opens an order, whose completion answers it.</summary>
public abstract class FireSafetyWorkTests(StoreUnderTest store) : IAsyncLifetime
{
    private WorkOrdersApi _api = null!;

    public async Task InitializeAsync()
    {
        if (store.SkipReason is not null) return;
        _api = await WorkOrdersApi.StartAsync(store);
    }

    public async Task DisposeAsync()
    {
        if (_api is not null) await _api.DisposeAsync();
    }

    [SkippableFact]
    public async Task F7_a_rectification_request_opens_an_order_due_at_the_hazards_deadline_once_and_its_completion_answers_fire_safety()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var agent = _api.Token("agent-1", "call-centre-agent");
        var technician = _api.Token("tech-1", "technician");
        await using var answers = await BusCapture<Contracts.WorkOrders.FireSafetyWorkCompletedV1>.StartAsync(_api.VirtualHost);
        var request = new Contracts.FireSafety.FireSafetyWorkRequestedV1(Guid.NewGuid(), "hazard-rectification", Guid.NewGuid(), null, "estate-1", "Stair B",
            "Fire door closer broken", WorkOrdersApi.Start.AddDays(7), WorkOrdersApi.Start);
        await BusCapture.PublishAsync(_api.VirtualHost, request, Guid.NewGuid());
        await BusCapture.PublishAsync(_api.VirtualHost, request, Guid.NewGuid());

        var order = $"{WorkOrdersApi.Orders}/{Features.OpenFromFireSafety.WorkOrderIdFor(request.RequestId)}";
        await Eventually.UntilAsync(async () => (await _api.Api.GetAsync(order, agent)).Status == 200, TimeSpan.FromSeconds(60), "the request should open an order");
        var opened = (await _api.Api.GetAsync(order, agent)).Body!;
        Assert.Equal(("fire-safety", "fire-safety", "safety-facility", WorkOrdersApi.Start.AddDays(7)), (opened["channel"]!.GetValue<string>(),
            opened["category"]!.GetValue<string>(), opened["urgency"]!.GetValue<string>(), opened["repairDueAt"]!.GetValue<DateTimeOffset>()));
        Assert.Equal(request.HazardId, opened["fireSafety"]!["hazardId"]!.GetValue<Guid>());

        await _api.Api.PostAsync($"{order}/dispatch", agent, new { technicianId = "tech-1", appointmentAt = WorkOrdersApi.Start.AddHours(1) });
        await _api.Api.PostAsync($"{order}/arrival", technician);
        await _api.Api.PostAsync($"{order}/start", technician);
        Assert.Equal(200, (await _api.Api.PostAsync($"{order}/completion", technician, new { signedOffBy = "Engineering" })).Status);

        var answer = await answers.OneAsync(a => a.RequestId == request.RequestId, "the completion should answer Fire safety's request");
        Assert.Equal(("hazard-rectification", request.HazardId, "estate-1"), (answer.Kind, answer.HazardId, answer.EstateId));
        var logged = 0;
        await foreach (var e in _api.Store.ReadAllAsync(null, "workorders.", int.MaxValue))
            if (e.EventType == "WorkOrderLogged.v1") logged++;
        Assert.Equal(1, logged);
    }
}

public sealed class FireSafetyWorkTestsOnSqlite() : FireSafetyWorkTests(StoreUnderTest.Sqlite);

public sealed class FireSafetyWorkTestsOnEventStoreDb() : FireSafetyWorkTests(StoreUnderTest.EventStoreDb);
