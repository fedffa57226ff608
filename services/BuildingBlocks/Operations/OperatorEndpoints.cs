using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.BuildingBlocks.Hosting;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Messaging;
using Platform.BuildingBlocks.Projections;

namespace Platform.BuildingBlocks.Operations;

public sealed record ProjectionStatus(string Name, string? Position, bool CaughtUp);

public sealed record RedriveResult(string Queue, int Moved);

public sealed record ParkedItems(IReadOnlyList<ParkedItem> Watchers, IReadOnlyList<ParkedEvent> Outbox);

/// <param name="WatcherItems">Watcher items released to be tried at the next pass.</param>
public sealed record ParkedRedrive(int WatcherItems, int OutboxRedriven, int OutboxStillFailing);

/// <summary>What an operator needs without shell access: projection state and rebuilds, dead letters and re-drive.</summary>
public static class OperatorEndpoints
{
    /// <summary>Maps the operator routes under <c>{routePrefix}/admin</c>, for the operator role only.</summary>
    /// <param name="serviceName">Only queues named <c>{serviceName}.*</c> are this service's to inspect and re-drive.</param>
    public static void MapOperatorEndpoints(this IEndpointRouteBuilder app, string routePrefix, string serviceName)
    {
        var admin = app.MapGroup(routePrefix + "/admin")
            .RequireAuthorization(policy => policy.RequireRole(EventSourcing.Roles.Operator))
            .WithTags("Operations");

        admin.MapGet("/projections", (ProjectionRegistry projections) =>
                projections.All.Select(p => new ProjectionStatus(p.Name, p.Position?.ToString(), p.IsCaughtUp)))
            .WithName("ListProjections");

        admin.MapPost("/projections/{name}/rebuild", async (string name, ProjectionRegistry projections, CancellationToken ct) =>
                await projections.RebuildAsync(name, ct)
                    ? Results.Accepted()
                    : ApiProblems.NotFound("projection", name))
            .WithName("RebuildProjection")
            .WithSummary("Reset the projection and replay it from the first event.");

        admin.MapGet("/parked", async (IServiceProvider services, CancellationToken ct) => new ParkedItems(
                services.GetServices<IHostedService>().OfType<PeriodicWatcher>().SelectMany(w => w.Parked).ToList(),
                services.GetService<ParkedOutboxEvents>() is { } outbox ? await outbox.ListAsync(ct) : []))
            .WithName("ListParked")
            .WithSummary("Items a watcher set aside and events the outbox could not publish, with why.");

        admin.MapPost("/parked/redrive", async (IServiceProvider services, CancellationToken ct) =>
            {
                var watchers = services.GetServices<IHostedService>().OfType<PeriodicWatcher>().Sum(w => w.RedriveParked());
                var (redriven, failing) = services.GetService<IntegrationEventPublisher>() is { } publisher
                    ? await publisher.RedriveParkedAsync(ct)
                    : (0, 0);
                return new ParkedRedrive(watchers, redriven, failing);
            })
            .WithName("RedriveParked")
            .WithSummary("Let the watchers try their parked items again, and publish the parked outbox events again under their original ids.");

        admin.MapGet("/dead-letters/{queue}", async (string queue, DeadLetters deadLetters, CancellationToken ct, int? max) =>
                await KnownQueueAsync(queue, serviceName, deadLetters, ct) ?? Results.Ok(await deadLetters.PeekAsync(queue, Math.Clamp(max ?? 20, 1, 200), ct)))
            .WithName("PeekDeadLetters")
            .WithSummary("Messages that failed every retry on one of this service's queues, with the fault reason.");

        admin.MapPost("/dead-letters/{queue}/redrive", async (string queue, DeadLetters deadLetters, CancellationToken ct) =>
                await KnownQueueAsync(queue, serviceName, deadLetters, ct) ?? Results.Ok(new RedriveResult(queue, await deadLetters.RedriveAsync(queue, ct))))
            .WithName("RedriveDeadLetters")
            .WithSummary("Move every dead-lettered message of the queue back to it, to be consumed again.");
    }

    // AMQP allows 255 bytes, and the error queue adds "_error"; our queue names are ASCII kebab case with dots.
    private const int MaxQueueNameLength = 200;

    /// <summary>A problem unless <paramref name="queue"/> is one of this service's receive queues and exists.</summary>
    private static async Task<IResult?> KnownQueueAsync(string queue, string serviceName, DeadLetters deadLetters, CancellationToken ct)
    {
        if (queue.Length > MaxQueueNameLength || !queue.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            return ApiProblems.InvalidField("queue", "queue-name-invalid",
                $"A queue name is at most {MaxQueueNameLength} characters of letters, digits, '.', '-' and '_'.", StatusCodes.Status400BadRequest);
        if (!queue.StartsWith(serviceName + ".", StringComparison.Ordinal) || queue.EndsWith(DeadLetters.ErrorQueueSuffix, StringComparison.Ordinal))
            return ApiProblems.InvalidField("queue", "queue-not-owned",
                $"Name one of this service's receive queues (they start with '{serviceName}.'), not its _error queue.",
                StatusCodes.Status400BadRequest);
        return await deadLetters.ExistsAsync(queue, ct) ? null : ApiProblems.NotFound("queue", queue);
    }
}
