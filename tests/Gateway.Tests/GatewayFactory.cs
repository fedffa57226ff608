using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Platform.BuildingBlocks.Security;
using Platform.TestSupport;

namespace Gateway.Tests;

/// <summary>The real gateway (its Program) on a test server, pointed at the destinations a test started.</summary>
public sealed class GatewayFactory(string environment, IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
    }

    public static GatewayFactory Create(Uri complaints, Uri workOrders, string environment = "Development", params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Services:Complaints:Url"] = complaints.ToString(),
            ["Services:WorkOrders:Url"] = workOrders.ToString(),
            // These tests stand two destinations behind the gateway: the other services are left out.
            ["Services:Fees:Url"] = "",
            ["Services:Inventory:Url"] = "",
            ["Services:FireSafety:Url"] = "",
            ["Gateway:DestinationTimeoutSeconds"] = "5",
        };
        if (environment != "Development") settings["Auth:PublicKey"] = TestSigningKey.Shared.PublicKeyPem;
        foreach (var (key, value) in extra) settings[key] = value;
        return new GatewayFactory(environment, settings);
    }

    public string Token(string subject, params string[] roles) =>
        (Services.GetService<DevTokenIssuer>() ?? TestSigningKey.Shared.Issuer()).Issue(subject, roles, ["estate-1"], name: subject);

    public HttpClient ClientFor(string subject, params string[] roles)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", Token(subject, roles));
        return client;
    }

    /// <summary>An address nothing listens on: a port the OS handed out and that was released again.</summary>
    public static Uri DeadDestination()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}");
    }
}
