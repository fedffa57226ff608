using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.BuildingBlocks.Operations;

namespace Platform.BuildingBlocks.Messaging;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>
    /// MassTransit on RabbitMQ (<c>RabbitMq:Url</c>) for <paramref name="serviceName"/>: receive endpoints
    /// <c>{service}.{consumer}</c>, exchanges named by the contracts' [EntityName], bounded exponential
    /// retry (<c>RabbitMq:Retry</c>) after which a message is moved to <c>{queue}_error</c>, the broker health
    /// check (Degraded during an outage, never unready), and <see cref="DeadLetters"/>.
    /// </summary>
    public static IServiceCollection AddPlatformMessaging(
        this IServiceCollection services,
        IConfiguration configuration,
        string serviceName,
        Action<IBusRegistrationConfigurator>? configureConsumers = null)
    {
        var settings = configuration.GetSection(RabbitMqSettings.Section).Get<RabbitMqSettings>() ?? new RabbitMqSettings();
        var options = new PlatformMessagingOptions(serviceName, settings);
        services.AddSingleton(options);
        services.AddSingleton<DeadLetters>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHealthChecks().AddCheck<BrokerHealthCheck>(MessagingHealth.BrokerCheckName, HealthStatus.Degraded, [MessagingHealth.BrokerTag]);

        services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new ServiceEndpointNameFormatter(serviceName));
            // Nothing leaves the platform by default: MassTransit would otherwise report usage to an outside host.
            bus.DisableUsageTelemetry();
            // MassTransit's own check cannot see a publish-only bus lose its broker: ours probes the connection too.
            bus.ConfigureHealthCheckOptions(health =>
            {
                health.Tags.Clear();
                health.Tags.Add("masstransit");
                // A broker outage degrades the service; it does not make it unhealthy.
                health.MinimalFailureStatus = HealthStatus.Degraded;
            });
            bus.AddConfigureEndpointsCallback((_, _, endpoint) =>
                endpoint.UseMessageRetry(retry =>
                {
                    // A refusal is the same on every attempt: straight to the error queue, where an operator sees it.
                    retry.Ignore<CommandRejectedException>();
                    retry.Exponential(settings.Retry.Limit, settings.Retry.MinInterval, settings.Retry.MaxInterval, settings.Retry.IntervalDelta);
                }));

            configureConsumers?.Invoke(bus);

            bus.UsingRabbitMq((context, rabbit) =>
            {
                ConfigureHost(rabbit, settings.Url, serviceName);
                rabbit.ConfigureEndpoints(context);
            });
        });
        return services;
    }

    /// <summary>
    /// Publishes the service's mapped domain events from its own event store (the outbox). Needs an
    /// <c>IEventStore</c>, a <c>ReadModelDatabase</c> and an <c>EventTypeMap</c> registered by the service.
    /// </summary>
    public static IServiceCollection AddIntegrationEventPublisher<TMapper>(
        this IServiceCollection services, Action<IntegrationEventPublisherOptions>? configure = null)
        where TMapper : class, IIntegrationEventMapper
    {
        var options = new IntegrationEventPublisherOptions();
        configure?.Invoke(options);
        services.AddSingleton(options);
        services.TryAddSingleton<IIntegrationEventMapper, TMapper>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ParkedOutboxEvents>();
        services.AddParkedHealthCheck();
        services.AddSingleton<IntegrationEventPublisher>();
        services.AddHostedService(provider => provider.GetRequiredService<IntegrationEventPublisher>());
        return services;
    }

    private static void ConfigureHost(IRabbitMqBusFactoryConfigurator rabbit, Uri url, string serviceName)
    {
        var virtualHost = Uri.UnescapeDataString(url.AbsolutePath.TrimStart('/'));
        var userInfo = url.UserInfo.Split(':', 2);
        var secure = url.Scheme.Equals("amqps", StringComparison.OrdinalIgnoreCase);
        var port = url.IsDefaultPort || url.Port <= 0 ? (secure ? 5671 : 5672) : url.Port;

        rabbit.Host(url.Host, (ushort)port, virtualHost.Length == 0 ? "/" : virtualHost, host =>
        {
            if (userInfo[0].Length > 0)
            {
                host.Username(Uri.UnescapeDataString(userInfo[0]));
                host.Password(userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : "");
            }
            host.ConnectionName(serviceName);
            if (secure) host.UseSsl(_ => { });
        });
    }
}
