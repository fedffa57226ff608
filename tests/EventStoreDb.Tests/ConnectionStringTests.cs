using Platform.BuildingBlocks.EventStore.EventStoreDb;
using Xunit;

namespace Platform.EventStoreDb.Tests;

public class ConnectionStringTests
{
    [Fact]
    public void A_single_insecure_node()
    {
        var settings = EventStoreDbSettings.Parse("esdb://127.0.0.1:2113?tls=false");

        Assert.Equal([new EventStoreDbEndpoint("127.0.0.1", 2113)], settings.Endpoints);
        Assert.False(settings.UseTls);
        Assert.Equal(new Uri("http://127.0.0.1:2113"), settings.Endpoints[0].ToUri(settings.UseTls));
    }

    [Fact]
    public void Defaults_follow_EventStoreDB_tls_on_port_2113_ten_second_keep_alive_and_deadline()
    {
        var settings = EventStoreDbSettings.Parse("esdb://eventstore");

        Assert.Equal([new EventStoreDbEndpoint("eventstore", 2113)], settings.Endpoints);
        Assert.True(settings.UseTls);
        Assert.True(settings.VerifyCertificate);
        Assert.Equal(TimeSpan.FromSeconds(10), settings.KeepAliveInterval);
        Assert.Equal(TimeSpan.FromSeconds(10), settings.KeepAliveTimeout);
        Assert.Equal(TimeSpan.FromSeconds(10), settings.DefaultDeadline);
        Assert.Null(settings.UserName);
        Assert.Equal(new Uri("https://eventstore:2113"), settings.Endpoints[0].ToUri(settings.UseTls));
    }

    [Fact]
    public void Several_hosts_credentials_and_every_option()
    {
        var settings = EventStoreDbSettings.Parse(
            "esdb://admin:chan%40geit@node1:2111,node2, node3:2113/?TLS=true&tlsVerifyCert=false&keepAliveInterval=5000" +
            "&keepAliveTimeout=-1&defaultDeadline=2500&connectionName=complaints&nodePreference=Leader");

        Assert.Equal(
            [new EventStoreDbEndpoint("node1", 2111), new EventStoreDbEndpoint("node2", 2113), new EventStoreDbEndpoint("node3", 2113)],
            settings.Endpoints);
        Assert.Equal("admin", settings.UserName);
        Assert.Equal("chan@geit", settings.Password);
        Assert.True(settings.UseTls);
        Assert.False(settings.VerifyCertificate);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.KeepAliveInterval);
        Assert.Equal(Timeout.InfiniteTimeSpan, settings.KeepAliveTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(2500), settings.DefaultDeadline);
        Assert.Equal("complaints", settings.ConnectionName);
        Assert.False(settings.IsDiscover);
    }

    [Fact]
    public void An_IPv6_host_in_brackets()
    {
        var settings = EventStoreDbSettings.Parse("esdb://[::1]:2114?tls=false");

        Assert.Equal([new EventStoreDbEndpoint("::1", 2114)], settings.Endpoints);
        Assert.Equal(new Uri("http://[::1]:2114"), settings.Endpoints[0].ToUri(false));
    }

    [Fact]
    public void Discover_scheme_uses_its_hosts_as_seeds()
    {
        var settings = EventStoreDbSettings.Parse("esdb+discover://cluster.local:2113?tls=false");

        Assert.True(settings.IsDiscover);
        Assert.Equal([new EventStoreDbEndpoint("cluster.local", 2113)], settings.Endpoints);
    }

    [Fact]
    public void Printing_settings_hides_the_password()
    {
        var text = EventStoreDbSettings.Parse("esdb://admin:secret@node1:2113?tls=false").ToString();

        Assert.DoesNotContain("secret", text);
        Assert.Contains("admin:***@node1:2113", text);
    }

    [Theory]
    [InlineData("http://localhost:2113")]
    [InlineData("localhost:2113")]
    [InlineData("esdb://")]
    [InlineData("esdb://node1,,node2")]
    [InlineData("esdb://node1:0")]
    [InlineData("esdb://node1:70000")]
    [InlineData("esdb://node1:abc")]
    [InlineData("esdb://node1/path")]
    [InlineData("esdb://::1:2113")]
    [InlineData("esdb://user@node1")]
    [InlineData("esdb://node1?tls=maybe")]
    [InlineData("esdb://node1?tls")]
    [InlineData("esdb://node1?keepAliveInterval=soon")]
    [InlineData("esdb://node1?keepAliveInterval=0")]
    [InlineData("esdb://node1?defaultDeadline=-1")]
    [InlineData("esdb://node1?nodePreference=follower")]
    [InlineData("esdb://node1?maxDiscoverAttempts=10")]
    public void Rejects_what_it_cannot_honour(string connectionString)
    {
        var error = Assert.Throws<FormatException>(() => EventStoreDbSettings.Parse(connectionString));
        Assert.StartsWith("The EventStoreDB connection string is not valid", error.Message);
    }
}
