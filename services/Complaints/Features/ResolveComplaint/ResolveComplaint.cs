using Platform.BuildingBlocks.EventSourcing;

namespace Platform.Complaints.Features;

/// <summary>The complaint is handled (step 8 of brief 3.2). The follow-up is then due within the policy's days (decision 7).</summary>
public sealed record ResolveComplaint(string Solution, Actor By) : IComplaintCommand
{
    public static Decision Decide(ResolveComplaint command, ComplaintState state, DateTimeOffset now)
    {
        if ((ComplaintRules.RequireStaff(command.By) ?? ComplaintRules.RequireOpen(state)) is { } rejection) return rejection;
        if (ComplaintRules.RequireText(command.Solution, "complaint-solution-required", "solution", "The solution") is { } invalid)
            return invalid;
        var solution = command.Solution.Trim();
        if (state.Status == ComplaintStatus.Resolved)
            return state.Solution == solution
                ? Decision.NoChange
                : Rejection.Conflict("complaint-already-resolved", "The complaint is already resolved.");

        return Resolution.Decide(state, solution, workOrderId: null, now);
    }
}

/// <summary>What every way of resolving a complaint must respect.</summary>
public static class Resolution
{
    public static Decision Decide(ComplaintState state, string solution, Guid? workOrderId, DateTimeOffset now)
    {
        if (state.Category == Category.EngineeringDesignDispute && state.PhotoRefs.IsEmpty)
            return Rejection.Conflict("complaint-photo-required",
                "An engineering or design dispute needs on-site photos in the file before it is resolved (000:403).");
        if (state.Claim is { IsOpen: true })
            return Rejection.Conflict("complaint-compensation-open",
                "The compensation claim must be rejected or paid before the complaint is resolved.");
        if (state.NeedsDepartmentManager && state.Level < HandlingLevel.DepartmentManager)
            return Rejection.Conflict("complaint-needs-department-manager",
                "A major or group complaint must be escalated to the department manager before it is resolved (003@669).");

        return Decision.Accept(new ComplaintResolved(state.EstateId, solution, workOrderId, now, state.Sla.FollowUpDue(now)));
    }
}
