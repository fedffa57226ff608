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

    public static void Map(WebApplication app) => DaprInput.MapTopic(app, PubSub, Topic, DeadLetterTopic, Route, ReceiveAsync);

    private static async Task<IResult> ReceiveAsync(HttpContext http, PaymentDesk desk, IConfiguration configuration, ILogger<PaymentDesk> logger, CancellationToken ct)
    {
        if (!DaprInput.IsFromSidecar(http, configuration["Fees:Dapr:AppApiToken"])) return Results.Unauthorized();
        if (DaprInput.CloudEventId(http) is not { } cloudEventId) return Drop(logger, null, "the CloudEvent has no usable id");

        var body = await CommandRequest.ReadBodyAsync<PaymentConfirmation>(http.Request, ct);
        if (body.Problem is not null) return Drop(logger, cloudEventId, "its data is not a readable payment confirmation");
        var data = body.Body!;
        if (data.AccountId is not { } account || data.Amount is not { } amount || data.Currency is null || string.IsNullOrWhiteSpace(data.ProviderReference))
            return Drop(logger, cloudEventId, "accountId, amount, currency and providerReference are required");

        var request = new PaymentDesk.Request(DeterministicId.Create("payment-confirmation", cloudEventId), account, amount, data.Currency,
            PaymentChannel.PaymentProvider, data.ProviderReference);
        var envelope = DaprInput.Envelope(cloudEventId);
        try
        {
            var outcome = await desk.RecordAsync(request, Actor.System, null, envelope, ct);
            return outcome is CommandOutcome<Receipts.ReceiptBookState>.Rejected rejected
                ? Drop(logger, cloudEventId, $"{rejected.Rejection.Code}: {rejected.Rejection.Detail}")
                : DaprInput.Success;
        }
        catch (Exception error) when (StoreUnavailable.Is(error))
        {
            logger.LogWarning(error, "Payment confirmation {CloudEventId} could not be stored; the sidecar will retry", cloudEventId);
            return DaprInput.Retry;
        }
    }

    private static IResult Drop(ILogger logger, string? cloudEventId, string why) => DaprInput.Drop(logger, "Payment confirmation", cloudEventId, why, DeadLetterTopic);
}
