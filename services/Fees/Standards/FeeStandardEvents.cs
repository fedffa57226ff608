using Platform.BuildingBlocks.EventSourcing;

namespace Platform.Fees.Standards;

/// <summary>
/// A fee standard approved by the price authority (「严格按照物价管理部门的标准进行收费」, 000:26). <see cref="ApprovalReference"/>
/// is the authority's document; <see cref="ReviewMonth"/> is when it is reviewed each year (April, 000:26).
/// </summary>
[EventType("FeeStandardApproved.v1")]
public sealed record FeeStandardApproved(
    Guid StandardId,
    string EstateId,
    string Code,
    string Name,
    FeeType FeeType,
    decimal Rate,
    RateUnit Unit,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    string ApprovalReference,
    int ReviewMonth,
    DateTimeOffset ApprovedAt);

/// <summary>The yearly review (年审, 000:26): the rate is confirmed, or revised from <see cref="EffectiveFrom"/> under a new approval.</summary>
[EventType("FeeStandardReviewed.v1")]
public sealed record FeeStandardReviewed(
    DateOnly ReviewedOn,
    bool Revised,
    decimal Rate,
    DateOnly EffectiveFrom,
    string ApprovalReference,
    DateTimeOffset ReviewedAt);
