using Dapr;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.Http;
using Platform.Fees.Features;

namespace Platform.Fees.Payments;

/// <summary>What a payment provider confirms, as the data of a CloudEvent.</summary>
public sealed record PaymentConfirmation(
    [Required] Guid? AccountId, [Required] decimal? Amount, [Required] string? Currency, [Required] string? ProviderReference);

/// <summary>
/// Payment-provider confirmations from a Dapr pub/sub topic (architecture: external event sources). Idempotent by
/// CloudEvent id: the payment id is derived from it. Input is validated like any request: an unknown account, an amount
/// of 0 or less, another currency, or anything unreadable is answered DROP, which the sidecar sends to the dead-letter
/// topic, and nothing is stored. A store outage answers RETRY. The sidecar must present the configured app API token.
/// </summary>
public static class PaymentConfirmations
{
    public const string PubSub = "fees-pubsub";
    public const string Topic = "payment-confirmations";
    public const string DeadLetterTopic = "payment-confirmations-dead-letter";
    public const string Route = "/dapr/payment-confirmations";
    public const string CloudEventIdHeader = "Cloudevent.id";
    public const string AppTokenHeader = "dapr-api-token";

    public static void Map(WebApplication app)
    {
        app.MapSubscribeHandler();
        app.MapPost(Route, ReceiveAsync)
            .WithTopic(new TopicOptions { PubsubName = PubSub, Name = Topic, DeadLetterTopic = DeadLetterTopic })
            .AllowAnonymous()
            .ExcludeFromDescription();
    }

    private static async Task<IResult> ReceiveAsync(HttpContext http, PaymentDesk desk, IConfiguration configuration, ILogger<PaymentDesk> logger, CancellationToken ct)
    {
        if (configuration["Fees:Dapr:AppApiToken"] is { Length: > 0 } token && http.Request.Headers[AppTokenHeader] != token)
            return Results.Unauthorized();

        var cloudEventId = http.Request.Headers[CloudEventIdHeader].ToString();
        if (cloudEventId.Length is 0 or > 200) return Drop(logger, cloudEventId, "the CloudEvent has no usable id");

        var body = await CommandRequest.ReadBodyAsync<PaymentConfirmation>(http.Request, ct);
        if (body.Problem is not null) return Drop(logger, cloudEventId, "its data is not a readable payment confirmation");
        var data = body.Body!;
        if (data.AccountId is not { } account || data.Amount is not { } amount || data.Currency is null || string.IsNullOrWhiteSpace(data.ProviderReference))
            return Drop(logger, cloudEventId, "accountId, amount, currency and providerReference are required");

        var request = new PaymentDesk.Request(DeterministicId.Create("payment-confirmation", cloudEventId), account, amount, data.Currency,
            PaymentChannel.PaymentProvider, data.ProviderReference);
        var envelope = new CommandEnvelope(Actor.System, CorrelationId: $"cloudevent:{cloudEventId}", IdempotencyKey: $"cloudevent:{cloudEventId}");
        try
        {
            var outcome = await desk.RecordAsync(request, Actor.System, null, envelope, ct);
            return outcome is CommandOutcome<Receipts.ReceiptBookState>.Rejected rejected
                ? Drop(logger, cloudEventId, $"{rejected.Rejection.Code}: {rejected.Rejection.Detail}")
                : Results.Ok(new { status = "SUCCESS" });
        }
        catch (Exception error) when (StoreUnavailable.Is(error))
        {
            logger.LogWarning(error, "Payment confirmation {CloudEventId} could not be stored; the sidecar will retry", cloudEventId);
            return Results.Ok(new { status = "RETRY" });
        }
    }

    private static IResult Drop(ILogger logger, string cloudEventId, string why)
    {
        logger.LogWarning("Payment confirmation {CloudEventId} refused ({Reason}); it goes to the dead-letter topic {Topic}", cloudEventId, why, DeadLetterTopic);
        return Results.Ok(new { status = "DROP" });
    }
}
