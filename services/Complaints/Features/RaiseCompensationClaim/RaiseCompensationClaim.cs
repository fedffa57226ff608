using Platform.BuildingBlocks.EventSourcing;

namespace Platform.Complaints.Features;

/// <summary>
/// The complainant claims compensation (索赔): an amount in yuan and its basis. <see cref="EngineeringQuality"/>
/// marks house-quality compensation, which the general manager signs (000:405). The complaint then waits for the claim.
/// </summary>
public sealed record RaiseCompensationClaim(decimal Amount, string Basis, bool EngineeringQuality, Actor By) : IComplaintCommand
{
    public static Decision Decide(RaiseCompensationClaim command, ComplaintState state, DateTimeOffset now)
    {
        if ((ComplaintRules.RequireStaff(command.By) ?? ComplaintRules.RequireOpen(state)) is { } rejection) return rejection;
        if (!Money.IsPositiveYuan(command.Amount))
            return Rejection.Invalid("compensation-amount-invalid", "amount", "The amount must be more than 0 yuan, with at most two decimal places, and at most 100,000,000.");
        if (ComplaintRules.RequireText(command.Basis, "compensation-basis-required", "basis", "The basis of the claim") is { } invalid)
            return invalid;
        if (state.IsResolved)
            return Rejection.Conflict("complaint-already-resolved", "The complaint is resolved; a follow-up that is not satisfied reopens it.");
        if (state.Claim is { IsOpen: true })
            return Rejection.Conflict("compensation-claim-already-open", "The complaint already has an open compensation claim.");

        var events = new List<object>
        {
            new CompensationClaimRaised(
                state.ClaimCount + 1,
                command.Amount,
                command.Basis.Trim(),
                // Compensation on an engineering-quality complaint is engineering-quality compensation, flagged or not.
                command.EngineeringQuality || state.Category == Category.EngineeringQuality,
                now),
        };
        // Compensation complaints follow their own rules and have no fixed resolve deadline (000:404, decision 3d).
        if (state.ResolveDueAt is not null)
            events.Add(new ComplaintDeadlinesSet(state.ReplyDueAt, null));
        return Decision.Accept(events);
    }
}
