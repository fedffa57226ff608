using Platform.BuildingBlocks.EventSourcing;

namespace Platform.Complaints.Features;

/// <summary>
/// Approve the compensation plan, for the claimed amount or less (<see cref="ApprovedAmount"/>). A claim of 10,000 yuan
/// or more needs the department manager or above (003@736); engineering-quality compensation needs the general
/// manager (000:405), and a department manager's sign-off on it is recorded on the way up while it stays pending.
/// </summary>
public sealed record ApproveCompensation(decimal? ApprovedAmount, Actor By) : IComplaintCommand
{
    public static Decision Decide(ApproveCompensation command, ComplaintState state, DateTimeOffset now)
    {
        if ((ComplaintRules.RequireStaff(command.By) ?? ComplaintRules.RequireOpen(state) ?? CompensationAuthority.RequireOpenClaim(state))
            is { } rejection) return rejection;
        var claim = state.Claim!;
        if (claim.IsApproved) return Decision.NoChange;
        if (claim.Plan is null)
            return Rejection.Conflict("compensation-needs-plan", "Draft the compensation plan before approving it.");

        var amount = command.ApprovedAmount ?? claim.Amount;
        if (!Money.IsPositiveYuan(amount) || amount > claim.Amount)
            return Rejection.Invalid("compensation-approved-amount-invalid", "approvedAmount",
                $"The approved amount must be more than 0 and at most the {claim.Amount} yuan claimed, with at most two decimal places, and at most 100,000,000.");

        var level = ComplaintRules.LevelOf(command.By)!.Value;
        var required = CompensationAuthority.RequiredLevel(claim);
        if (level >= required)
            return Decision.Accept(new CompensationApproved(claim.Number, amount, level, command.By.Id, now));

        // 「逐级报相关领导签批」 (000:415): the department manager signs before the general manager does.
        if (required == HandlingLevel.GeneralManager && level == HandlingLevel.DepartmentManager)
            return claim.SignOffs.Contains(level)
                ? Decision.NoChange
                : Decision.Accept(new CompensationSignOffRecorded(claim.Number, level, command.By.Id, now));

        return CompensationAuthority.Forbidden(required);
    }
}
