using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Hosting;
using Platform.BuildingBlocks.Messaging;
using Platform.BuildingBlocks.Projections;
using Platform.BuildingBlocks.Security;
using Platform.FireSafety.Api;
using Platform.FireSafety.Features;
using Platform.FireSafety.Alarms;
using Platform.FireSafety.DailyChecks;
using Platform.FireSafety.Drills;
using Platform.FireSafety.Equipment;
using Platform.FireSafety.Hazards;
using Platform.FireSafety.Incidents;
using Platform.FireSafety.Integration;
using Platform.FireSafety.Inspections;
using Platform.FireSafety.KeyLocations;
using Platform.FireSafety.Training;
using Platform.FireSafety.ReadModel;
using Platform.FireSafety.Watchers;

namespace Platform.FireSafety;

/// <summary>
/// How the Fire-safety service is put together today: key locations and their patrols, the daily whole-site patrol and
/// the service hall's end-of-day check, monthly inspections, hazards to
/// rectification, the equipment register and its test calendar, drills, training records, incidents and the alarm system's
/// signals through Dapr, the read model, the watchers that mark missed patrols,
/// overdue hazards, overdue tests and overdue drills, and the outbox that asks Work orders for rectification and repair
/// orders and Inventory for replacements, with the consumer of Work orders' answers.
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
        services.AddAggregate<IncidentState, IIncidentCommand, IncidentDecider>();
        services.AddAggregate<AlarmDeviceState, IAlarmDeviceCommand, AlarmDeviceDecider>();
        services.AddAggregate<DailyCheckState, IDailyCheckCommand, DailyCheckDecider>();
        services.AddSingleton(FirePolicy.FromConfiguration(builder.Configuration));

        services.AddSingleton<KeyLocationCommands>();
        services.AddSingleton<HazardCommands>();
        services.AddSingleton<InspectionCommands>();
        services.AddSingleton<EquipmentCommands>();
        services.AddSingleton<DrillCommands>();
        services.AddSingleton<TrainingCommands>();
        services.AddSingleton<IncidentCommands>();
        services.AddSingleton<AlarmDeviceCommands>();
        services.AddSingleton<DailyCheckCommands>();
        services.AddSingleton<FireRegister>();
        services.AddProjection<FireSafetyProjection>(StreamName.Prefix(Name));
        services.AddPlatformMessaging(builder.Configuration, Name, bus => bus.AddConsumer<FireSafetyWorkCompletedConsumer>());
        services.AddIntegrationEventPublisher<FireSafetyOutboxMapper>();

        services.AddHostedService<PatrolWatcher>();
        services.AddHostedService<HazardWatcher>();
        services.AddHostedService<EquipmentWatcher>();
        services.AddHostedService<DrillWatcher>();
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
        IncidentEndpoints.Map(fire);
        DailyCheckEndpoints.Map(fire);
        FireReportEndpoints.Map(fire);
        FireAlarms.Map(app);
        return app;
    }
}
