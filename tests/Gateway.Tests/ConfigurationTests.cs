using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Platform.BuildingBlocks.Hosting;
using Platform.Gateway;

namespace Gateway.Tests;

public sealed class ConfigurationTests
{
    private static IConfiguration Config(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, v.Value))).Build();

    [Fact]
    public void Each_service_section_becomes_a_route_named_in_kebab_case()
    {
        var routes = ServiceRoute.FromConfiguration(Config(
            ("Services:WorkOrders:Url", "http://127.0.0.1:5102"),
            ("Services:WorkOrders:Route", "/api/v1/work-orders"),
            ("Services:WorkOrders:AllowedRoles:0", "technician")));

        var route = Assert.Single(routes);
        Assert.Equal("work-orders", route.Id);
        Assert.Equal(new Uri("http://127.0.0.1:5102"), route.Url);
        Assert.True(route.Owns("/api/v1/work-orders"));
        Assert.True(route.Owns("/api/v1/work-orders/42"));
        Assert.False(route.Owns("/api/v1/work-orders-archive"));
    }

    [Theory]
    [InlineData("not a url", "/api/v1/x", "operator", "Url")]
    [InlineData("http://127.0.0.1:1", "api/v1/x", "operator", "Route")]
    [InlineData("http://127.0.0.1:1", "/api/v1/x", "janitor", "janitor")]
    public void A_broken_service_entry_fails_start_up_naming_the_problem(string url, string route, string role, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => ServiceRoute.FromConfiguration(Config(
            ("Services:X:Url", url), ("Services:X:Route", route), ("Services:X:AllowedRoles:0", role))));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void No_services_at_all_fails_start_up()
    {
        Assert.Throws<InvalidOperationException>(() => ServiceRoute.FromConfiguration(Config()));
    }

    [Fact]
    public async Task The_shutdown_timeout_comes_from_configuration()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection([KeyValuePair.Create<string, string?>("Hosting:ShutdownTimeoutSeconds", "7")]);
        builder.AddServiceDefaults("shutdown-test");
        await using var app = builder.Build();

        Assert.Equal(TimeSpan.FromSeconds(7), app.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }
}
