using Platform.BuildingBlocks.EventSourcing;
using Platform.Contracts.WorkOrders;

namespace Platform.WorkOrders.Integration;

/// <summary>
/// Domain events to integration events (contracts/WorkOrders), for the publisher that follows the service's own
/// log. Pure. <c>state</c> is the order folded up to and including the event, which supplies the estate, the unit
/// and the complaint link that the event itself does not repeat. Internal events map to null.
/// </summary>
public static class WorkOrderIntegrationEventMapper
{
    /// <param name="revision">The order's stream revision at the event, which orders a completion and a rework for consumers.</param>
    public static object? Map(object domainEvent, WorkOrderState state, long? revision = null) => domainEvent switch
    {
        WorkOrderLogged e => new WorkOrderOpenedV1(
            e.WorkOrderId, e.ComplaintId, UnitOf(e.Unit), WireName.Of(e.Channel), WireName.Of(e.Type), WireName.Of(e.Urgency), e.Category, e.LoggedAt),
        WorkCompleted e => new WorkOrderCompletedV1(state.Id, state.ComplaintId, state.Unit.EstateId, e.CompletedAt, e.Amount, e.Rework, revision),
        ReworkOrdered e => new WorkOrderReworkOrderedV1(
            state.Id, state.ComplaintId, state.Unit.EstateId, WireName.Of(e.Reason), e.OrderedAt, e.NoticeDueAt, revision),
        WorkOrderClosed e => new WorkOrderClosedV1(state.Id, state.ComplaintId, state.Unit.EstateId, e.ClosedAt),
        WorkOrderCancelled e => new WorkOrderCancelledV1(state.Id, state.ComplaintId, state.Unit.EstateId, WireName.Of(e.Reason), e.CancelledAt),
        WorkOrderSlaBreached e => new WorkOrderSlaBreachedV1(
            state.Id, state.ComplaintId, state.Unit.EstateId, WireName.Of(e.Deadline), WireName.Of(state.Urgency), state.Category, e.DueAt, e.DetectedAt),
        MaterialsRequested e => new MaterialsRequestedV1(
            state.Id, e.RequestId, state.Unit.EstateId, e.TechnicianId,
            e.Lines.Select(l => new MaterialLineV1(l.ItemCode, l.Quantity, l.Unit)).ToList(), e.RequestedAt),
        WorkOrderHandedToBilling e => new WorkOrderBillingHandedOverV1(
            state.Id, state.Unit.EstateId, UnitOf(state.Unit), e.Amount, e.Currency, e.FeeStandardRef, e.CompletedAt),
        _ => null,
    };

    /// <summary>
    /// Every integration event of <paramref name="domainEvent"/>: its own, and for the completion of an order Fire safety
    /// asked for, the answer to that request (F7, F8).
    /// </summary>
    public static IReadOnlyList<object> MapAll(object domainEvent, WorkOrderState state, long? revision = null)
    {
        var message = Map(domainEvent, state, revision);
        if (domainEvent is WorkCompleted completed && state.FireSafetyWork is { } work)
            return [message!, new FireSafetyWorkCompletedV1(
                state.Id, work.RequestId, WireName.Of(work.Kind), work.HazardId, work.EquipmentId, state.Unit.EstateId, completed.CompletedAt)];
        return message is null ? [] : [message];
    }

    private static WorkOrderUnit UnitOf(UnitAddress unit) => new(unit.EstateId, unit.Building, unit.Entrance, unit.Room);
}
