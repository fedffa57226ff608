namespace Platform.WorkOrders.Api.Tests;

/// <summary>The HTTP conventions of architecture.md on the Work orders API: problem+json, Idempotency-Key, ETag / If-Match.</summary>
public abstract class HttpConventionsTests(StoreUnderTest store) : IAsyncLifetime
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
    public async Task Logging_answers_201_with_location_and_etag()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var answer = await _api.LogAsync(_agent);

        Assert.Equal(201, answer.Status);
        Assert.Equal($"{WorkOrdersApi.Orders}/{answer.Id}", answer.Location);
        Assert.NotNull(answer.ETag);
        Assert.NotNull(answer.Position);
        Assert.Equal("logged", answer.Field("status"));
        Assert.Equal("hotline", answer.Field("channel"));
        var read = await _api.Api.GetAsync(answer.Location!, _agent);
        Assert.Equal(answer.ETag, read.ETag);
    }

    [SkippableFact]
    public async Task A_request_without_a_phone_number_is_422_naming_the_field_and_leaves_no_event()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var before = await _api.StoredEventCountAsync();

        var answer = await _api.LogAsync(_agent, new
        {
            channel = "hotline",
            unit = new { estateId = "estate-1", building = "3" },
            reporter = new { name = "张三" },
            content = "Basin drain blocked",
        });

        Assert.Equal(422, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.EndsWith("/reporter-phone-required", answer.ProblemType);
        Assert.NotNull(answer.Body!["errors"]!["reporter.phone"]);
        Assert.Equal(before, await _api.StoredEventCountAsync());
    }

    [SkippableFact]
    public async Task An_unreadable_field_is_400_naming_the_field_and_leaves_no_event()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var created = await _api.LogAsync(_agent);
        var before = await _api.StoredEventCountAsync();

        var badUrgency = await _api.LogAsync(_agent, WorkOrdersApi.NewRequest(urgency: "super-urgent"));
        // A quote is the technician's: the role is checked before the body is read.
        var badJson = await _api.Api.SendAsync(HttpMethod.Post, $"{created.Location}/quote", _api.Token("tech-1", "technician"), rawJson: """{"amount":"eighty"}""");
        var badOutcome = await _api.Api.PostAsync($"{created.Location}/follow-ups", _agent, new { outcome = "meh" });

        Assert.Equal(400, badUrgency.Status);
        Assert.NotNull(badUrgency.Body!["errors"]!["urgency"]);
        Assert.Equal(400, badJson.Status);
        Assert.NotNull(badJson.Body!["errors"]!["amount"]);
        Assert.Equal(400, badOutcome.Status);
        Assert.NotNull(badOutcome.Body!["errors"]!["outcome"]);
        Assert.Equal(before, await _api.StoredEventCountAsync());
    }

    [SkippableFact]
    public async Task A_null_materials_line_is_422_naming_it_and_leaves_no_event()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var technician = _api.Token("tech-1", "technician");
        var order = await _api.LogAndStartAsync(_agent, technician, "tech-1");
        var before = await _api.StoredEventCountAsync();

        var answer = await _api.Api.SendAsync(HttpMethod.Post, $"{order}/materials-requests", technician, rawJson: """{"lines":[null]}""");

        Assert.Equal(422, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.NotNull(answer.Body!["errors"]!["lines[0]"]);
        Assert.Equal(before, await _api.StoredEventCountAsync());
    }

    [SkippableFact]
    public async Task A_missing_required_command_field_is_422_naming_it_and_leaves_no_event()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var created = await _api.LogAsync(_agent);
        var before = await _api.StoredEventCountAsync();

        var answer = await _api.Api.PostAsync($"{created.Location}/dispatch", _agent, new { appointmentAt = WorkOrdersApi.Start.AddHours(1) });

        Assert.Equal(422, answer.Status);
        Assert.NotNull(answer.Body!["errors"]!["technicianId"]);
        Assert.Equal(before, await _api.StoredEventCountAsync());
    }

    [SkippableFact]
    public async Task Repeating_an_Idempotency_Key_returns_the_first_outcome_and_appends_nothing()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var first = await _api.LogAsync(_agent, idempotencyKey: "log-once");
        var count = await _api.StoredEventCountAsync();

        var repeat = await _api.LogAsync(_agent, idempotencyKey: "log-once");

        Assert.Equal(201, repeat.Status);
        Assert.Equal(first.Location, repeat.Location);
        Assert.Equal(first.ETag, repeat.ETag);
        Assert.Equal(count, await _api.StoredEventCountAsync());

        var dispatch = new { technicianId = "tech-1", appointmentAt = WorkOrdersApi.Start.AddHours(2) };
        await _api.Api.PostAsync($"{first.Location}/dispatch", _agent, dispatch, idempotencyKey: "dispatch-once");
        var afterDispatch = await _api.StoredEventCountAsync();
        var again = await _api.Api.PostAsync($"{first.Location}/dispatch", _agent, dispatch, idempotencyKey: "dispatch-once");
        Assert.Equal(200, again.Status);
        Assert.Equal(afterDispatch, await _api.StoredEventCountAsync());
    }

    [SkippableFact]
    public async Task A_stale_If_Match_gets_412_and_appends_nothing()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var created = await _api.LogAsync(_agent);
        var dispatch = new { technicianId = "tech-1", appointmentAt = WorkOrdersApi.Start.AddHours(2) };
        Assert.Equal(200, (await _api.Api.PostAsync($"{created.Location}/dispatch", _agent, dispatch, ifMatch: created.ETag)).Status);
        var count = await _api.StoredEventCountAsync();

        var stale = await _api.Api.PostAsync($"{created.Location}/dispatch", _agent,
            new { technicianId = "tech-2", appointmentAt = WorkOrdersApi.Start.AddHours(3) }, ifMatch: created.ETag);

        Assert.Equal(412, stale.Status);
        Assert.Equal("application/problem+json", stale.ContentType);
        Assert.Equal(count, await _api.StoredEventCountAsync());
    }

    [SkippableFact]
    public async Task Reading_an_order_gives_its_revision_as_ETag_and_304_when_unchanged()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var created = await _api.LogAsync(_agent);

        var read = await _api.Api.GetAsync(created.Location!, _agent);
        var unchanged = await _api.Api.SendAsync(HttpMethod.Get, created.Location!, _agent, ifNoneMatch: read.ETag);

        Assert.Equal(200, read.Status);
        Assert.Equal(304, unchanged.Status);
        Assert.Equal(404, (await _api.Api.GetAsync($"{WorkOrdersApi.Orders}/{Guid.NewGuid()}", _agent)).Status);
    }

    [SkippableFact]
    public async Task The_OpenAPI_document_describes_every_route()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var document = await _api.Api.Http.GetStringAsync("/openapi/v1.json");

        foreach (var path in new[] { "/api/v1/work-orders", "/api/v1/work-orders/{id}", "/api/v1/work-orders/{id}/completion",
                     "/api/v1/work-orders/my-queue", "/api/v1/work-orders/reports/summary",
                     "/api/v1/work-orders/{id}/rectification-notices/{noticeId}/reply" })
            Assert.Contains($"\"{path}\"", document);
    }

    [SkippableFact]
    public async Task No_token_is_401_problem_json()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var answer = await _api.Api.Http.GetAsync(WorkOrdersApi.Orders);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class HttpConventionsTestsOnSqlite() : HttpConventionsTests(StoreUnderTest.Sqlite);

public sealed class HttpConventionsTestsOnEventStoreDb() : HttpConventionsTests(StoreUnderTest.EventStoreDb);
