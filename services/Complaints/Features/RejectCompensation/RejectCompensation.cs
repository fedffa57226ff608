using Platform.BuildingBlocks.EventSourcing;

namespace Platform.Complaints.Features;

/// <summary>
/// Turn the claim down; the complaint goes back to handling and staff explain the decision (004:250). Refusing takes
/// the same authority as approving.
/// </summary>
public sealed record RejectCompensation(string Reason, Actor By) : IComplaintCommand
{
    public static Decision Decide(RejectCompensation command, ComplaintState state, DateTimeOffset now)
    {
        if ((ComplaintRules.RequireStaff(command.By) ?? ComplaintRules.RequireOpen(state) ?? CompensationAuthority.RequireOpenClaim(state))
            is { } rejection) return rejection;
        var claim = state.Claim!;
        if (ComplaintRules.RequireText(command.Reason, "compensation-rejection-reason-required", "reason", "The reason") is { } invalid)
            return invalid;
        var required = CompensationAuthority.RequiredLevel(claim);
        if (ComplaintRules.LevelOf(command.By) < required) return CompensationAuthority.Forbidden(required);
        if (claim.IsApproved)
            return Rejection.Conflict("compensation-already-approved", "The compensation is already approved.");

        return Decision.Accept(new CompensationRejected(claim.Number, command.Reason.Trim(), now));
    }
}
