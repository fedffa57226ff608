using Platform.BuildingBlocks.EventSourcing;
using Platform.Fees.Accounts;

namespace Platform.Fees.Features;

/// <summary>
/// The 《付款请求书》 (001:277): on the 15th the owner-confirmed service charges waiting for it are gathered and fall due
/// on the 20th inclusive, overdue from the 21st (decision 8). A batch run late still gives the owner until the 20th,
/// or until the day it runs if that is later. The request id is derived from account and month, so a second run
/// issues nothing.
/// </summary>
public sealed record IssuePaymentRequest(Guid AccountId, Guid RequestId, BillingPeriod Period, FeePolicy Policy, Actor By) : IPayerAccountCommand
{
    public static Decision Decide(IssuePaymentRequest command, PayerAccountState state, DateTimeOffset now)
    {
        if (CommandRules.RequireRole(command.By, FeeRoles.Finance, "payment-requests-are-finance", "Only finance issues payment requests.") is { } forbidden)
            return forbidden;
        if (state.PaymentRequests.Contains(command.RequestId)) return Decision.NoChange;

        var waiting = state.Charges.Where(c => c.AwaitsPaymentRequest && !c.Reversed).ToList();
        if (waiting.Count == 0) return Decision.NoChange;

        var today = FeeRules.LocalDay(now, command.Policy.TimeZone);
        var requestDay = new DateOnly(command.Period.Year, command.Period.Month, command.Policy.PaymentRequestDay);
        if (today < requestDay)
            return Rejection.Conflict("payment-request-not-yet", $"The payment request of {command.Period} is issued on {requestDay:yyyy-MM-dd}.");

        var dueDay = new DateOnly(command.Period.Year, command.Period.Month, command.Policy.PaymentRequestDueDay);
        var due = today > dueDay ? today : dueDay;
        return Decision.Accept(new PaymentRequestIssued(
            command.RequestId, waiting.Select(c => c.ChargeId).ToList(), waiting.Sum(c => c.Owed), today, due,
            FeeRules.StartOfDay(due.AddDays(1), command.Policy.TimeZone), now));
    }
}
