using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Platform.BuildingBlocks.Projections;
using Platform.FireSafety.Api;
using Platform.FireSafety.ReadModel;

namespace Platform.FireSafety.Api.Tests;

/// <summary>The Fire-safety service in-process (<see cref="ServiceUnderTest{TEntryPoint}"/>); the test runs its watchers on the fake clock.</summary>
public sealed class FireSafetyApi : ServiceUnderTest<HazardCommands>
{
    public const string Fire = "/api/v1/fire-safety";
    public const string Estate = "estate-1";
    /// <summary>10 June 2026, 08:00 in Shanghai.</summary>
    public static readonly DateTimeOffset Start = new(2026, 6, 10, 0, 0, 0, TimeSpan.Zero);

    private FireSafetyApi(Started started) : base(started) { }

    public const string SidecarToken = "sidecar-secret";

    public static async Task<FireSafetyApi> StartAsync(
        StoreUnderTest store, Uri? virtualHost = null, string? storeNamespace = null, FakeTimeProvider? time = null, params (string Key, string Value)[] settings) =>
        new(await StartHostAsync("fire-api", store, virtualHost, storeNamespace, time ?? new FakeTimeProvider(Start), null,
            [("FireSafety:PatrolWatcher:Interval", "1.00:00:00"), ("FireSafety:HazardWatcher:Interval", "1.00:00:00"), ("FireSafety:Dapr:AppApiToken", SidecarToken)],
            settings));

    public DaprSidecar Sidecar => new(Api.Http, "fire-safety-pubsub", "fire-alarms", "/dapr/fire-alarms", SidecarToken);

    public string Officer => Token("officer-1", "fire-safety-officer");
    public string Guard => Token("guard-1", "security-guard");

    public override Task CatchUpAsync() => Services.GetRequiredService<ProjectionRunner<FireSafetyProjection>>().CatchUpWithStoreAsync(TimeSpan.FromSeconds(30));

    public Task<int> StoredEventCountAsync() => StoredEventCountAsync("firesafety.");

    public async Task<string> CreateAsync(string path, string token, object body)
    {
        var created = await Api.PostAsync(path, token, body, idempotencyKey: Guid.NewGuid().ToString());
        Assert.True(created.Status == 201, $"{path}: {created}");
        return created.Location!;
    }

    public async Task StepAsync(string path, string token, object? body = null)
    {
        var answer = await Api.PostAsync(path, token, body);
        Assert.True(answer.Status == 200, $"{path}: {answer}");
    }
}

/// <summary>A class of tests on one Fire-safety service of its own, started on <see cref="Store"/> (none when that store is not here).</summary>
public abstract class FireSafetyApiTests(StoreUnderTest store) : IAsyncLifetime
{
    protected StoreUnderTest Store => store;

    protected FireSafetyApi Service { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (store.SkipReason is not null) return;
        Service = await FireSafetyApi.StartAsync(store);
    }

    public async Task DisposeAsync()
    {
        if (Service is not null) await Service.DisposeAsync();
    }
}
