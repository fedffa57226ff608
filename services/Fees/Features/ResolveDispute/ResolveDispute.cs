using Platform.BuildingBlocks.EventSourcing;
using Platform.Fees.Accounts;

namespace Platform.Fees.Features;

/// <summary>
/// The dispute ends when the claim is settled (000:138): approved with the signed supplementary agreement, or rejected,
/// or the owner withdraws it. The charges are owed again: those past due are chased from the level they had reached,
/// and credit that waited pays them. A compensation payout is paid by Complaints (its payout record), never also
/// credited here, so it is not paid twice (docs/decisions/fees-domain.md).
/// </summary>
public sealed record ResolveDispute(Guid AccountId, Guid? DisputeId, DisputeResolution Resolution, decimal? ApprovedCompensation, Actor By) : IPayerAccountCommand
{
    public static Decision Decide(ResolveDispute command, PayerAccountState state, DateTimeOffset now)
    {
        if (CommandRules.RequireRole(command.By, [.. FeeRoles.CustomerService, .. FeeRoles.Finance], "disputes-need-staff",
                "Customer service or finance resolves a dispute.") is { } forbidden) return forbidden;
        if (command.DisputeId is { } id && state.ClosedDisputes.Contains(id)) return Decision.NoChange;
        if (state.OpenDispute is not { } open || (command.DisputeId is { } named && named != open.DisputeId))
            return command.By.HasRole(Roles.System)
                ? Decision.NoChange
                : Rejection.Conflict("no-open-dispute", "The account has no such open dispute.");

        return CreditSettlement.AcceptThenSettle(state, now, new DisputeResolved(open.DisputeId, command.Resolution, command.ApprovedCompensation, now));
    }
}
