using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.Operations;
using Platform.BuildingBlocks.ReadModels;
using Platform.BuildingBlocks.Security;

namespace Platform.BuildingBlocks.Hosting;

public static class EventSourcedServiceRegistration
{
    /// <summary>
    /// What every event-sourced service starts with: service defaults, JWT authentication, its event store
    /// (SQLite or EventStoreDB), the event types of the decider's assembly, the decider and its command
    /// handler, the clock (a test clock in Development), the instance's read-model database, and the lease that makes one replica the lead.
    /// </summary>
    public static IServiceCollection AddEventSourcedService<TState, TCommand, TDecider>(this WebApplicationBuilder builder, string serviceName)
        where TDecider : Decider<TState, TCommand>
    {
        // First: authentication registers the real clock as TimeProvider when none is registered yet.
        builder.AddPlatformClock(serviceName);
        builder.AddServiceDefaults(serviceName);
        builder.AddPlatformAuthentication();

        var services = builder.Services;
        services.AddPlatformEventStore(builder.Configuration, serviceName);
        services.AddSingleton(new EventTypeMap().RegisterAssemblyOf<TDecider>());
        services.AddAggregate<TState, TCommand, TDecider>();
        services.AddReadModelDatabase(builder.Configuration, serviceName);

        services.AddLeadReplicaLease(builder.Configuration, serviceName);
        services.AddParkedHealthCheck();
        return services;
    }

    /// <summary>
    /// The service's API group under <paramref name="routePrefix"/>, open to <paramref name="roles"/> only (reads too:
    /// the gateway's route policy reads the same list), beside the operator routes and, in Development, the test clock.
    /// </summary>
    public static RouteGroupBuilder MapServiceApi(this WebApplication app, string routePrefix, string serviceName, IReadOnlyList<string> roles, string tag)
    {
        var group = app.MapGroup(routePrefix).RequireAuthorization(policy => policy.RequireRole(roles)).WithTags(tag);
        app.MapOperatorEndpoints(routePrefix, serviceName);
        app.MapTestClock();
        return group;
    }

    /// <summary>Another aggregate of the service on the same store: its decider and its command handler.</summary>
    public static IServiceCollection AddAggregate<TState, TCommand, TDecider>(this IServiceCollection services) where TDecider : Decider<TState, TCommand>
    {
        services.AddSingleton<Decider<TState, TCommand>, TDecider>();
        services.AddSingleton<CommandHandler<TState, TCommand>>();
        return services;
    }
}
