using Platform.BuildingBlocks.EventSourcing;

namespace Platform.Complaints.Features;

/// <summary>
/// The complainant withholds fees until the claim is settled (「因赔偿未成而拒交物业费」, 000:136). Fees then puts the
/// unit's charges into dispute (F9), and the claim's settlement, approved and signed or rejected, ends it. Once per claim.
/// </summary>
public sealed record RecordFeeWithholding(Actor By) : IComplaintCommand
{
    public static Decision Decide(RecordFeeWithholding command, ComplaintState state, DateTimeOffset now)
    {
        if ((ComplaintRules.RequireStaff(command.By) ?? ComplaintRules.RequireOpen(state) ?? CompensationAuthority.RequireOpenClaim(state))
            is { } rejection) return rejection;
        var claim = state.Claim!;
        if (claim.FeesWithheld) return Decision.NoChange;
        if (claim.IsSigned)
            return Rejection.Conflict("compensation-already-settled", "The claim's agreement is signed; there is nothing left to withhold fees over.");

        return Decision.Accept(new FeesWithheldOverClaim(claim.Number, now));
    }
}
