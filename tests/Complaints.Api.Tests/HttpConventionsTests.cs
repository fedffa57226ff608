namespace Platform.Complaints.Api.Tests;

/// <summary>The HTTP conventions of architecture.md, on the Complaints API: problem+json, Idempotency-Key, ETag / If-Match.</summary>
public abstract class HttpConventionsTests(StoreUnderTest store) : IAsyncLifetime
{
    private ComplaintsApi _api = null!;
    private string _agent = null!;

    public async Task InitializeAsync()
    {
        if (store.SkipReason is not null) return;
        _api = await ComplaintsApi.StartAsync(store);
        _agent = _api.Token("agent-1", "call-centre-agent");
    }

    public async Task DisposeAsync()
    {
        if (_api is not null) await _api.DisposeAsync();
    }

    [SkippableFact]
    public async Task Registering_answers_201_with_location_etag_and_a_reply_deadline_24_hours_later()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var answer = await _api.RegisterAsync(_agent);

        Assert.Equal(201, answer.Status);
        Assert.Equal($"/api/v1/complaints/{answer.Body!["id"]}", answer.Location);
        Assert.Equal("\"1\"", answer.ETag);
        Assert.NotNull(answer.Position);
        Assert.Equal(ComplaintsApi.Start.AddHours(24), answer.Body["deadlines"]!["replyDueAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("registered", answer.Body["status"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task A_complaint_without_a_phone_number_is_422_naming_the_field_and_leaves_no_event()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var before = await _api.StoredEventCountAsync();

        var answer = await _api.RegisterAsync(_agent, new
        {
            estateId = "estate-1",
            unit = new { building = "3" },
            reporter = new { name = "张三", kind = "owner" },
            channel = "complaint-line",
            content = "Noise at night",
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
        var before = await _api.StoredEventCountAsync();

        var answer = await _api.SendAsync(HttpMethod.Post, "/api/v1/complaints", _agent, rawJson: """
            {"estateId":"estate-1","unit":{"building":"3"},"reporter":{"name":"张三","phone":"13800138000","kind":"owner"},
             "channel":"fax","content":"x"}
            """);

        Assert.Equal(400, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.NotNull(answer.Body!["errors"]!["channel"]);
        Assert.Equal(before, await _api.StoredEventCountAsync());
    }

    [SkippableFact]
    public async Task A_missing_required_command_field_is_422_naming_it_and_leaves_no_event()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var created = await _api.RegisterAsync(_agent);
        var before = await _api.StoredEventCountAsync();

        var answer = await _api.SendAsync(HttpMethod.Post, $"{created.Location}/follow-ups", _agent, new { notes = "called" });

        Assert.Equal(422, answer.Status);
        Assert.NotNull(answer.Body!["errors"]!["outcome"]);
        Assert.Equal(before, await _api.StoredEventCountAsync());
    }

    [SkippableFact]
    public async Task Repeating_an_Idempotency_Key_returns_the_first_outcome_and_appends_nothing()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var first = await _api.RegisterAsync(_agent, idempotencyKey: "register-once");
        var count = await _api.StoredEventCountAsync();

        var repeat = await _api.RegisterAsync(_agent, idempotencyKey: "register-once");

        Assert.Equal(201, repeat.Status);
        Assert.Equal(first.Location, repeat.Location);
        Assert.Equal(first.ETag, repeat.ETag);
        Assert.Equal(count, await _api.StoredEventCountAsync());

        var transfer = new { department = "engineering", needsWork = false };
        await _api.SendAsync(HttpMethod.Post, $"{first.Location}/transfer", _agent, transfer, idempotencyKey: "transfer-once");
        var afterTransfer = await _api.StoredEventCountAsync();
        var again = await _api.SendAsync(HttpMethod.Post, $"{first.Location}/transfer", _agent, transfer, idempotencyKey: "transfer-once");
        Assert.Equal(200, again.Status);
        Assert.Equal(afterTransfer, await _api.StoredEventCountAsync());
    }

    [SkippableFact]
    public async Task Reusing_an_Idempotency_Key_for_a_different_request_is_422_and_appends_nothing()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        await _api.RegisterAsync(_agent, idempotencyKey: "same-key");
        var count = await _api.StoredEventCountAsync();

        var other = await _api.RegisterAsync(_agent, ComplaintsApi.NewComplaint(category: "noise"), idempotencyKey: "same-key");

        Assert.Equal(422, other.Status);
        Assert.EndsWith("/idempotency-key-reused", other.ProblemType);
        Assert.Equal(count, await _api.StoredEventCountAsync());
    }

    [SkippableFact]
    public async Task A_stale_If_Match_gets_412_and_appends_nothing()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var created = await _api.RegisterAsync(_agent);
        await _api.SendAsync(HttpMethod.Post, $"{created.Location}/progress-updates", _agent, new { message = "On it." }, ifMatch: created.ETag);
        var count = await _api.StoredEventCountAsync();

        var stale = await _api.SendAsync(HttpMethod.Post, $"{created.Location}/progress-updates", _agent, new { message = "Again." }, ifMatch: created.ETag);

        Assert.Equal(412, stale.Status);
        Assert.Equal("application/problem+json", stale.ContentType);
        Assert.Equal(count, await _api.StoredEventCountAsync());
    }

    [SkippableFact]
    public async Task Reading_a_complaint_gives_its_revision_as_ETag_and_304_when_unchanged()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var created = await _api.RegisterAsync(_agent);

        var read = await _api.SendAsync(HttpMethod.Get, created.Location!, _agent);
        Assert.Equal(200, read.Status);
        Assert.Equal(created.ETag, read.ETag);

        using var request = new HttpRequestMessage(HttpMethod.Get, created.Location);
        request.Headers.Authorization = new("Bearer", _agent);
        request.Headers.TryAddWithoutValidation("If-None-Match", read.ETag);
        using var unchanged = await _api.Http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.NotModified, unchanged.StatusCode);
    }

    [SkippableFact]
    public async Task A_rule_refusal_is_a_problem_with_the_rule_as_its_type_and_leaves_no_event()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var created = await _api.RegisterAsync(_agent, ComplaintsApi.NewComplaint(category: "engineering-design-dispute"));
        var count = await _api.StoredEventCountAsync();

        var answer = await _api.SendAsync(HttpMethod.Post, $"{created.Location}/resolution", _agent, new { solution = "Explained the design." });

        Assert.Equal(409, answer.Status);
        Assert.EndsWith("/complaint-photo-required", answer.ProblemType);
        Assert.Equal(count, await _api.StoredEventCountAsync());
    }

    [SkippableFact]
    public async Task A_role_that_may_not_act_gets_403_problem_and_no_event()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var created = await _api.RegisterAsync(_agent);
        var technician = _api.Token("tech-1", "technician");
        var count = await _api.StoredEventCountAsync();

        var answer = await _api.SendAsync(HttpMethod.Post, $"{created.Location}/resolution", technician, new { solution = "Fixed." });

        Assert.Equal(403, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.Equal(count, await _api.StoredEventCountAsync());
    }

    [SkippableFact]
    public async Task A_query_value_that_cannot_be_read_is_400_problem_naming_the_parameter()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var answer = await _api.SendAsync(HttpMethod.Get, "/api/v1/complaints?overdue=sometimes", _agent);

        Assert.Equal(400, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.Contains("overdue", answer.Body!["detail"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Every_event_records_the_actor_the_correlation_id_the_idempotency_key_and_the_trace()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        const string traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/complaints")
        {
            Content = System.Net.Http.Json.JsonContent.Create(ComplaintsApi.NewComplaint()),
        };
        request.Headers.Authorization = new("Bearer", _agent);
        request.Headers.Add("Idempotency-Key", "traced-1");
        request.Headers.Add("X-Correlation-Id", "call-20260302-0001");
        request.Headers.Add("traceparent", $"00-{traceId}-00f067aa0ba902b7-01");
        using var response = await _api.Http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);

        var id = Guid.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
        var stored = await _api.Store.ReadStreamAsync(ComplaintsService.StreamFor(id)).ToListAsync();
        Assert.NotEmpty(stored);
        foreach (var recorded in stored)
        {
            var metadata = Platform.BuildingBlocks.EventSourcing.EventMetadata.FromBytes(recorded.Metadata)!;
            Assert.Equal("agent-1", metadata.ActorId);
            Assert.Equal(["call-centre-agent"], metadata.ActorRoles);
            Assert.Equal("call-20260302-0001", metadata.CorrelationId);
            Assert.Equal("agent-1:traced-1", metadata.IdempotencyKey);
            Assert.Contains(traceId, metadata.TraceParent);
            Assert.Equal(recorded.EventId, metadata.EventId);
        }
    }

    [SkippableFact]
    public async Task No_token_is_401_problem_json()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var answer = await _api.Http.GetAsync("/api/v1/complaints");
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class HttpConventionsTestsOnSqlite() : HttpConventionsTests(StoreUnderTest.Sqlite);

public sealed class HttpConventionsTestsOnEventStoreDb() : HttpConventionsTests(StoreUnderTest.EventStoreDb);
