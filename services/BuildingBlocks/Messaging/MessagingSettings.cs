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
/// In-process redelivery of a failing message before it is moved to the <c>_error</c> queue: bounded,
/// so a poison message parks instead of looping, and exponential, so a brief outage of a dependency heals.
/// </summary>
public sealed class RetrySettings
{
    /// <summary>Attempts after the first one.</summary>
    public int Limit { get; set; } = 5;

    public TimeSpan MinInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Growth step of the interval; MassTransit doubles it per attempt between the bounds.</summary>
    public TimeSpan IntervalDelta { get; set; } = TimeSpan.FromMilliseconds(400);
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
