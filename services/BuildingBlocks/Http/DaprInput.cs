using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Hosting;

namespace Platform.BuildingBlocks.Http;

/// <summary>
/// What every input from a Dapr topic shares (architecture: external event sources): only the sidecar may post (its app
/// API token), the CloudEvent id makes handling idempotent, and the answer tells the sidecar what to do: SUCCESS,
/// RETRY (the store is unreachable), or DROP, which sends the event to the subscription's dead-letter topic.
/// </summary>
public static class DaprInput
{
    public const string CloudEventIdHeader = "Cloudevent.id";
    public const string AppTokenHeader = "dapr-api-token";

    /// <summary>Unwraps structured CloudEvents and forwards their id, source and type as headers, before authorization.</summary>
    public static ServiceDefaultsPipeline Pipeline { get; } = new()
    {
        BeforeAuthorization = app => app.UseCloudEvents(new Dapr.CloudEventsMiddlewareOptions
        {
            ForwardCloudEventPropertiesAsHeaders = true,
            IncludedCloudEventPropertiesAsHeaders = ["id", "source", "type"],
        }),
    };

    /// <summary>
    /// Serves <paramref name="route"/> for the sidecar to post <paramref name="topic"/>'s events to, and declares the
    /// subscription, with its dead-letter topic, at <c>GET /dapr/subscribe</c>. Anonymous: the handler checks the sidecar's token.
    /// </summary>
    public static void MapTopic(WebApplication app, string pubsub, string topic, string deadLetterTopic, string route, Delegate handler)
    {
        if (((IApplicationBuilder)app).Properties.TryAdd(SubscribeHandlerMapped, true)) app.MapSubscribeHandler();
        app.MapPost(route, handler)
            .WithTopic(new Dapr.TopicOptions { PubsubName = pubsub, Name = topic, DeadLetterTopic = deadLetterTopic })
            .AllowAnonymous()
            .ExcludeFromDescription();
    }

    private const string SubscribeHandlerMapped = "Platform.Dapr.SubscribeHandlerMapped";

    public static IResult Success { get; } = Results.Ok(new { status = "SUCCESS" });

    public static IResult Retry { get; } = Results.Ok(new { status = "RETRY" });

    /// <summary>Whether the caller is the sidecar: it presents <paramref name="appApiToken"/> when one is configured.</summary>
    public static bool IsFromSidecar(HttpContext http, string? appApiToken) =>
        appApiToken is not { Length: > 0 } || http.Request.Headers[AppTokenHeader] == appApiToken;

    /// <summary>The CloudEvent's id, or null when it has none usable (empty, or longer than 200 characters).</summary>
    public static string? CloudEventId(HttpContext http) =>
        http.Request.Headers[CloudEventIdHeader].ToString() is { Length: > 0 and <= 200 } id ? id : null;

    /// <summary>Commands from an event act as the system; the CloudEvent id is their idempotency key and correlation.</summary>
    public static CommandEnvelope Envelope(string cloudEventId) =>
        new(Actor.System, CorrelationId: $"cloudevent:{cloudEventId}", IdempotencyKey: $"cloudevent:{cloudEventId}");

    public static IResult Drop(ILogger logger, string what, string? cloudEventId, string why, string deadLetterTopic)
    {
        logger.LogWarning("{What} {CloudEventId} refused ({Reason}); it goes to the dead-letter topic {Topic}", what, cloudEventId, why, deadLetterTopic);
        return Results.Ok(new { status = "DROP" });
    }
}
