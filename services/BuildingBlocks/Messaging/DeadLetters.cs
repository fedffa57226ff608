using System.Text;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Platform.BuildingBlocks.Messaging;

/// <summary>A message parked in an <c>_error</c> queue, as MassTransit left it there.</summary>
/// <param name="MessageType">The first message type URN of the MassTransit envelope, e.g. <c>urn:message:...</c>.</param>
/// <param name="FaultReason">MassTransit's <c>MT-Fault-ExceptionType: MT-Fault-Message</c>.</param>
public sealed record DeadLetter(
    string? MessageId,
    string? MessageType,
    string? FaultReason,
    string? FaultConsumerType,
    DateTimeOffset? FaultedAt,
    IReadOnlyDictionary<string, string> Headers);

/// <summary>
/// Operator tools for the error queues MassTransit parks poison messages in: look at them, and move
/// them back to their queue once the cause is fixed. Talks AMQP directly: these are plain queues.
/// </summary>
public sealed class DeadLetters(PlatformMessagingOptions options)
{
    public const string ErrorQueueSuffix = "_error";
    private const string FaultHeaderPrefix = "MT-Fault-";
    private const string ReasonHeader = "MT-Reason";

    /// <summary>
    /// Moves every message that is in <c>{queueName}_error</c> now back to <paramref name="queueName"/>, each
    /// removed from the error queue only after the broker confirmed its copy. Messages that fault again while
    /// this runs land behind the count taken at the start and are left for the next re-drive.
    /// </summary>
    /// <returns>How many messages were moved.</returns>
    public async Task<int> RedriveAsync(string queueName, CancellationToken ct = default)
    {
        await using var connection = await ConnectAsync(ct);
        // Publishing to a missing queue through the default exchange would drop the message.
        if (await MessageCountAsync(connection, queueName, ct) is null)
            throw new InvalidOperationException($"Queue '{queueName}' does not exist on this virtual host.");
        // MassTransit creates the error queue with the first fault: no queue, nothing to re-drive.
        var waiting = await MessageCountAsync(connection, queueName + ErrorQueueSuffix, ct) ?? 0;
        if (waiting == 0) return 0;

        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);

        var moved = 0;
        while (moved < waiting)
        {
            var got = await channel.BasicGetAsync(queueName + ErrorQueueSuffix, autoAck: false, ct);
            if (got is null) break;

            var properties = new BasicProperties(got.BasicProperties);
            if (properties.Headers is { } headers)
            {
                foreach (var key in headers.Keys.Where(IsFaultHeader).ToList()) headers.Remove(key);
            }
            await channel.BasicPublishAsync(
                exchange: "", routingKey: queueName, mandatory: true, basicProperties: properties, body: got.Body.ToArray(), ct);
            await channel.BasicAckAsync(got.DeliveryTag, multiple: false, ct);
            moved++;
        }
        return moved;
    }

    /// <summary>Reads up to <paramref name="max"/> messages of <c>{queueName}_error</c> without removing them.</summary>
    public async Task<IReadOnlyList<DeadLetter>> PeekAsync(string queueName, int max, CancellationToken ct = default)
    {
        await using var connection = await ConnectAsync(ct);
        if (await MessageCountAsync(connection, queueName + ErrorQueueSuffix, ct) is null) return [];
        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);

        var letters = new List<DeadLetter>();
        ulong lastTag = 0;
        while (letters.Count < max)
        {
            var got = await channel.BasicGetAsync(queueName + ErrorQueueSuffix, autoAck: false, ct);
            if (got is null) break;
            lastTag = got.DeliveryTag;
            letters.Add(Describe(got));
        }
        // Everything read goes back where it was.
        if (lastTag != 0) await channel.BasicNackAsync(lastTag, multiple: true, requeue: true, ct);
        return letters;
    }

    private async Task<IConnection> ConnectAsync(CancellationToken ct)
    {
        var factory = new ConnectionFactory
        {
            Uri = options.RabbitMq.Url,
            ClientProvidedName = $"{options.ServiceName}.dead-letters",
        };
        return await factory.CreateConnectionAsync(ct);
    }

    /// <summary>Whether the queue exists on this virtual host.</summary>
    public async Task<bool> ExistsAsync(string queueName, CancellationToken ct = default)
    {
        await using var connection = await ConnectAsync(ct);
        return await MessageCountAsync(connection, queueName, ct) is not null;
    }

    /// <summary>The queue's message count, or null when it does not exist (the broker closes a channel that asks about a missing queue).</summary>
    private static async Task<uint?> MessageCountAsync(IConnection connection, string queue, CancellationToken ct)
    {
        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue, ct)).MessageCount;
        }
        catch (OperationInterruptedException interrupted) when (interrupted.ShutdownReason?.ReplyCode == 404)
        {
            return null;
        }
    }

    private static bool IsFaultHeader(string key) =>
        key.StartsWith(FaultHeaderPrefix, StringComparison.OrdinalIgnoreCase) || key.Equals(ReasonHeader, StringComparison.OrdinalIgnoreCase);

    private static DeadLetter Describe(BasicGetResult got)
    {
        var headers = (got.BasicProperties.Headers ?? new Dictionary<string, object?>())
            .ToDictionary(h => h.Key, h => HeaderText(h.Value), StringComparer.OrdinalIgnoreCase);

        var exceptionType = headers.GetValueOrDefault("MT-Fault-ExceptionType");
        var faultMessage = headers.GetValueOrDefault("MT-Fault-Message");
        var reason = (exceptionType, faultMessage) switch
        {
            (null, null) => headers.GetValueOrDefault(ReasonHeader),
            (null, _) => faultMessage,
            (_, null) => exceptionType,
            _ => $"{exceptionType}: {faultMessage}",
        };
        DateTimeOffset? faultedAt = DateTimeOffset.TryParse(headers.GetValueOrDefault("MT-Fault-Timestamp"), out var at) ? at : null;

        return new DeadLetter(
            got.BasicProperties.MessageId ?? headers.GetValueOrDefault("MessageId"),
            headers.GetValueOrDefault("MT-Fault-MessageType") ?? EnvelopeMessageType(got.Body),
            reason,
            headers.GetValueOrDefault("MT-Fault-ConsumerType"),
            faultedAt,
            headers);
    }

    /// <summary>AMQP delivers string headers as UTF-8 bytes.</summary>
    private static string HeaderText(object? value) => value switch
    {
        null => "",
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    private static string? EnvelopeMessageType(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var envelope = JsonDocument.Parse(body);
            return envelope.RootElement.TryGetProperty("messageType", out var types)
                && types.ValueKind == JsonValueKind.Array && types.GetArrayLength() > 0
                ? types[0].GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
