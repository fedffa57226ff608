using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.BuildingBlocks.Hosting;
using Platform.BuildingBlocks.Http;

namespace Platform.Gateway;

/// <summary>One instance's clock as the gateway found it; <see cref="Error"/> says why it has none.</summary>
public sealed record InstanceClock(
    string Service,
    string Url,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? Now,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Offset,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Acted,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error);

/// <summary>The platform's time: the latest of its instances' clocks, each listed.</summary>
public sealed record PlatformClock(DateTimeOffset Now, IReadOnlyList<InstanceClock> Instances);

/// <summary>
/// <c>GET</c> and <c>POST /dev/clock</c> on the gateway, in Development only: reads, or moves forward, the test clock of
/// every instance of every service. A move goes to every instance as the same <c>advanceTo</c>, so they agree, and
/// only when all of them answer; each runs its watchers before answering, so what fell due is marked by then.
/// </summary>
internal static class DevClock
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan InstanceTimeout = TimeSpan.FromSeconds(60);

    public static void MapDevClock(this WebApplication app)
    {
        if (!TestClockEndpoints.Enabled(app.Environment, app.Configuration)) return;

        app.MapGet(TestClockEndpoints.Path, async (IReadOnlyList<ServiceRoute> routes, IHttpClientFactory clients, CancellationToken ct) =>
        {
            var readings = await ReadAllAsync(routes, clients, ct);
            return Unreachable(readings) ?? Results.Ok(new PlatformClock(readings.Max(r => r.Now!.Value), readings));
        }).AllowAnonymous().ExcludeFromDescription();

        app.MapPost(TestClockEndpoints.Path, async (ClockAdvance? request, IReadOnlyList<ServiceRoute> routes, IHttpClientFactory clients, CancellationToken ct) =>
        {
            var (move, problem) = TestClockEndpoints.ParseMove(request);
            if (problem is not null) return problem;
            var readings = await ReadAllAsync(routes, clients, ct);
            if (Unreachable(readings) is { } notAll) return notAll;
            var target = move!.From(readings.Max(r => r.Now!.Value));

            var moved = await Task.WhenAll(Instances(routes).Select(i =>
                CallAsync(clients, i.Service, i.Url, HttpMethod.Post, new ClockAdvance(null, target), ct)));
            return Unreachable(moved) ?? Results.Ok(new PlatformClock(moved.Max(r => r.Now!.Value), moved));
        }).AllowAnonymous().ExcludeFromDescription();
    }

    private static IEnumerable<(string Service, Uri Url)> Instances(IReadOnlyList<ServiceRoute> routes) =>
        routes.SelectMany(route => route.Urls.Select(url => (route.Name, url)));

    private static async Task<InstanceClock[]> ReadAllAsync(IReadOnlyList<ServiceRoute> routes, IHttpClientFactory clients, CancellationToken ct) =>
        await Task.WhenAll(Instances(routes).Select(i => CallAsync(clients, i.Service, i.Url, HttpMethod.Get, null, ct)));

    private static IResult? Unreachable(IReadOnlyList<InstanceClock> readings)
    {
        var failed = readings.Where(r => r.Error is not null).ToList();
        if (failed.Count == 0) return null;
        return ApiProblems.Problem(StatusCodes.Status502BadGateway, "clock-not-everywhere", "Not every instance's clock could be reached.",
            "The clock moves on every instance or on none; repeat with the same advanceTo once they are back. " +
            string.Join("; ", failed.Select(f => $"{f.Service} at {f.Url}: {f.Error}")),
            extensions: new Dictionary<string, object?> { ["instances"] = readings });
    }

    private static async Task<InstanceClock> CallAsync(
        IHttpClientFactory clients, string service, Uri url, HttpMethod method, ClockAdvance? body, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(InstanceTimeout);
        try
        {
            using var request = new HttpRequestMessage(method, new Uri(url, TestClockEndpoints.Path));
            if (body is not null) request.Content = JsonContent.Create(body, options: Json);
            using var response = await clients.CreateClient(DestinationHealthCheck.ClientName).SendAsync(request, timeout.Token);
            if (!response.IsSuccessStatusCode)
                return new InstanceClock(service, url.ToString(), null, null, null, $"answered {(int)response.StatusCode}");
            var reading = await response.Content.ReadFromJsonAsync<ClockReading>(Json, timeout.Token);
            return new InstanceClock(service, url.ToString(), reading!.Now, reading.Offset, reading.Acted, null);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or JsonException && !ct.IsCancellationRequested)
        {
            return new InstanceClock(service, url.ToString(), null, null, null, e is OperationCanceledException ? "did not answer in time" : e.Message);
        }
    }
}
