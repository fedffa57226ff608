using Platform.BuildingBlocks.EventSourcing;

namespace Platform.Complaints.Features;

/// <summary>
/// Staff judge the complaint: its category, general or major (000:404), whether it is substantiated (有效投诉, the KPI
/// counts only those) and whether it is a group complaint (群诉, 003@669).
/// </summary>
public sealed record ClassifyComplaint(Category Category, Severity Severity, bool Valid, bool GroupComplaint, Actor By)
    : IComplaintCommand
{
    public static Decision Decide(ClassifyComplaint command, ComplaintState state, DateTimeOffset now)
    {
        if ((ComplaintRules.RequireStaff(command.By) ?? ComplaintRules.RequireOpen(state)) is { } rejection) return rejection;

        if ((ComplaintRules.RequireDefined(command.Category, "category") ?? ComplaintRules.RequireDefined(command.Severity, "severity"))
            is { } invalid) return invalid;

        if (state.Category == command.Category && state.Severity == command.Severity
            && state.Valid == command.Valid && state.GroupComplaint == command.GroupComplaint)
            return Decision.NoChange;

        var events = new List<object>
        {
            new ComplaintClassified(command.Category, command.Severity, command.Valid, command.GroupComplaint, now),
        };
        // A major complaint has no fixed resolve deadline (decision 3d); a general one has, counted from when handling began.
        if (!state.IsResolved)
        {
            var resolveDueAt = ComplaintRules.ResolveDeadline(command.Severity, state.InvolvesCompensation, state.Sla, state.HandlingSince);
            if (resolveDueAt != state.ResolveDueAt)
                events.Add(new ComplaintDeadlinesSet(state.ReplyDueAt, resolveDueAt));
        }
        return Decision.Accept(events);
    }
}
