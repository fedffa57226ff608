using Platform.BuildingBlocks.EventSourcing;
using Platform.Contracts.FireSafety;

namespace Platform.WorkOrders.Features;

/// <summary>
/// Fire safety's request for physical work opens an order (brief 7.5): a hazard's rectification, due at the deadline the
/// inspector gave (F7, 000:646), or the repair of defective equipment (F8, 「发现异常及时安排维修」 000:632), due by the
/// estate's policy. The order's id is derived from the request's, so a redelivered request changes nothing. The location
/// is the common area the work is in, so it stands as the building, with no entrance or room.
/// </summary>
public sealed record OpenFromFireSafety(
    Guid RequestId,
    FireSafetyWorkKind Kind,
    Guid? HazardId,
    Guid? EquipmentId,
    UnitAddress Unit,
    string Description,
    DateTimeOffset? DueAt,
    DateTimeOffset RequestedAt,
    WorkOrderPolicy Policy,
    Actor By) : IWorkOrderCommand
{
    public const string Category = "fire-safety";

    public Guid WorkOrderId => WorkOrderIdFor(RequestId);

    public static Guid WorkOrderIdFor(Guid requestId) => DeterministicId.Create("work-order-for-fire-safety", requestId.ToString());

    public static OpenFromFireSafety From(FireSafetyWorkRequestedV1 message, FireSafetyWorkKind kind, WorkOrderPolicy policy) => new(
        message.RequestId,
        kind,
        message.HazardId,
        message.EquipmentId,
        new UnitAddress(message.EstateId, message.Location, null, null),
        message.Description,
        message.DueAt,
        message.RequestedAt,
        policy,
        Actor.System);

    public static Decision Decide(OpenFromFireSafety command, WorkOrderState state, DateTimeOffset now)
    {
        if (!command.By.HasRole(Roles.System))
            return Rejection.Forbidden("role-not-allowed", "Orders for fire safety are opened by its integration only.");
        if (state.Exists)
            return Decision.NoChange;
        var subject = command.Kind == FireSafetyWorkKind.HazardRectification ? command.HazardId : command.EquipmentId;
        if (subject is null || subject == Guid.Empty)
            return command.Kind == FireSafetyWorkKind.HazardRectification
                ? Rejection.Invalid("hazard-reference-required", "hazardId", "A rectification order names its hazard.")
                : Rejection.Invalid("equipment-reference-required", "equipmentId", "A repair names the equipment.");
        var invalid = LogWorkOrder.ValidateUnit(command.Unit) ?? WorkOrderRules.Required(command.Description, "description", "description-required");
        if (invalid is not null) return invalid;

        var openedAt = command.RequestedAt < now ? command.RequestedAt : now;
        var content = command.Kind == FireSafetyWorkKind.HazardRectification
            ? $"Fire hazard rectification: {command.Description.Trim()}"
            : $"Fire equipment repair: {command.Description.Trim()}";
        return Decision.Accept(
            LogWorkOrder.Logged(command.WorkOrderId, IntakeChannel.FireSafety, WorkOrderType.Repair, command.Unit, reporter: null, residentId: null,
                complaintId: null, content, Category, UrgencyClass.SafetyFacility, UrgencySource.Default, command.Policy, openedAt, command.DueAt),
            new FireSafetyWorkLinked(command.RequestId, command.Kind, command.HazardId, command.EquipmentId));
    }
}
