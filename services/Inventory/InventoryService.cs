using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Hosting;
using Platform.BuildingBlocks.Messaging;
using Platform.BuildingBlocks.Projections;
using Platform.BuildingBlocks.Security;
using Platform.Inventory.Api;
using Platform.Inventory.ControlledItems;
using Platform.Inventory.Features;
using Platform.Inventory.Integration;
using Platform.Inventory.Items;
using Platform.Inventory.ReadModel;
using Platform.Inventory.Replenishments;
using Platform.Inventory.Requisitions;
using Platform.Inventory.Stocktakes;
using Platform.Inventory.Stores;

namespace Platform.Inventory;

/// <summary>
/// How the Inventory service is put together: six aggregates (items, stores with their ledgers, requisitions,
/// replenishment requests, stocktakes, controlled items) on one store, the read model, the consumers of F5 and F8, the
/// outbox with the reactions that carry a ledger entry to the requisition or request it concerns, and the API.
/// </summary>
public static class InventoryService
{
    public const string Name = InventoryStreams.Service;
    public const string RoutePrefix = "/api/v1/inventory";

    public static WebApplicationBuilder AddInventoryService(this WebApplicationBuilder builder)
    {
        var services = builder.AddEventSourcedService<StoreState, IStoreCommand, StoreDecider>(Name);
        services.AddAggregate<ItemState, IItemCommand, ItemDecider>();
        services.AddAggregate<RequisitionState, IRequisitionCommand, RequisitionDecider>();
        services.AddAggregate<ReplenishmentState, IReplenishmentCommand, ReplenishmentDecider>();
        services.AddAggregate<StocktakeState, IStocktakeCommand, StocktakeDecider>();
        services.AddAggregate<ControlledItemState, IControlledItemCommand, ControlledItemDecider>();

        services.AddSingleton<ItemCommands>();
        services.AddSingleton<StoreCommands>();
        services.AddSingleton<RequisitionCommands>();
        services.AddSingleton<ReplenishmentCommands>();
        services.AddSingleton<StocktakeCommands>();
        services.AddSingleton<ControlledItemCommands>();
        services.AddSingleton<SiteStores>();

        services.AddProjection<InventoryProjection>(StreamName.Prefix(Name));

        services.AddPlatformMessaging(builder.Configuration, Name, bus =>
        {
            bus.AddConsumer<MaterialsRequestedConsumer>();
            bus.AddConsumer<FireEquipmentReplacementConsumer>();
        });
        services.AddEventReaction<InventoryReactions>();
        services.AddIntegrationEventPublisher<InventoryOutboxMapper>();
        return builder;
    }

    public static WebApplication MapInventoryApi(this WebApplication app)
    {
        var inventory = app.MapServiceApi(RoutePrefix, Name, ServiceAccess.Inventory, "Inventory");
        ItemEndpoints.Map(inventory);
        StoreEndpoints.Map(inventory);
        StockMovementEndpoints.Map(inventory);
        RequisitionEndpoints.Map(inventory);
        ReplenishmentEndpoints.Map(inventory);
        StocktakeEndpoints.Map(inventory);
        ControlledItemEndpoints.Map(inventory);
        InventoryReportEndpoints.Map(inventory);
        return app;
    }
}
