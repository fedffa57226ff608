using Platform.BuildingBlocks.EventSourcing;

namespace Platform.Complaints.Features;

/// <summary>
/// Close the complaint. Only after a follow-up since its latest resolution in which the complainant was satisfied or
/// raised a new demand that became its own case (001:257, 004:254; brief S08, S10).
/// </summary>
public sealed record CloseComplaint(Actor By) : IComplaintCommand
{
    public static Decision Decide(CloseComplaint command, ComplaintState state, DateTimeOffset now)
    {
        if ((ComplaintRules.RequireStaff(command.By) ?? ComplaintRules.RequireExists(state)) is { } rejection) return rejection;
        if (state.IsClosed) return Decision.NoChange;
        if (state.Status != ComplaintStatus.Resolved)
            return Rejection.Conflict("close-needs-resolution", "Only a resolved complaint can be closed.");
        // A "not satisfied" follow-up reopens the complaint, so a resolved one has either no follow-up or an accepting one.
        if (state.FollowUpSinceResolution is not (FollowUpOutcome.Satisfied or FollowUpOutcome.NewDemand))
            return Rejection.Conflict("close-needs-follow-up", "Follow up with the complainant before closing (001:257).");

        return Decision.Accept(new ComplaintClosed(state.EstateId, now));
    }
}
