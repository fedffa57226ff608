using Platform.BuildingBlocks.EventSourcing;
using Platform.Fees.Accounts;

namespace Platform.Fees.Features;

/// <summary>
/// The arrears watcher's command: records what has fallen due on the account by now, once each. A charge past its due
/// day with money owing is overdue (S23: the 21st for a service charge), unless it is disputed: there is no dunning,
/// and no late fee, while the owner's dispute is open. Where the estate charges a late fee, each full day overdue
/// accrues it, up to the cap. An approved refund not paid in time is flagged.
/// </summary>
public sealed record MarkOverdue(Guid AccountId, FeePolicy Policy, Actor By) : IPayerAccountCommand
{
    public static Decision Decide(MarkOverdue command, PayerAccountState state, DateTimeOffset now)
    {
        var events = new List<object>();
        var today = FeeRules.LocalDay(now, command.Policy.TimeZone);
        var lateFee = command.Policy.LateFee;
        var tomorrow = FeeRules.StartOfDay(today.AddDays(1), command.Policy.TimeZone);

        foreach (var charge in state.IsDisputed ? [] : state.Charges.Where(c => c.IsOpen && c.OverdueFrom <= now))
        {
            if (!charge.MarkedOverdue)
                events.Add(new ChargeOverdue(charge.ChargeId, charge.DueOn!.Value, charge.Owed, lateFee is null ? null : charge.OverdueFrom!.Value.AddDays(1), now));
            if (lateFee is not null && LateFee(charge, lateFee, FirstChargeableDay(state, command.Policy), today, tomorrow, now) is { } accrued)
                events.Add(accrued);
        }
        foreach (var refund in state.Refunds.Values.Where(r => !r.Paid && !r.MarkedOverdue && r.PayBy <= now))
            events.Add(new RefundOverdue(refund.RefundId, refund.PayBy, now));

        return Decision.Accept(events);
    }

    /// <summary>The days of an open dispute carry no late fee: accrual starts again the day after it was resolved.</summary>
    private static DateOnly? FirstChargeableDay(PayerAccountState state, FeePolicy policy) =>
        state.LastDisputeResolvedAt is { } resolved ? FeeRules.LocalDay(resolved, policy.TimeZone).AddDays(1) : null;

    /// <summary>
    /// Late fee for the whole days overdue not yet accrued (the first is the day after the due day; today is not over),
    /// on the principal still owed, at most the cap share of the charge in all.
    /// </summary>
    private static LateFeeAccrued? LateFee(Charge charge, LateFeePolicy policy, DateOnly? notBefore, DateOnly today, DateTimeOffset tomorrow, DateTimeOffset now)
    {
        var from = (charge.LateFeeThrough ?? charge.DueOn!.Value).AddDays(1);
        if (notBefore is { } first && first > from) from = first;
        var through = today.AddDays(-1);
        if (through < from) return null;

        // Payments pay the principal first, so a late fee stops growing once the charge itself is paid.
        var principal = charge.Amount - charge.Credited - charge.Paid;
        var cap = Yuan.Round(charge.Amount * policy.CapRatio) - charge.LateFee;
        if (principal <= 0 || cap <= 0) return null;

        var days = through.DayNumber - from.DayNumber + 1;
        var amount = Math.Min(cap, Yuan.Round(principal * policy.RatePerDay * days));
        if (amount <= 0) return null;
        return new LateFeeAccrued(charge.ChargeId, from, through, amount, amount == cap ? null : tomorrow, now);
    }
}
