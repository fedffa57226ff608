using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Platform.BuildingBlocks.Security;

namespace Platform.TestSupport;

/// <summary>
/// One platform service in-process on a real RabbitMQ virtual host and a data folder that the caller owns, so a test
/// can dispose the host and start it again on the same data. <typeparamref name="TEntryPoint"/> is any public class of
/// the service's assembly: two services' <c>Program</c> classes would clash in one test project.
/// </summary>
public sealed class ServiceHost<TEntryPoint> : IAsyncDisposable where TEntryPoint : class
{
    private readonly WebApplicationFactory<TEntryPoint> _factory;

    private ServiceHost(WebApplicationFactory<TEntryPoint> factory)
    {
        _factory = factory;
        Api = new ApiClient(factory.CreateClient());
    }

    public ApiClient Api { get; }
    public IServiceProvider Services => _factory.Services;

    /// <param name="time">The service's clock (a fake one in tests that drive time); tokens are issued and checked on the real one.</param>
    public static async Task<ServiceHost<TEntryPoint>> StartAsync(
        Uri virtualHost, string dataPath, TimeProvider time, params (string Key, string Value)[] settings)
    {
        var factory = new WebApplicationFactory<TEntryPoint>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("RabbitMq:Url", virtualHost.ToString());
            web.UseSetting("Data:Path", dataPath);
            // The embedded store unless the test names a server: never the process's EVENTSTORE_CONNECTION.
            if (!settings.Any(s => s.Key == "EventStore:ConnectionString")) web.UseSetting("EventStore:Embedded", "true");
            foreach (var (key, value) in settings) web.UseSetting(key, value);
            web.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(time));
        });
        var host = new ServiceHost<TEntryPoint>(factory);
        await Eventually.UntilAsync(async () => (await host.Api.Http.GetAsync("/health/ready")).IsSuccessStatusCode,
            TimeSpan.FromSeconds(60), "the service should report ready with its broker and store");
        return host;
    }

    public string Token(string subject, string role, params string[] estates) =>
        Services.GetRequiredService<DevTokenIssuer>().Issue(subject, [role], estates.Length == 0 ? ["estate-1"] : estates, subject);

    public async ValueTask DisposeAsync()
    {
        Api.Http.Dispose();
        await _factory.DisposeAsync();
    }
}
