using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.Hosting;
using Platform.BuildingBlocks.Messaging;
using Platform.BuildingBlocks.Operations;
using Platform.BuildingBlocks.Projections;
using Platform.BuildingBlocks.ReadModels;
using Platform.BuildingBlocks.Security;
using Platform.Complaints.Api;
using Platform.Complaints.Deadlines;
using Platform.Complaints.Features;
using Platform.Complaints.Integration;
using Platform.Complaints.ReadModel;

namespace Platform.Complaints;

/// <summary>How the Complaints service is put together: store, read model, outbox, watcher, API.</summary>
public static class ComplaintsService
{
    public const string Name = "complaints";
    public const string RoutePrefix = "/api/v1/complaints";

    public static AggregateStreams Streams { get; } = new(Name, "complaint");

    public static string StreamFor(Guid complaintId) => Streams.For(complaintId);

    public static WebApplicationBuilder AddComplaintsService(this WebApplicationBuilder builder)
    {
        var services = builder.AddEventSourcedService<ComplaintState, IComplaintCommand, ComplaintDecider>(Name);
        var configuration = builder.Configuration;
        services.AddSingleton<ComplaintCommands>();
        services.AddSingleton<ComplaintCommandsForSystem>();
        services.AddSingleton(EstatePolicies.FromConfiguration(configuration));

        services.AddProjection<ComplaintListReadModel>(StreamName.Prefix(Name));

        services.AddSingleton<WorkOrderCommandsForComplaints>();
        services.AddPlatformMessaging(configuration, Name, bus =>
        {
            bus.AddConsumer<WorkOrderOpenedConsumer>();
            bus.AddConsumer<WorkOrderCompletedConsumer>();
            bus.AddConsumer<WorkOrderReworkOrderedConsumer>();
        });
        services.AddIntegrationEventPublisher<ComplaintsOutboxMapper>();
        services.AddEventReaction<OpenLinkedCase>();

        services.AddHostedService<DeadlineWatcher>();
        return builder;
    }

    public static WebApplication MapComplaintsApi(this WebApplication app)
    {
        var complaints = app.MapServiceApi(RoutePrefix, Name, ServiceAccess.Complaints, "Complaints");
        RegisterComplaintEndpoint.Map(complaints);
        GetComplaintEndpoint.Map(complaints);
        ListComplaintsEndpoint.Map(complaints);
        ComplaintKpisEndpoint.Map(complaints);
        ComplaintCommandEndpoints.Map(complaints);
        return app;
    }
}
