using System.Globalization;
using Platform.BuildingBlocks.EventSourcing;

namespace Platform.Complaints.Features;

/// <summary>
/// The follow-up call or visit after the complaint was resolved (回访, 001:257, 004:254). Not satisfied: handling
/// resumes (004:460) and a call-back is due at once (001:299). A new demand: it becomes its own case linked to this one (000:492), and this one can still close.
/// </summary>
public sealed record RecordFollowUp(FollowUpOutcome Outcome, string? Notes, string? NewDemandContent, Actor By) : IComplaintCommand
{
    public static Decision Decide(RecordFollowUp command, ComplaintState state, DateTimeOffset now)
    {
        if ((ComplaintRules.RequireStaff(command.By) ?? ComplaintRules.RequireOpen(state)) is { } rejection) return rejection;
        if (ComplaintRules.RequireDefined(command.Outcome, "outcome") is { } invalid) return invalid;
        var newDemand = ComplaintRules.Trimmed(command.NewDemandContent);
        if (command.Outcome == FollowUpOutcome.NewDemand && newDemand is null)
            return Rejection.Invalid("new-demand-content-required", "newDemandContent", "Say what the new demand is.");
        if (state.Status != ComplaintStatus.Resolved)
            return Rejection.Conflict("follow-up-needs-resolution", "A follow-up is made after the complaint is resolved.");

        var number = state.FollowUpCount + 1;
        var events = new List<object>
        {
            new ComplaintFollowUpRecorded(
                number, command.Outcome, ComplaintRules.Trimmed(command.Notes),
                command.Outcome == FollowUpOutcome.NewDemand ? newDemand : null, now),
        };
        switch (command.Outcome)
        {
            case FollowUpOutcome.NotSatisfied:
                var resolveDue = ComplaintRules.ResolveDeadline(state.Severity, state.InvolvesCompensation, state.Sla, now);
                events.Add(new ComplaintReopened("not-satisfied", resolveDue, now, state.Sla.FollowUpDue(resolveDue ?? now)));
                break;
            case FollowUpOutcome.NewDemand:
                events.Add(new LinkedCaseOpened(LinkedCaseId(state.Id, number), number, newDemand!, now));
                break;
        }
        return Decision.Accept(events);
    }

    /// <summary>The id the linked case is registered under: the same follow-up always gives the same case.</summary>
    public static Guid LinkedCaseId(Guid originalId, int followUpNumber) =>
        DeterministicId.Create(originalId.ToString(), "linked", followUpNumber.ToString(CultureInfo.InvariantCulture));
}
