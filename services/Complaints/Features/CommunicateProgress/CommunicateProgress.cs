using Platform.BuildingBlocks.EventSourcing;

namespace Platform.Complaints.Features;

/// <summary>
/// Tell the complainant how it stands, until it is finished (000:407). The first message is the reply that the
/// 24-hour reply deadline asks for (001:201).
/// </summary>
public sealed record CommunicateProgress(string Message, Actor By) : IComplaintCommand
{
    public static Decision Decide(CommunicateProgress command, ComplaintState state, DateTimeOffset now)
    {
        if ((ComplaintRules.RequireStaff(command.By) ?? ComplaintRules.RequireOpen(state)) is { } rejection) return rejection;
        if (ComplaintRules.RequireText(command.Message, "progress-message-required", "message", "The message") is { } invalid)
            return invalid;

        return Decision.Accept(new ComplaintProgressCommunicated(command.Message.Trim(), IsReply: state.RepliedAt is null, now));
    }
}
