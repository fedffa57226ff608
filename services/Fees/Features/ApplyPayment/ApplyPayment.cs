using Platform.BuildingBlocks.EventSourcing;
using Platform.Fees.Accounts;

namespace Platform.Fees.Features;

/// <summary>
/// A receipted payment (see <see cref="RecordPayment"/>) goes to the account's open charges oldest first; part payment is
/// allowed, and what is left over is credit. Charges under dispute are withheld by the owner, so while a dispute is
/// open the money waits as credit. Applied once per payment: a repeat changes nothing.
/// </summary>
public sealed record ApplyPayment(
    Guid AccountId, Guid PaymentId, string ReceiptNumber, decimal Amount, PaymentChannel Channel, DateTimeOffset ReceivedAt, Actor By) : IPayerAccountCommand
{
    public static Decision Decide(ApplyPayment command, PayerAccountState state, DateTimeOffset now)
    {
        if (state.Payments.ContainsKey(command.PaymentId)) return Decision.NoChange;
        if (FeeRules.RequireAmount(command.Amount, "amount") is { } invalid) return invalid;

        var left = command.Amount;
        var allocations = new List<ChargeAllocation>();
        foreach (var charge in state.PayableCharges)
        {
            if (left <= 0) break;
            var amount = Math.Min(left, charge.Owed);
            allocations.Add(new ChargeAllocation(charge.ChargeId, amount));
            left -= amount;
        }
        return Decision.Accept(new PaymentApplied(command.PaymentId, command.ReceiptNumber, command.Amount, command.Channel, allocations, left, command.ReceivedAt, now));
    }
}
