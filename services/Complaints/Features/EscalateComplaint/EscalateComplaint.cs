using Platform.BuildingBlocks.EventSourcing;

namespace Platform.Complaints.Features;

/// <summary>
/// Pass the complaint up the chain of brief 2.2: call-centre agent → complaint supervisor → department manager →
/// general manager. Whoever holds it (or someone above) passes it to a higher level.
/// </summary>
public sealed record EscalateComplaint(HandlingLevel ToLevel, string Reason, Actor By) : IComplaintCommand
{
    public static Decision Decide(EscalateComplaint command, ComplaintState state, DateTimeOffset now)
    {
        if ((ComplaintRules.RequireStaff(command.By) ?? ComplaintRules.RequireOpen(state)) is { } rejection) return rejection;
        if (ComplaintRules.RequireDefined(command.ToLevel, "toLevel") is { } unknownLevel) return unknownLevel;
        if (ComplaintRules.RequireText(command.Reason, "escalation-reason-required", "reason", "The reason") is { } invalid)
            return invalid;
        if (ComplaintRules.LevelOf(command.By) < state.Level)
            return Rejection.Forbidden(
                "escalation-needs-current-level",
                $"The complaint is with the {ComplaintRules.RoleOf(state.Level)}; only that level or higher may escalate it.");
        if (command.ToLevel <= state.Level)
            return Rejection.Conflict("escalation-must-go-higher", $"The complaint is already with the {ComplaintRules.RoleOf(state.Level)}.");

        return Decision.Accept(new ComplaintEscalated(state.Level, command.ToLevel, command.Reason.Trim(), command.By.Id, now));
    }
}
