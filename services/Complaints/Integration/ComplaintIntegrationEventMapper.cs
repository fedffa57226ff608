using Platform.BuildingBlocks.EventSourcing;
using Platform.Contracts.Complaints;

namespace Platform.Complaints.Integration;

/// <summary>
/// Turns the complaint's domain events into the integration events of <c>contracts/Complaints</c>. Ids and facts only:
/// never the complainant's name, phone or the complaint's text (brief 2.6). Events other services do not need map to nothing.
/// </summary>
public sealed class ComplaintIntegrationEventMapper
{
    public IEnumerable<object> Map(object domainEvent, Guid complaintId) => domainEvent switch
    {
        ComplaintRegistered e =>
        [
            new ComplaintRegisteredV1(
                complaintId, Address(e.EstateId, e.Unit), WireName.Of(e.Channel), WireName.Of(e.Category),
                WireName.Of(e.Severity), e.LinkedToComplaintId, e.RegisteredAt),
        ],
        ComplaintTransferred e =>
        [
            new ComplaintTransferredV1(
                complaintId, Address(e.EstateId, e.Unit), e.Department, e.NeedsWork, WireName.Of(e.Category),
                e.WorkDescription, e.TransferredAt),
        ],
        ComplaintResolved e => [new ComplaintResolvedV1(complaintId, e.EstateId, e.WorkOrderId, e.ResolvedAt, e.FollowUpDueAt)],
        ComplaintClosed e => [new ComplaintClosedV1(complaintId, e.EstateId, e.ClosedAt)],
        ComplaintDeadlineMissed e =>
            [new ComplaintDeadlineMissedV1(complaintId, e.EstateId, WireName.Of(e.Deadline), e.DueAt, e.DetectedAt)],
        _ => [],
    };

    /// <summary>Whether <see cref="MapCompensation"/> publishes the event: those need the claim and the unit from the complaint's state.</summary>
    public static bool IsCompensationSettlement(object domainEvent) =>
        domainEvent is FeesWithheldOverClaim or SupplementaryAgreementSigned or CompensationRejected;

    /// <summary>
    /// F9: fees withheld over a claim, and the claim settled (approved and its agreement signed, or rejected), for Fees.
    /// <paramref name="state"/> is the complaint right after the event.
    /// </summary>
    public IEnumerable<object> MapCompensation(object domainEvent, ComplaintState state) => domainEvent switch
    {
        FeesWithheldOverClaim e =>
            [new FeesWithheldOverClaimV1(state.Id, e.ClaimNumber, Address(state.EstateId, state.Unit),
                state.Claim is { EngineeringQuality: true } ? "construction-defects" : "compensation", e.WithheldAt)],
        SupplementaryAgreementSigned e =>
            [new CompensationSettledV1(state.Id, e.ClaimNumber, Address(state.EstateId, state.Unit), "approved", state.Claim?.ApprovedAmount, e.SignedAt)],
        CompensationRejected e =>
            [new CompensationSettledV1(state.Id, e.ClaimNumber, Address(state.EstateId, state.Unit), "rejected", null, e.RejectedAt)],
        _ => [],
    };

    private static Contracts.Complaints.UnitAddress Address(string estateId, UnitAddress unit) =>
        new(estateId, unit.Building, unit.Entrance, unit.Room);
}
