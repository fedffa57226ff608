using Platform.BuildingBlocks.EventSourcing;
using Platform.Complaints.Features;
using static Platform.Complaints.Tests.Sample;

namespace Platform.Complaints.Tests.Deciders;

public sealed class EscalateComplaintTests
{
    [Fact]
    public void Escalation_goes_up_the_chain_from_the_current_level() =>
        DeciderSpec.Given(Registered())
            .When(new EscalateComplaint(HandlingLevel.ComplaintSupervisor, "cannot solve it at the desk", Agent), at: Later)
            .Then(new ComplaintEscalated(
                HandlingLevel.CallCentreAgent, HandlingLevel.ComplaintSupervisor, "cannot solve it at the desk", Agent.Id, Later));

    [Fact]
    public void Only_staff_at_or_above_the_current_level_may_escalate() =>
        DeciderSpec.Given(Registered(), EscalatedTo(HandlingLevel.DepartmentManager))
            .When(new EscalateComplaint(HandlingLevel.GeneralManager, "needs the GM", Supervisor))
            .ThenRejected("escalation-needs-current-level", RejectionKind.Forbidden);

    [Fact]
    public void A_higher_level_may_escalate_a_complaint_held_below_it() =>
        DeciderSpec.Given(Registered())
            .When(new EscalateComplaint(HandlingLevel.GeneralManager, "emergency", DepartmentManager), at: Later)
            .Then(new ComplaintEscalated(HandlingLevel.CallCentreAgent, HandlingLevel.GeneralManager, "emergency", DepartmentManager.Id, Later));

    [Fact]
    public void Escalation_must_go_to_a_higher_level() =>
        DeciderSpec.Given(Registered(), EscalatedTo(HandlingLevel.DepartmentManager))
            .When(new EscalateComplaint(HandlingLevel.ComplaintSupervisor, "back down", GeneralManager))
            .ThenRejected("escalation-must-go-higher", RejectionKind.Conflict);

    [Fact]
    public void Escalation_needs_a_reason() =>
        DeciderSpec.Given(Registered())
            .When(new EscalateComplaint(HandlingLevel.ComplaintSupervisor, "", Agent))
            .ThenRejected("escalation-reason-required", RejectionKind.Invalid);

    [Fact]
    public void A_technician_cannot_escalate() =>
        DeciderSpec.Given(Registered())
            .When(new EscalateComplaint(HandlingLevel.ComplaintSupervisor, "help", Technician))
            .ThenRejected("complaint-staff-only", RejectionKind.Forbidden);
}
