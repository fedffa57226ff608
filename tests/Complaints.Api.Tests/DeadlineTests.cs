using Microsoft.Extensions.DependencyInjection;
using Platform.TestSupport;

namespace Platform.Complaints.Api.Tests;

/// <summary>The watcher marks missed deadlines from the estate policy, driven by a fake clock: no waiting for real time.</summary>
public abstract class DeadlineTests(StoreUnderTest store) : IAsyncLifetime
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
    public async Task S03_a_general_complaint_still_in_progress_after_3_days_is_marked_overdue_once()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var agent = _api.Token("agent-1", "call-centre-agent");
        var supervisor = _api.Token("sup-1", "complaint-supervisor");
        var created = await _api.RegisterAsync(agent);
        await _api.SendAsync(HttpMethod.Post, $"{created.Location}/transfer", agent, new { department = "engineering", needsWork = false });
        await _api.SendAsync(HttpMethod.Post, $"{created.Location}/progress-updates", agent, new { message = "On it." });

        _api.Time.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));

        await Eventually.UntilAsync(async () =>
        {
            var overdue = await _api.SendAsync(HttpMethod.Get, "/api/v1/complaints?overdue=true", supervisor);
            return overdue.Body!["items"]!.AsArray().Count == 1;
        }, TimeSpan.FromSeconds(30), "the complaint should appear in the overdue list");

        var complaint = await _api.SendAsync(HttpMethod.Get, created.Location!, supervisor);
        var missed = complaint.Body!["deadlines"]!["missed"]!.AsArray();
        Assert.Equal(["resolve"], missed.Select(m => m!["deadline"]!.GetValue<string>()));

        // Another tick finds nothing new to mark: the deadline is missed once.
        _api.Time.Advance(TimeSpan.FromMinutes(2));
        var watcher = _api.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<Deadlines.DeadlineWatcher>().Single();
        await watcher.CheckAsync(CancellationToken.None);
        var again = await _api.SendAsync(HttpMethod.Get, created.Location!, supervisor);
        Assert.Equal(complaint.ETag, again.ETag);
    }

    [SkippableFact]
    public async Task A_reopened_complaint_that_misses_its_new_resolve_deadline_is_marked_overdue_again_and_its_call_back_shows_at_once()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var agent = _api.Token("agent-1", "call-centre-agent");
        var created = await _api.RegisterAsync(agent);
        await _api.SendAsync(HttpMethod.Post, $"{created.Location}/progress-updates", agent, new { message = "On it." });
        _api.Time.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));
        await Eventually.UntilAsync(async () => ResolveMisses(await _api.SendAsync(HttpMethod.Get, created.Location!, agent)) == 1,
            TimeSpan.FromSeconds(30), "the first resolve deadline should be missed");
        await _api.SendAsync(HttpMethod.Post, $"{created.Location}/resolution", agent, new { solution = "Sealed the pipe." });

        var reopened = await _api.SendAsync(HttpMethod.Post, $"{created.Location}/follow-ups", agent, new { outcome = "not-satisfied" });
        Assert.Equal(200, reopened.Status);
        Assert.NotNull(reopened.Body!["deadlines"]!["followUpDueAt"]);

        _api.Time.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));
        await Eventually.UntilAsync(async () => ResolveMisses(await _api.SendAsync(HttpMethod.Get, created.Location!, agent)) == 2,
            TimeSpan.FromSeconds(30), "the new resolve deadline should be missed too");
    }

    private static int ResolveMisses(Answer complaint) =>
        complaint.Body!["deadlines"]!["missed"]!.AsArray().Count(m => m!["deadline"]!.GetValue<string>() == "resolve");

    [SkippableFact]
    public async Task A_complaint_nobody_replied_to_within_24_hours_misses_its_reply_deadline()
    {
        Skip.If(store.SkipReason is not null, store.SkipReason);
        var agent = _api.Token("agent-1", "call-centre-agent");
        var created = await _api.RegisterAsync(agent);

        _api.Time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));

        await Eventually.UntilAsync(async () =>
        {
            var complaint = await _api.SendAsync(HttpMethod.Get, created.Location!, agent);
            return complaint.Body!["deadlines"]!["missed"]!.AsArray().Any(m => m!["deadline"]!.GetValue<string>() == "reply");
        }, TimeSpan.FromSeconds(30), "the reply deadline should be marked missed");
    }
}

public sealed class DeadlineTestsOnSqlite() : DeadlineTests(StoreUnderTest.Sqlite);

public sealed class DeadlineTestsOnEventStoreDb() : DeadlineTests(StoreUnderTest.EventStoreDb);
