using Platform.BuildingBlocks.EventSourcing;

namespace Platform.Complaints.Features;

/// <summary>
/// Hand the complaint to the department that handles it (004:248). <see cref="NeedsWork"/> means physical work is
/// needed: a work order (派工单) is opened from it (002:52), described by <see cref="WorkDescription"/>.
/// </summary>
public sealed record TransferComplaint(string Department, bool NeedsWork, string? WorkDescription, Actor By) : IComplaintCommand
{
    public static Decision Decide(TransferComplaint command, ComplaintState state, DateTimeOffset now)
    {
        if ((ComplaintRules.RequireStaff(command.By) ?? ComplaintRules.RequireOpen(state)) is { } rejection) return rejection;
        if (ComplaintRules.RequireText(command.Department, "transfer-department-required", "department", "The department") is { } noDepartment)
            return noDepartment;
        var description = ComplaintRules.Trimmed(command.WorkDescription);
        if (command.NeedsWork && description is null)
            return Rejection.Invalid("work-description-required", "workDescription", "Say what work is needed when the complaint needs work.");
        if (state.IsResolved)
            return Rejection.Conflict("complaint-already-resolved", "The complaint is resolved; a follow-up that is not satisfied reopens it.");

        var department = command.Department.Trim();
        if (state.Department == department && state.NeedsWork == command.NeedsWork && state.WorkDescription == description)
            return Decision.NoChange;

        return Decision.Accept(new ComplaintTransferred(
            state.EstateId, state.Unit, state.Category, department, command.NeedsWork, description, now));
    }
}
