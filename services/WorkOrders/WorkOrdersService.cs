using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.Hosting;
using Platform.BuildingBlocks.Messaging;
using Platform.BuildingBlocks.Operations;
using Platform.BuildingBlocks.Projections;
using Platform.BuildingBlocks.ReadModels;
using Platform.BuildingBlocks.Security;
using Platform.WorkOrders.Api;
using Platform.WorkOrders.Features;
using Platform.WorkOrders.Integration;
using Platform.WorkOrders.ReadModel;
using Platform.WorkOrders.Sla;

namespace Platform.WorkOrders;

/// <summary>How the Work orders service is put together: store, read model, outbox, consumers, SLA watcher, API.</summary>
public static class WorkOrdersService
{
    public const string Name = WorkOrderStream.Service;
    public const string RoutePrefix = "/api/v1/work-orders";

    public static WebApplicationBuilder AddWorkOrdersService(this WebApplicationBuilder builder)
    {
        var services = builder.AddEventSourcedService<WorkOrderState, IWorkOrderCommand, WorkOrderDecider>(Name);
        var configuration = builder.Configuration;
        services.AddSingleton<WorkOrderCommands>();
        services.AddSingleton<WorkOrderCommandsForSystem>();
        services.AddSingleton(WorkOrderPolicies.FromConfiguration(configuration));

        services.AddProjection<WorkOrderListProjection>(StreamName.Prefix(Name));

        services.AddPlatformMessaging(configuration, Name, bus =>
        {
            bus.AddConsumer<ComplaintTransferredConsumer>();
            bus.AddConsumer<MaterialsIssuedConsumer>();
            bus.AddConsumer<FireSafetyWorkRequestedConsumer>();
        });
        services.AddIntegrationEventPublisher<WorkOrdersOutboxMapper>();

        services.AddHostedService<SlaWatcher>();
        return builder;
    }

    public static WebApplication MapWorkOrdersApi(this WebApplication app)
    {
        var orders = app.MapServiceApi(RoutePrefix, Name, ServiceAccess.WorkOrders, "Work orders");
        LogWorkOrderEndpoint.Map(orders);
        ListWorkOrdersEndpoint.Map(orders);
        WorkOrderReportEndpoint.Map(orders);
        GetWorkOrderEndpoint.Map(orders);
        ClassifyUrgencyEndpoint.Map(orders);
        DispatchTechnicianEndpoint.Map(orders);
        RecordArrivalEndpoint.Map(orders);
        IssueQuoteEndpoint.Map(orders);
        AcceptQuoteEndpoint.Map(orders);
        DeclineQuoteEndpoint.Map(orders);
        StartWorkEndpoint.Map(orders);
        RequestMaterialsEndpoint.Map(orders);
        CompleteWorkEndpoint.Map(orders);
        RecordFollowUpEndpoint.Map(orders);
        IssueReworkNoticeEndpoint.Map(orders);
        CloseWorkOrderEndpoint.Map(orders);
        MarkSlaBreachedEndpoint.Map(orders);
        IssueRectificationNoticeEndpoint.Map(orders);
        RecordRectificationReplyEndpoint.Map(orders);
        return app;
    }
}
