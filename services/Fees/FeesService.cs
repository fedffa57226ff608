using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Hosting;
using Platform.BuildingBlocks.Messaging;
using Platform.BuildingBlocks.Projections;
using Platform.BuildingBlocks.Security;
using Platform.Fees.Accounts;
using Platform.Fees.Api;
using Platform.Fees.Billing;
using Platform.Fees.CollectionDrives;
using Platform.Fees.Features;
using Platform.Fees.Integration;
using Platform.Fees.Payments;
using Platform.Fees.ReadModel;
using Platform.Fees.Receipts;
using Platform.Fees.Standards;

namespace Platform.Fees;

/// <summary>
/// How the Fees service is put together: five aggregates (fee standards, payer accounts, receipt books, billing runs, collection drives) on
/// one store, the ledger read model, the billing, arrears and drive watchers, the consumers of F3 and F9, the outbox with the
/// reaction that applies receipted payments, the payment-provider topic through Dapr, and the API.
/// </summary>
public static class FeesService
{
    public const string Name = FeeStreams.Service;
    public const string RoutePrefix = "/api/v1/fees";

    public static WebApplicationBuilder AddFeesService(this WebApplicationBuilder builder)
    {
        var services = builder.AddEventSourcedService<PayerAccountState, IPayerAccountCommand, PayerAccountDecider>(Name);
        var configuration = builder.Configuration;
        services.AddAggregate<FeeStandardState, IFeeStandardCommand, FeeStandardDecider>();
        services.AddAggregate<ReceiptBookState, IReceiptBookCommand, ReceiptBookDecider>();
        services.AddAggregate<BillingRunState, IBillingRunCommand, BillingRunDecider>();
        services.AddAggregate<CollectionDriveState, ICollectionDriveCommand, CollectionDriveDecider>();

        services.AddSingleton(FeePolicies.FromConfiguration(configuration));
        services.AddSingleton<AccountCommands>();
        services.AddSingleton<StandardCommands>();
        services.AddSingleton<PaymentDesk>();
        services.AddSingleton<BillingRunner>();
        services.AddSingleton<DriveFiguresQuery>();

        services.AddProjection<FeesProjection>(StreamName.Prefix(Name));

        services.AddPlatformMessaging(configuration, Name, bus =>
        {
            bus.AddConsumer<WorkOrderBillingConsumer>();
            bus.AddConsumer<CompensationConsumers>();
        });
        services.AddEventReaction<ApplyReceivedPayments>();
        services.AddIntegrationEventPublisher<FeesOutboxMapper>();

        services.AddHostedService<BillingWatcher>();
        services.AddHostedService<ArrearsWatcher>();
        services.AddHostedService<CollectionDriveWatcher>();
        return builder;
    }

    public static WebApplication MapFeesApi(this WebApplication app)
    {
        var fees = app.MapServiceApi(RoutePrefix, Name, ServiceAccess.Fees, "Fees");
        FeeStandardEndpoints.Map(fees);
        PayerAccountEndpoints.Map(fees);
        ChangePayerEndpoint.Map(fees);
        CollectionDriveEndpoints.Map(fees);
        ListAccountsEndpoint.Map(fees);
        IssueChargeEndpoint.Map(fees);
        AccountActionEndpoints.Map(fees);
        PaymentEndpoints.Map(fees);
        FeeReportEndpoints.Map(fees);
        PaymentConfirmations.Map(app);
        return app;
    }
}
