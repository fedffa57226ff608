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
            ("Services:WorkOrders:Route", "/api/v1/work-orders")));

        var route = Assert.Single(routes);
        Assert.Equal("work-orders", route.Id);
        Assert.Equal(new Uri("http://127.0.0.1:5102"), route.Url);
        Assert.True(route.Owns("/api/v1/work-orders"));
        Assert.True(route.Owns("/api/v1/work-orders/42"));
        Assert.False(route.Owns("/api/v1/work-orders-archive"));
    }

    [Theory]
    [InlineData("WorkOrders", "not a url", "/api/v1/x", "Url")]
    [InlineData("WorkOrders", "http://127.0.0.1:1", "api/v1/x", "Route")]
    [InlineData("Janitors", "http://127.0.0.1:1", "/api/v1/x", "Janitors")]
    public void A_broken_service_entry_fails_start_up_naming_the_problem(string name, string url, string route, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => ServiceRoute.FromConfiguration(Config(
            ($"Services:{name}:Url", url), ($"Services:{name}:Route", route))));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void The_gateways_route_roles_are_the_ones_the_service_enforces()
    {
        var routes = ServiceRoute.FromConfiguration(Config(
            ("Services:Complaints:Url", "http://127.0.0.1:5101"), ("Services:Complaints:Route", "/api/v1/complaints"),
            ("Services:WorkOrders:Url", "http://127.0.0.1:5102"), ("Services:WorkOrders:Route", "/api/v1/work-orders")));

        Assert.Same(Platform.BuildingBlocks.Security.ServiceAccess.Complaints, routes.Single(r => r.Name == "Complaints").AllowedRoles);
        Assert.Same(Platform.BuildingBlocks.Security.ServiceAccess.WorkOrders, routes.Single(r => r.Name == "WorkOrders").AllowedRoles);
        Assert.Contains("finance-clerk", routes.Single(r => r.Name == "Complaints").AllowedRoles);
    }

    [Fact]
    public void A_service_with_an_empty_address_is_left_out_of_the_deployment()
    {
        var routes = ServiceRoute.FromConfiguration(Config(
            ("Services:Fees:Url", ""), ("Services:Fees:Route", "/api/v1/fees"),
            ("Services:WorkOrders:Url", "http://127.0.0.1:5102"), ("Services:WorkOrders:Route", "/api/v1/work-orders")));

        Assert.Equal(["WorkOrders"], routes.Select(r => r.Name));
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
