using Platform.BuildingBlocks.EventSourcing;
using Platform.Complaints.Features;

namespace Platform.Complaints;

/// <summary>The complaint aggregate: each command goes to its feature's decision.</summary>
public sealed class ComplaintDecider : Decider<ComplaintState, IComplaintCommand>
{
    public override ComplaintState Initial => ComplaintState.Initial;

    public override ComplaintState Evolve(ComplaintState state, object @event) => state.Evolve(@event);

    public override Decision Decide(IComplaintCommand command, ComplaintState state, DateTimeOffset now) => command switch
    {
        RegisterComplaint c => RegisterComplaint.Decide(c, state, now),
        ClassifyComplaint c => ClassifyComplaint.Decide(c, state, now),
        TransferComplaint c => TransferComplaint.Decide(c, state, now),
        CommunicateProgress c => CommunicateProgress.Decide(c, state, now),
        AttachEvidence c => AttachEvidence.Decide(c, state, now),
        EscalateComplaint c => EscalateComplaint.Decide(c, state, now),
        RaiseCompensationClaim c => RaiseCompensationClaim.Decide(c, state, now),
        DraftCompensationPlan c => DraftCompensationPlan.Decide(c, state, now),
        ApproveCompensation c => ApproveCompensation.Decide(c, state, now),
        RejectCompensation c => RejectCompensation.Decide(c, state, now),
        ConfirmAgreementByLegalCounsel c => ConfirmAgreementByLegalCounsel.Decide(c, state, now),
        SignSupplementaryAgreement c => SignSupplementaryAgreement.Decide(c, state, now),
        RecordCompensationPayout c => RecordCompensationPayout.Decide(c, state, now),
        RecordFeeWithholding c => RecordFeeWithholding.Decide(c, state, now),
        LinkWorkOrder c => LinkWorkOrder.Decide(c, state, now),
        ResolveComplaint c => ResolveComplaint.Decide(c, state, now),
        ResolveByWorkOrder c => ResolveByWorkOrder.Decide(c, state, now),
        RecordRework c => RecordRework.Decide(c, state, now),
        RecordFollowUp c => RecordFollowUp.Decide(c, state, now),
        CloseComplaint c => CloseComplaint.Decide(c, state, now),
        MarkDeadlineMissed c => MarkDeadlineMissed.Decide(c, state, now),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Not a complaint command."),
    };
}
