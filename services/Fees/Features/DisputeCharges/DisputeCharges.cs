using Platform.BuildingBlocks.EventSourcing;
using Platform.Fees.Accounts;

namespace Platform.Fees.Features;

/// <summary>
/// The owner withholds payment over an unresolved compensation claim (「因赔偿未成而拒交物业费」, 000:136) or construction
/// defects (000:1024): the account's charges are disputed until the dispute is resolved, and nobody chases them. One
/// dispute at a time; the same one again (a redelivered message) changes nothing.
/// </summary>
public sealed record DisputeCharges(
    Guid AccountId, Guid DisputeId, DisputeReason Reason, Guid? ComplaintId, int? ClaimNumber, string? Note, Actor By) : IPayerAccountCommand
{
    public static Decision Decide(DisputeCharges command, PayerAccountState state, DateTimeOffset now)
    {
        if (CommandRules.RequireRole(command.By, [.. FeeRoles.CustomerService, .. FeeRoles.Finance], "disputes-need-staff",
                "Customer service or finance records a dispute.") is { } forbidden) return forbidden;
        if (state.OpenDispute?.DisputeId == command.DisputeId || state.ClosedDisputes.Contains(command.DisputeId)) return Decision.NoChange;
        if (state.IsDisputed)
            return Rejection.Conflict("dispute-already-open", "The account already has an open dispute.");

        var open = state.Charges.Where(c => c.IsOpen).Select(c => c.ChargeId).ToList();
        return Decision.Accept(new ChargesDisputed(command.DisputeId, command.Reason, command.ComplaintId, command.ClaimNumber, open, command.Note?.Trim(), now));
    }
}
