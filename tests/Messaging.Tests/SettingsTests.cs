using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.BuildingBlocks.Messaging;
using Xunit;

namespace Platform.Messaging.Tests;

public sealed class SettingsTests
{
    [Fact]
    public void Without_configuration_retries_are_bounded_at_ten_between_1_s_and_a_minute_so_an_outage_of_minutes_heals()
    {
        var options = Configure([]);

        Assert.Equal(10, options.RabbitMq.Retry.Limit);
        Assert.Equal(TimeSpan.FromSeconds(1), options.RabbitMq.Retry.MinInterval);
        Assert.Equal(TimeSpan.FromMinutes(1), options.RabbitMq.Retry.MaxInterval);
        Assert.Equal("complaints", options.ServiceName);
    }

    [Fact]
    public void The_url_and_the_retry_come_from_the_RabbitMq_section()
    {
        var options = Configure(new()
        {
            ["RabbitMq:Url"] = "amqp://app:secret@rabbit.internal:5673/complaints",
            ["RabbitMq:Retry:Limit"] = "3",
            ["RabbitMq:Retry:MaxInterval"] = "00:00:30",
        });

        Assert.Equal(new Uri("amqp://app:secret@rabbit.internal:5673/complaints"), options.RabbitMq.Url);
        Assert.Equal(3, options.RabbitMq.Retry.Limit);
        Assert.Equal(TimeSpan.FromSeconds(30), options.RabbitMq.Retry.MaxInterval);
    }

    private static PlatformMessagingOptions Configure(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddPlatformMessaging(configuration, "complaints");
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<PlatformMessagingOptions>();
    }
}
