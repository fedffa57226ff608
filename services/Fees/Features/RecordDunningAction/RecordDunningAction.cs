using Platform.BuildingBlocks.EventSourcing;
using Platform.Fees.Accounts;

namespace Platform.Fees.Features;

/// <summary>
/// A dunning action (催缴): a phone call with a written notice (000:138), a door visit (001:277), a dunning letter
/// (000:411), with its result. It is recorded at the level of the estate's policy the oldest overdue charge has
/// reached. Only overdue charges are chased, and none while the owner's dispute is open.
/// </summary>
public sealed record RecordDunningAction(
    Guid AccountId, Guid ActionId, DunningMethod Method, DunningResult Result, string? Note, FeePolicy Policy, Actor By) : IPayerAccountCommand
{
    public static Decision Decide(RecordDunningAction command, PayerAccountState state, DateTimeOffset now)
    {
        if (CommandRules.RequireRole(command.By, FeeRoles.DunningStaff, "dunning-needs-fee-staff", "Finance, collectors and customer service chase arrears.") is { } forbidden)
            return forbidden;
        if (state.IsDisputed)
            return Rejection.Conflict("no-dunning-while-disputed", "The owner's charges are disputed; dunning resumes when the dispute is resolved.");

        var overdue = state.Charges.Where(c => c.IsOpen && c.MarkedOverdue).OrderBy(c => c.Sequence).ToList();
        if (overdue.Count == 0)
            return Rejection.Conflict("nothing-overdue", "The account has no overdue charges to chase.");

        var today = FeeRules.LocalDay(now, command.Policy.TimeZone);
        var level = overdue.Select(c => command.Policy.LevelDue(c.FeeType, today.DayNumber - c.DueOn!.Value.DayNumber)?.Level ?? 0).Max();
        return Decision.Accept(new DunningActionRecorded(
            command.ActionId, command.Method, command.Result, level, overdue.Select(c => c.ChargeId).ToList(), command.Note?.Trim(), now));
    }
}
