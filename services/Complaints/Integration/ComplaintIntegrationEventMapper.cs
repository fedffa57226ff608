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

    private static Contracts.Complaints.UnitAddress Address(string estateId, UnitAddress unit) =>
        new(estateId, unit.Building, unit.Entrance, unit.Room);
}
