using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Hosting;
using Platform.BuildingBlocks.Messaging;
using Platform.BuildingBlocks.Projections;
using Platform.BuildingBlocks.Security;
using Platform.FireSafety.Api;
using Platform.FireSafety.Features;
using Platform.FireSafety.Hazards;
using Platform.FireSafety.Inspections;
using Platform.FireSafety.KeyLocations;
using Platform.FireSafety.ReadModel;
using Platform.FireSafety.Watchers;

namespace Platform.FireSafety;

/// <summary>
/// How the Fire-safety service is put together today: key locations and their patrols, monthly inspections, hazards to
/// rectification, the register, and the watchers that mark missed patrols and overdue hazards.
/// </summary>
public static class FireSafetyService
{
    public const string Name = FireStreams.Service;
    public const string RoutePrefix = "/api/v1/fire-safety";

    public static WebApplicationBuilder AddFireSafetyService(this WebApplicationBuilder builder)
    {
        var services = builder.AddEventSourcedService<HazardState, IHazardCommand, HazardDecider>(Name);
        AddAggregate<KeyLocationState, IKeyLocationCommand, KeyLocationDecider>(services);
        AddAggregate<InspectionState, IInspectionCommand, InspectionDecider>(services);

        services.AddSingleton<KeyLocationCommands>();
        services.AddSingleton<HazardCommands>();
        services.AddSingleton<InspectionCommands>();
        services.AddSingleton<FireRegister>();
        services.AddProjection<FireSafetyProjection>(StreamName.Prefix(Name));
        services.AddPlatformMessaging(builder.Configuration, Name, _ => { });

        services.AddHostedService<PatrolWatcher>();
        services.AddHostedService<HazardWatcher>();
        return builder;
    }

    private static void AddAggregate<TState, TCommand, TDecider>(IServiceCollection services) where TDecider : Decider<TState, TCommand>
    {
        services.AddSingleton<Decider<TState, TCommand>, TDecider>();
        services.AddSingleton<CommandHandler<TState, TCommand>>();
    }

    public static WebApplication MapFireSafetyApi(this WebApplication app)
    {
        var fire = app.MapServiceApi(RoutePrefix, Name, ServiceAccess.FireSafety, "FireSafety");
        KeyLocationEndpoints.Map(fire);
        InspectionEndpoints.Map(fire);
        HazardEndpoints.Map(fire);
        FireReportEndpoints.Map(fire);
        return app;
    }
}
