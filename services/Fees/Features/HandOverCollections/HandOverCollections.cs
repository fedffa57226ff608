using Platform.BuildingBlocks.EventSourcing;
using Platform.Fees.Receipts;

namespace Platform.Fees.Features;

/// <summary>
/// The front desk hands what it collected on holidays, at lunch and after hours to the customer-service staff who
/// account for it (「…费用代收工作,并做好与客服人员的交接」, 002:58): the payments listed, once each.
/// </summary>
public sealed record HandOverCollections(string EstateId, int Year, Guid HandOverId, IReadOnlyList<Guid> PaymentIds, string HandedOverTo, Actor By) : IReceiptBookCommand
{
    public static Decision Decide(HandOverCollections command, ReceiptBookState state, DateTimeOffset now)
    {
        if (CommandRules.RequireRole(command.By, [.. FeeRoles.CustomerService, Roles.FinanceClerk], "hand-over-needs-staff",
                "Customer service or finance records a hand-over.") is { } forbidden) return forbidden;
        if (state.HandOvers.Contains(command.HandOverId)) return Decision.NoChange;
        if (FeeRules.RequireText(command.HandedOverTo, "handedOverTo", "Who received the hand-over") is { } invalid) return invalid;
        if (command.PaymentIds.Count == 0)
            return Rejection.Invalid("paymentids-required", "paymentIds", "List the front-desk payments handed over.");

        for (var i = 0; i < command.PaymentIds.Count; i++)
        {
            if (!state.Receipts.TryGetValue(command.PaymentIds[i], out var receipt) || receipt.Channel != PaymentChannel.FrontDesk)
                return Rejection.Invalid("not-a-front-desk-payment", $"paymentIds[{i}]", "Only front-desk payments of this book are handed over.");
            if (receipt.HandedOver)
                return Rejection.Conflict("already-handed-over", $"Receipt {receipt.Number} was handed over already.");
        }
        var ids = command.PaymentIds.Distinct().ToList();
        return Decision.Accept(new CollectionsHandedOver(command.HandOverId, ids, ids.Sum(id => state.Receipts[id].Amount), command.HandedOverTo.Trim(), now));
    }
}
