using Platform.BuildingBlocks.EventSourcing;

namespace Platform.Complaints.Features;

/// <summary>Keep a photo in the complaint file (「相片留存于客户投诉资料中」, 000:403). <see cref="PhotoRef"/> points at the stored image.</summary>
public sealed record AttachEvidence(string PhotoRef, string? Caption, Actor By) : IComplaintCommand
{
    public static Decision Decide(AttachEvidence command, ComplaintState state, DateTimeOffset now)
    {
        if ((ComplaintRules.RequireStaff(command.By) ?? ComplaintRules.RequireOpen(state)) is { } rejection) return rejection;
        if (ComplaintRules.RequireText(command.PhotoRef, "photo-reference-required", "photoRef", "The photo reference") is { } invalid)
            return invalid;

        var photoRef = command.PhotoRef.Trim();
        return state.PhotoRefs.Contains(photoRef)
            ? Decision.NoChange
            : Decision.Accept(new ComplaintEvidenceAttached(photoRef, ComplaintRules.Trimmed(command.Caption), now));
    }
}
