namespace Platform.WorkOrders.Api.Tests;

/// <summary>Who sees what (brief 2.6): residents their own orders, staff their estates, the reporter's phone only where needed.</summary>
public abstract class AccessAndPrivacyTests(StoreUnderTest store) : IAsyncLifetime
{
    private WorkOrdersApi _api = null!;
    private string _agent = null!;

    public async Task InitializeAsync()
    {
        if (store.SkipReason is not null) return;
        _api = await WorkOrdersApi.StartAsync(store);
        _agent = _api.Token("agent-1", "call-centre-agent");
    }

    public async Task DisposeAsync()
    {
        if (_api is not null) await _api.DisposeAsync();
    }

    [SkippableFact]
    public async Task A_resident_sees_only_the_orders_they_logged()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var wang = _api.Token("resident-wang", "resident");
        var li = _api.Token("resident-li", "resident");
        var own = await _api.LogAsync(wang, new
        {
            unit = new { estateId = "estate-1", building = "5", room = "1201" },
            reporter = new { name = "王五", phone = "13900139000" },
            content = "Bathroom seepage",
        });
        Assert.Equal(201, own.Status);
        Assert.Equal("resident-app", own.Field("channel"));
        var others = await _api.LogAsync(_agent);

        Assert.Equal(200, (await _api.Api.GetAsync(own.Location!, wang)).Status);
        Assert.Equal(404, (await _api.Api.GetAsync(others.Location!, wang)).Status);
        Assert.Equal(404, (await _api.Api.GetAsync(own.Location!, li)).Status);

        var list = await _api.Api.GetAsync($"{WorkOrdersApi.Orders}?minPosition={others.Position}", wang);
        Assert.Equal([own.Id], list.Body!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));

        var urgencyByResident = await _api.LogAsync(wang, new
        {
            unit = new { estateId = "estate-1", building = "5", room = "1201" },
            reporter = new { name = "王五", phone = "13900139000" },
            content = "Bathroom seepage",
            urgency = "urgent",
        });
        Assert.Equal(403, urgencyByResident.Status);
    }

    [SkippableFact]
    public async Task The_reporters_phone_is_masked_for_roles_that_do_not_handle_the_order()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var created = await _api.LogAsync(_agent);
        await _api.Api.PostAsync($"{created.Location}/dispatch", _agent, new { technicianId = "tech-1", appointmentAt = WorkOrdersApi.Start.AddHours(1) });

        var asAgent = await _api.Api.GetAsync(created.Location!, _agent);
        var asAssigned = await _api.Api.GetAsync(created.Location!, _api.Token("tech-1", "technician"));
        var asOtherTechnician = await _api.Api.GetAsync(created.Location!, _api.Token("tech-2", "technician"));
        var asFinance = await _api.Api.GetAsync(created.Location!, _api.Token("fin-1", "finance-clerk"));

        Assert.Equal("13800138000", asAgent.Body!["reporter"]!["phone"]!.GetValue<string>());
        Assert.Equal("13800138000", asAssigned.Body!["reporter"]!["phone"]!.GetValue<string>());
        Assert.Equal("138****8000", asOtherTechnician.Body!["reporter"]!["phone"]!.GetValue<string>());
        Assert.True(asFinance.Body!["reporter"]!["masked"]!.GetValue<bool>());
        Assert.DoesNotContain("张三", asFinance.Text);
        Assert.DoesNotContain("13800138000", (await _api.Api.GetAsync(WorkOrdersApi.Orders, _agent)).Text);
    }

    [SkippableFact]
    public async Task Staff_do_not_see_orders_of_estates_outside_their_token()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var created = await _api.LogAsync(_agent);
        var elsewhere = _api.Token("agent-2", "call-centre-agent", "estate-2");

        Assert.Equal(404, (await _api.Api.GetAsync(created.Location!, elsewhere)).Status);
        Assert.Equal(404, (await _api.Api.PostAsync($"{created.Location}/closure", elsewhere)).Status);
        Assert.Equal(403, (await _api.Api.GetAsync($"{WorkOrdersApi.Orders}?estateId=estate-1", elsewhere)).Status);
        var logged = await _api.LogAsync(elsewhere);
        Assert.Equal(403, logged.Status);
        Assert.EndsWith("/estate-not-visible", logged.ProblemType);
    }
}

public sealed class AccessAndPrivacyTestsOnSqlite() : AccessAndPrivacyTests(StoreUnderTest.Sqlite);

public sealed class AccessAndPrivacyTestsOnEventStoreDb() : AccessAndPrivacyTests(StoreUnderTest.EventStoreDb);
