using Platform.BuildingBlocks.EventSourcing;

namespace Platform.Complaints.Features;

/// <summary>
/// Legal counsel (法律顾问) confirmed the supplementary agreement for the approved compensation (000:406). Counsel is
/// outside the platform's roles, so a department manager or the general manager enters the confirmation, naming counsel.
/// </summary>
public sealed record ConfirmAgreementByLegalCounsel(string CounselName, Actor By) : IComplaintCommand
{
    public static Decision Decide(ConfirmAgreementByLegalCounsel command, ComplaintState state, DateTimeOffset now)
    {
        if ((ComplaintRules.RequireStaff(command.By)
                ?? ComplaintRules.RequireLevel(command.By, HandlingLevel.DepartmentManager, "legal-confirmation-needs-department-manager")
                ?? ComplaintRules.RequireOpen(state)
                ?? CompensationAuthority.RequireOpenClaim(state))
            is { } rejection) return rejection;
        var claim = state.Claim!;
        if (ComplaintRules.RequireText(command.CounselName, "legal-counsel-name-required", "counselName", "Legal counsel's name") is { } invalid)
            return invalid;
        if (!claim.IsApproved)
            return Rejection.Conflict("agreement-needs-approved-compensation", "The compensation must be approved before its agreement is confirmed.");
        if (claim.IsLegallyConfirmed) return Decision.NoChange;

        return Decision.Accept(new CompensationLegalConfirmed(claim.Number, command.CounselName.Trim(), command.By.Id, now));
    }
}
