using Platform.BuildingBlocks.EventSourcing;
using Platform.Complaints.Features;
using static Platform.Complaints.Tests.Sample;

namespace Platform.Complaints.Tests.Deciders;

public sealed class CommunicateProgressTests
{
    [Fact]
    public void The_first_progress_message_is_the_reply() =>
        DeciderSpec.Given(Registered())
            .When(new CommunicateProgress("A technician comes at 9.", Agent), at: Later)
            .Then(new ComplaintProgressCommunicated("A technician comes at 9.", IsReply: true, Later));

    [Fact]
    public void Later_progress_messages_are_not_the_reply() =>
        DeciderSpec.Given(Registered(), Replied())
            .When(new CommunicateProgress("Parts ordered.", Agent), at: Later)
            .Then(new ComplaintProgressCommunicated("Parts ordered.", IsReply: false, Later));

    [Fact]
    public void A_progress_message_needs_text() =>
        DeciderSpec.Given(Registered())
            .When(new CommunicateProgress(" ", Agent))
            .ThenRejected("progress-message-required", RejectionKind.Invalid);
}
