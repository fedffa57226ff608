using System.Collections.Immutable;
using Platform.BuildingBlocks.EventSourcing;
using Platform.Inventory.Features;

namespace Platform.Inventory.Requisitions;

public sealed record RequisitionLine(string ItemCode, decimal Quantity, string Unit);

/// <summary>A 领用单 (000:157): what is asked for, from which store, by whom and why; linked to a work order when one needs it (F5).</summary>
[EventType("RequisitionDrafted.v1")]
public sealed record RequisitionDrafted(
    Guid RequisitionId, Guid StoreId, string? EstateId, string RequesterId, string Purpose, Guid? WorkOrderId, Guid? MaterialsRequestId,
    IReadOnlyList<RequisitionLine> Lines, DateTimeOffset DraftedAt);

[EventType("RequisitionSigned.v1")]
public sealed record RequisitionSigned(SignatureTier Tier, string SignerId, DateTimeOffset SignedAt);

[EventType("RequisitionRejected.v1")]
public sealed record RequisitionRejected(SignatureTier Tier, string RejectedBy, string Reason, DateTimeOffset RejectedAt);

/// <summary>What the store issued against the requisition, recorded from the store's ledger entry.</summary>
[EventType("RequisitionIssueRecorded.v1")]
public sealed record RequisitionIssueRecorded(Guid IssueId, IReadOnlyList<RequisitionLine> Lines, bool Complete, DateTimeOffset IssuedAt);

public enum RequisitionStatus { Drafted, RequesterSigned, TeamLeaderSigned, Approved, PartlyIssued, Issued, Rejected }

public sealed record RequisitionState
{
    public static RequisitionState Initial { get; } = new();

    public bool Exists { get; init; }
    public Guid Id { get; init; }
    public Guid StoreId { get; init; }
    public string? EstateId { get; init; }
    public string RequesterId { get; init; } = "";
    public string Purpose { get; init; } = "";
    public Guid? WorkOrderId { get; init; }
    public ImmutableList<RequisitionLine> Lines { get; init; } = [];
    public ImmutableDictionary<SignatureTier, string> Signers { get; init; } = ImmutableDictionary<SignatureTier, string>.Empty;
    public ImmutableList<RequisitionSigned> Signatures { get; init; } = [];
    public RequisitionRejected? Rejection { get; init; }
    public ImmutableList<RequisitionIssueRecorded> Issues { get; init; } = [];
    public ImmutableHashSet<Guid> IssueIds { get; init; } = [];
    public bool FullyIssued { get; init; }
    public DateTimeOffset DraftedAt { get; init; }

    /// <summary>The tiers still to sign, in their order (decision 4).</summary>
    public IReadOnlyList<SignatureTier> MissingSignatures => Enum.GetValues<SignatureTier>().Where(t => !Signers.ContainsKey(t)).ToList();

    public SignatureTier? NextTier => MissingSignatures is [var next, ..] ? next : null;

    public bool FullySigned => MissingSignatures.Count == 0;

    public RequisitionStatus Status => this switch
    {
        { Rejection: not null } => RequisitionStatus.Rejected,
        { FullyIssued: true } => RequisitionStatus.Issued,
        { Issues.Count: > 0 } => RequisitionStatus.PartlyIssued,
        { FullySigned: true } => RequisitionStatus.Approved,
        _ when Signers.ContainsKey(SignatureTier.TeamLeader) => RequisitionStatus.TeamLeaderSigned,
        _ when Signers.ContainsKey(SignatureTier.Requester) => RequisitionStatus.RequesterSigned,
        _ => RequisitionStatus.Drafted,
    };

    public RequisitionState Apply(object @event) => @event switch
    {
        RequisitionDrafted e => this with
        {
            Exists = true, Id = e.RequisitionId, StoreId = e.StoreId, EstateId = e.EstateId, RequesterId = e.RequesterId, Purpose = e.Purpose,
            WorkOrderId = e.WorkOrderId, Lines = [.. e.Lines], DraftedAt = e.DraftedAt,
        },
        RequisitionSigned e => this with { Signers = Signers.SetItem(e.Tier, e.SignerId), Signatures = Signatures.Add(e) },
        RequisitionRejected e => this with { Rejection = e },
        RequisitionIssueRecorded e => this with { Issues = Issues.Add(e), IssueIds = IssueIds.Add(e.IssueId), FullyIssued = FullyIssued || e.Complete },
        _ => this,
    };
}

public interface IRequisitionCommand
{
    Guid RequisitionId { get; }
    Actor By { get; }
}

public sealed class RequisitionDecider : Decider<RequisitionState, IRequisitionCommand>
{
    public override RequisitionState Initial => RequisitionState.Initial;

    public override RequisitionState Evolve(RequisitionState state, object @event) => state.Apply(@event);

    public override Decision Decide(IRequisitionCommand command, RequisitionState state, DateTimeOffset now) => command switch
    {
        DraftRequisition c => DraftRequisition.Decide(c, state, now),
        SignRequisition c => SignRequisition.Decide(c, state, now),
        RejectRequisition c => RejectRequisition.Decide(c, state, now),
        RecordRequisitionIssue c => RecordRequisitionIssue.Decide(c, state, now),
        _ => throw new ArgumentException($"{command.GetType().Name} is not a requisition command.", nameof(command)),
    };
}
