using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Hosting;
using Platform.BuildingBlocks.Messaging;
using Platform.BuildingBlocks.Projections;
using Platform.BuildingBlocks.Security;
using Platform.FireSafety.Api;
using Platform.FireSafety.Features;
using Platform.FireSafety.Drills;
using Platform.FireSafety.Equipment;
using Platform.FireSafety.Hazards;
using Platform.FireSafety.Integration;
using Platform.FireSafety.Inspections;
using Platform.FireSafety.KeyLocations;
using Platform.FireSafety.Training;
using Platform.FireSafety.ReadModel;
using Platform.FireSafety.Watchers;

namespace Platform.FireSafety;

/// <summary>
/// How the Fire-safety service is put together today: key locations and their patrols, monthly inspections, hazards to
/// rectification, the equipment register and its test calendar, drills, training records, the read model, the watchers that mark missed patrols,
/// overdue hazards and overdue tests, and the outbox that asks Inventory to replace lost equipment.
/// </summary>
public static class FireSafetyService
{
    public const string Name = FireStreams.Service;
    public const string RoutePrefix = "/api/v1/fire-safety";

    public static WebApplicationBuilder AddFireSafetyService(this WebApplicationBuilder builder)
    {
        var services = builder.AddEventSourcedService<HazardState, IHazardCommand, HazardDecider>(Name);
        services.AddAggregate<KeyLocationState, IKeyLocationCommand, KeyLocationDecider>();
        services.AddAggregate<InspectionState, IInspectionCommand, InspectionDecider>();
        services.AddAggregate<EquipmentState, IEquipmentCommand, EquipmentDecider>();
        services.AddAggregate<DrillState, IDrillCommand, DrillDecider>();
        services.AddAggregate<TrainingState, ITrainingCommand, TrainingDecider>();
        services.AddSingleton(FirePolicy.FromConfiguration(builder.Configuration));

        services.AddSingleton<KeyLocationCommands>();
        services.AddSingleton<HazardCommands>();
        services.AddSingleton<InspectionCommands>();
        services.AddSingleton<EquipmentCommands>();
        services.AddSingleton<DrillCommands>();
        services.AddSingleton<TrainingCommands>();
        services.AddSingleton<FireRegister>();
        services.AddProjection<FireSafetyProjection>(StreamName.Prefix(Name));
        services.AddPlatformMessaging(builder.Configuration, Name, bus => bus.AddConsumer<FireSafetyWorkCompletedConsumer>());
        services.AddIntegrationEventPublisher<FireSafetyOutboxMapper>();

        services.AddHostedService<PatrolWatcher>();
        services.AddHostedService<HazardWatcher>();
        services.AddHostedService<EquipmentWatcher>();
        return builder;
    }

    public static WebApplication MapFireSafetyApi(this WebApplication app)
    {
        var fire = app.MapServiceApi(RoutePrefix, Name, ServiceAccess.FireSafety, "FireSafety");
        KeyLocationEndpoints.Map(fire);
        InspectionEndpoints.Map(fire);
        HazardEndpoints.Map(fire);
        EquipmentEndpoints.Map(fire);
        DrillEndpoints.Map(fire);
        TrainingEndpoints.Map(fire);
        FireReportEndpoints.Map(fire);
        return app;
    }
}
