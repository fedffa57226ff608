using MassTransit;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Messaging;
using Platform.Contracts.WorkOrders;
using Platform.Fees.Accounts;
using Platform.Fees.Api;
using Platform.Fees.Features;

namespace Platform.Fees.Integration;

/// <summary>
/// A paid work order handed to billing becomes a service charge (F3, F4). Idempotent by the charge id the work order
/// gives. A refusal (no account for the unit, a price off the standard) is not transient: it parks in the error queue,
/// from where an operator re-drives it once the account or the standard is right.
/// </summary>
public sealed class WorkOrderBillingConsumer(
    CommandHandler<PayerAccountState, IPayerAccountCommand> accounts, StandardCommands standards, FeePolicies policies)
    : IConsumer<WorkOrderBillingHandedOverV1>
{
    public async Task Consume(ConsumeContext<WorkOrderBillingHandedOverV1> context)
    {
        var message = context.Message;
        var standard = await standards.FindAsync(message.EstateId, message.FeeStandardRef ?? "", context.CancellationToken);
        var (charge, refused) = ChargeWorkOrder.From(message, standard, policies.For(message.EstateId));
        if (refused is not null)
            throw new CommandRejectedException($"Charging work order {message.WorkOrderId} was refused: {refused.Code}: {refused.Detail}", refused);

        (await accounts.HandleAsync(FeeStreams.Accounts.For(charge!.AccountId), charge, CommandEnvelope.FromMessage(context), context.CancellationToken))
            .ThrowIfRejected($"Charging work order {message.WorkOrderId}");
    }
}
