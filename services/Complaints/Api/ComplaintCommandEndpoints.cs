using Platform.Complaints.Features;

namespace Platform.Complaints.Api;

/// <summary>Every command route on an existing complaint; each lives in its feature's folder.</summary>
public static class ComplaintCommandEndpoints
{
    public static void Map(RouteGroupBuilder complaints)
    {
        ClassifyComplaintEndpoint.Map(complaints);
        TransferComplaintEndpoint.Map(complaints);
        CommunicateProgressEndpoint.Map(complaints);
        AttachEvidenceEndpoint.Map(complaints);
        EscalateComplaintEndpoint.Map(complaints);
        RaiseCompensationClaimEndpoint.Map(complaints);
        DraftCompensationPlanEndpoint.Map(complaints);
        ApproveCompensationEndpoint.Map(complaints);
        RejectCompensationEndpoint.Map(complaints);
        ConfirmAgreementByLegalCounselEndpoint.Map(complaints);
        SignSupplementaryAgreementEndpoint.Map(complaints);
        RecordFeeWithholdingEndpoint.Map(complaints);
        RecordCompensationPayoutEndpoint.Map(complaints);
        ResolveComplaintEndpoint.Map(complaints);
        RecordFollowUpEndpoint.Map(complaints);
        CloseComplaintEndpoint.Map(complaints);
    }
}
