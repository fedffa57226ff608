using Platform.BuildingBlocks.EventSourcing;
using Platform.Contracts.Inventory;

namespace Platform.WorkOrders.Features;

/// <summary>
/// Inventory issued material for the order (F5): the order shows what was used. Only the system records it, from
/// Inventory's event, whatever the order's state (material is sometimes issued after completion); each issue once.
/// </summary>
public sealed record RecordMaterialsIssued(Guid WorkOrderId, Guid IssueId, Guid RequisitionId, IReadOnlyList<MaterialUsed> Lines, DateTimeOffset IssuedAt, Actor By)
    : IWorkOrderCommand
{
    public static RecordMaterialsIssued From(MaterialsIssuedV1 message) => new(
        message.WorkOrderId!.Value, message.IssueId, message.RequisitionId,
        message.Lines.Select(l => new MaterialUsed(message.RequisitionId, l.ItemCode, l.Quantity, l.Unit, l.UnitCost)).ToList(), message.IssuedAt, Actor.System);

    public static Decision Decide(RecordMaterialsIssued command, WorkOrderState state, DateTimeOffset now)
    {
        if (!command.By.HasRole(Roles.System))
            return Rejection.Forbidden("materials-recorded-by-inventory", "Materials used are recorded from Inventory's issue.");
        if (WorkOrderRules.MustExist(state) is { } missing) return missing;
        return state.MaterialIssues.Contains(command.IssueId)
            ? Decision.NoChange
            : Decision.Accept(new MaterialsIssued(command.IssueId, command.RequisitionId, command.Lines, command.IssuedAt));
    }
}
