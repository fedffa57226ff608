using Platform.BuildingBlocks.EventSourcing;
using Platform.Complaints.Features;
using static Platform.Complaints.Tests.Sample;

namespace Platform.Complaints.Tests.Deciders;

public sealed class AttachEvidenceTests
{
    [Fact]
    public void Attaching_a_photo_keeps_it_in_the_file() =>
        DeciderSpec.Given(Registered())
            .When(new AttachEvidence("photos/ceiling-1.jpg", "stain above the bed", Agent), at: Later)
            .Then(new ComplaintEvidenceAttached("photos/ceiling-1.jpg", "stain above the bed", Later));

    [Fact]
    public void Attaching_the_same_photo_twice_changes_nothing() =>
        DeciderSpec.Given(Registered(), [new ComplaintEvidenceAttached("photos/ceiling-1.jpg", null, Later)])
            .When(new AttachEvidence("photos/ceiling-1.jpg", "again", Agent))
            .ThenNothing();

    [Fact]
    public void A_photo_needs_a_reference() =>
        DeciderSpec.Given(Registered())
            .When(new AttachEvidence("", null, Agent))
            .ThenRejected("photo-reference-required", RejectionKind.Invalid);
}
