using Platform.BuildingBlocks.EventSourcing;
using Platform.Contracts.WorkOrders;
using Platform.Fees.Standards;

namespace Platform.Fees.Features;

/// <summary>
/// F3 and F4: a paid work order the owner signed for (a repair, or a special service such as 家政) becomes a service charge
/// for the next payment request of the 15th (001:275-277, S23, S25), priced from the quote's fee standard: the
/// owner-signed amount must be the standard's rate times a whole number of jobs (or of hours, m²… to 2 places).
/// The charge id follows from the work order, so a redelivered hand-over issues nothing twice.
/// </summary>
public static class ChargeWorkOrder
{
    public static (IssueCharge? Command, Rejection? Refused) From(WorkOrderBillingHandedOverV1 message, FeeStandardState standard, FeePolicy policy)
    {
        if (message.Currency != RecordPayment.Yuan)
            return (null, Rejection.Invalid("currency-not-cny", "currency", "Service charges are in yuan (CNY)."));
        if (string.IsNullOrWhiteSpace(message.FeeStandardRef))
            return (null, Rejection.Invalid("fee-standard-required", "feeStandardRef", "The work order's quote names no fee standard."));

        var serviceDay = FeeRules.LocalDay(message.CompletedAt, policy.TimeZone);
        var rate = standard.InForceOn(serviceDay)?.Rate;
        var quantity = rate is > 0 ? message.Amount / rate.Value : 1;
        var unit = new UnitAddress(message.Unit.EstateId, message.Unit.Building, message.Unit.Entrance, message.Unit.Room);
        return (new IssueCharge(
            unit.AccountId,
            DeterministicId.Create("work-order-charge", message.WorkOrderId.ToString()),
            message.FeeStandardRef,
            standard,
            rate,
            decimal.Round(quantity, 2),
            message.Amount,
            BillingPeriod.Of(serviceDay),
            serviceDay,
            DueOn: null,
            $"work-order:{message.WorkOrderId}",
            policy,
            Actor.System), null);
    }
}
