namespace Platform.Complaints.Api.Tests;

/// <summary>Who sees what (brief 2.6): residents see their own complaints, other roles see phones masked, estates bound staff.</summary>
public abstract class AccessAndPrivacyTests(StoreUnderTest store) : IAsyncLifetime
{
    private ComplaintsApi _api = null!;

    public async Task InitializeAsync()
    {
        if (store.SkipReason is not null) return;
        _api = await ComplaintsApi.StartAsync(store);
    }

    public async Task DisposeAsync()
    {
        if (_api is not null) await _api.DisposeAsync();
    }

    [SkippableFact]
    public async Task A_resident_sees_only_their_own_complaints()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var wang = _api.Token("resident-wang", "resident");
        var li = _api.Token("resident-li", "resident");
        var own = await _api.RegisterAsync(wang, new
        {
            estateId = "estate-1", unit = new { building = "5", room = "1201" },
            reporter = new { name = "王五", phone = "13900139000", kind = "tenant" },
            content = "Lift noise at night", category = "noise",
        });
        Assert.Equal(201, own.Status);
        var others = await _api.RegisterAsync(_api.Token("agent-1", "call-centre-agent"));

        Assert.Equal(200, (await _api.SendAsync(HttpMethod.Get, own.Location!, wang)).Status);
        Assert.Equal(404, (await _api.SendAsync(HttpMethod.Get, others.Location!, wang)).Status);
        Assert.Equal(404, (await _api.SendAsync(HttpMethod.Get, own.Location!, li)).Status);

        var list = await _api.SendAsync(HttpMethod.Get, $"/api/v1/complaints?minPosition={others.Position}", wang);
        var ids = list.Body!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToList();
        Assert.Equal([own.Body!["id"]!.GetValue<string>()], ids);
    }

    [SkippableFact]
    public async Task Phone_numbers_are_masked_for_roles_that_do_not_handle_the_case()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var created = await _api.RegisterAsync(_api.Token("agent-1", "call-centre-agent"));

        var asSupervisor = await _api.SendAsync(HttpMethod.Get, created.Location!, _api.Token("sup-1", "complaint-supervisor"));
        var asTechnician = await _api.SendAsync(HttpMethod.Get, created.Location!, _api.Token("tech-1", "technician"));

        Assert.Equal("13800138000", asSupervisor.Body!["reporter"]!["phone"]!.GetValue<string>());
        Assert.Equal("138****8000", asTechnician.Body!["reporter"]!["phone"]!.GetValue<string>());
        Assert.True(asTechnician.Body["reporter"]!["masked"]!.GetValue<bool>());
        Assert.DoesNotContain("张三", asTechnician.Text);
    }

    [SkippableFact]
    public async Task Staff_do_not_see_complaints_of_estates_outside_their_token()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var created = await _api.RegisterAsync(_api.Token("agent-1", "call-centre-agent"));
        var elsewhere = _api.Token("agent-2", "call-centre-agent", "estate-2");

        Assert.Equal(404, (await _api.SendAsync(HttpMethod.Get, created.Location!, elsewhere)).Status);
        Assert.Equal(403, (await _api.SendAsync(HttpMethod.Get, "/api/v1/complaints?estateId=estate-1", elsewhere)).Status);
        var register = await _api.RegisterAsync(elsewhere);
        Assert.Equal(403, register.Status);
        Assert.EndsWith("/estate-not-visible", register.ProblemType);
    }

    [SkippableFact]
    public async Task Integration_list_rows_carry_no_personal_data()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var agent = _api.Token("agent-1", "call-centre-agent");
        var created = await _api.RegisterAsync(agent);

        var list = await _api.SendAsync(HttpMethod.Get, $"/api/v1/complaints?minPosition={created.Position}", agent);

        Assert.Single(list.Body!["items"]!.AsArray());
        Assert.DoesNotContain("13800138000", list.Text);
        Assert.DoesNotContain("张三", list.Text);
    }
}

public sealed class AccessAndPrivacyTestsOnSqlite() : AccessAndPrivacyTests(StoreUnderTest.Sqlite);

public sealed class AccessAndPrivacyTestsOnEventStoreDb() : AccessAndPrivacyTests(StoreUnderTest.EventStoreDb);
