using Platform.BuildingBlocks.EventSourcing;

namespace Platform.Complaints.Features;

/// <summary>
/// The supplementary agreement (补充协议) confirmed by legal counsel is signed (000:406); its copy stays in the department
/// archive (000:408) under <see cref="AgreementReference"/>. The complaint is then back in hand until the money is paid.
/// </summary>
public sealed record SignSupplementaryAgreement(string AgreementReference, Actor By) : IComplaintCommand
{
    public static Decision Decide(SignSupplementaryAgreement command, ComplaintState state, DateTimeOffset now)
    {
        if ((ComplaintRules.RequireStaff(command.By)
                ?? ComplaintRules.RequireLevel(command.By, HandlingLevel.ComplaintSupervisor, "agreement-signing-needs-complaint-supervisor")
                ?? ComplaintRules.RequireOpen(state)
                ?? CompensationAuthority.RequireOpenClaim(state))
            is { } rejection) return rejection;
        var claim = state.Claim!;
        if (ComplaintRules.RequireText(command.AgreementReference, "agreement-reference-required", "agreementReference", "The agreement's archive reference") is { } invalid)
            return invalid;
        if (!claim.IsApproved)
            return Rejection.Conflict("agreement-needs-approved-compensation", "The compensation must be approved before its agreement is signed.");
        if (!claim.IsLegallyConfirmed)
            return Rejection.Conflict("agreement-needs-legal-confirmation", "Legal counsel must confirm the agreement before it is signed (000:406).");
        if (claim.IsSigned) return Decision.NoChange;

        return Decision.Accept(new SupplementaryAgreementSigned(claim.Number, command.AgreementReference.Trim(), now));
    }
}
