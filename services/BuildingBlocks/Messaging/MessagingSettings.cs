namespace Platform.BuildingBlocks.Messaging;

/// <summary>The <c>RabbitMq</c> configuration section.</summary>
public sealed class RabbitMqSettings
{
    public const string Section = "RabbitMq";

    /// <summary>AMQP URI including credentials and virtual host, e.g. <c>amqp://guest:guest@127.0.0.1:5672/complaints</c>.</summary>
    public Uri Url { get; set; } = new("amqp://guest:guest@127.0.0.1:5672/");

    public RetrySettings Retry { get; set; } = new();
}

/// <summary>
/// In-process redelivery of a failing message before it is moved to the <c>_error</c> queue: bounded, so a poison
/// message parks instead of looping, and exponential over minutes, so an outage of the store or a dependency of a few
/// minutes heals without an operator (the defaults wait about 1, 3, 7, 15, 31 s and then a minute each time: about
/// 6 minutes in all). A command the consumer's decider refused is not retried at all: it goes to the error queue at once.
/// </summary>
public sealed class RetrySettings
{
    /// <summary>Attempts after the first one.</summary>
    public int Limit { get; set; } = 10;

    public TimeSpan MinInterval { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Growth step of the interval; MassTransit doubles it per attempt between the bounds.</summary>
    public TimeSpan IntervalDelta { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>What <see cref="MessagingServiceCollectionExtensions.AddPlatformMessaging"/> was told, for the parts registered after it.</summary>
public sealed record PlatformMessagingOptions(string ServiceName, RabbitMqSettings RabbitMq);

/// <summary>Headers the platform adds to integration messages beside MassTransit's own.</summary>
public static class PlatformMessageHeaders
{
    /// <summary>The correlation id as stored in the event metadata (it need not be a GUID, unlike MassTransit's).</summary>
    public const string CorrelationId = "Platform-Correlation-Id";

    /// <summary>Stored type name of the domain event the message was derived from.</summary>
    public const string SourceEventType = "Platform-Source-Event-Type";

    /// <summary>Global position of that event in the publishing service's store.</summary>
    public const string SourcePosition = "Platform-Source-Position";
}
