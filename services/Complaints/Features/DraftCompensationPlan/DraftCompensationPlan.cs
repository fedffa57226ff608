using Platform.BuildingBlocks.EventSourcing;

namespace Platform.Complaints.Features;

/// <summary>
/// The handling plan for the claim, based on the contract, the technical appraisal of the property company's technical
/// department and legal counsel's opinion (000:405). It can be redrafted until it is approved.
/// </summary>
public sealed record DraftCompensationPlan(string Plan, string? TechnicalAppraisal, string? LegalOpinion, Actor By) : IComplaintCommand
{
    public static Decision Decide(DraftCompensationPlan command, ComplaintState state, DateTimeOffset now)
    {
        if ((ComplaintRules.RequireStaff(command.By) ?? ComplaintRules.RequireOpen(state) ?? CompensationAuthority.RequireOpenClaim(state))
            is { } rejection) return rejection;
        var claim = state.Claim!;
        if (ComplaintRules.RequireText(command.Plan, "compensation-plan-required", "plan", "The plan") is { } noPlan) return noPlan;

        var appraisal = ComplaintRules.Trimmed(command.TechnicalAppraisal);
        var opinion = ComplaintRules.Trimmed(command.LegalOpinion);
        // 000:405 names both inputs for engineering-quality compensation, the case the general manager signs.
        if (claim.EngineeringQuality && appraisal is null)
            return Rejection.Invalid("compensation-plan-needs-technical-appraisal", "technicalAppraisal",
                "An engineering-quality compensation plan needs the technical appraisal.");
        if (claim.EngineeringQuality && opinion is null)
            return Rejection.Invalid("compensation-plan-needs-legal-opinion", "legalOpinion",
                "An engineering-quality compensation plan needs legal counsel's opinion.");
        if (claim.IsApproved)
            return Rejection.Conflict("compensation-already-approved", "The compensation is approved; its plan can no longer change.");

        var plan = command.Plan.Trim();
        if (claim.Plan == plan && claim.TechnicalAppraisal == appraisal && claim.LegalOpinion == opinion)
            return Decision.NoChange;
        return Decision.Accept(new CompensationPlanDrafted(claim.Number, plan, appraisal, opinion, now));
    }
}
