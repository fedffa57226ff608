using Platform.BuildingBlocks.Security;
using Platform.BuildingBlocks.EventSourcing;

namespace Platform.WorkOrders.Features;

/// <summary>
/// Log a repair or special-service request (001:269, 004:258). Accepted at any hour on every channel (001:199, S21).
/// <paramref name="Urgency"/> is the caller's classification; without one the keyword classifier suggests it.
/// </summary>
public sealed record LogWorkOrder(
    Guid WorkOrderId,
    IntakeChannel Channel,
    WorkOrderType Type,
    UnitAddress Unit,
    Reporter? Reporter,
    Guid? ComplaintId,
    string Content,
    string? Category,
    UrgencyClass? Urgency,
    WorkOrderPolicy Policy,
    Actor By) : IWorkOrderCommand
{
    public const string DefaultCategory = "general";

    public static Decision Decide(LogWorkOrder command, WorkOrderState state, DateTimeOffset now)
    {
        var by = command.By;
        var isStaff = by.HasAnyRole(WorkOrderRoles.Staff);
        var isResident = !isStaff && by.HasRole(Roles.Resident);
        if (!isStaff && !isResident)
            return Rejection.Forbidden("role-not-allowed", "Only customer-service staff or a resident may log a work order.");
        if (isResident && command.Channel != IntakeChannel.ResidentApp)
            return Rejection.Invalid("channel-not-allowed", "channel", "A resident logs requests through the resident app.");
        if (command.Channel == IntakeChannel.FireSafety)
            return Rejection.Invalid("channel-not-allowed", "channel", "Fire safety's orders are opened by its requests, not logged by hand.");
        if (isResident && command.Urgency is not null)
            return Rejection.Forbidden("urgency-set-by-staff", "The urgency class is set by staff; residents describe the problem.");

        var category = string.IsNullOrWhiteSpace(command.Category) ? DefaultCategory : command.Category.Trim().ToLowerInvariant();
        var invalid = ValidateUnit(command.Unit)
            ?? WorkOrderRules.Required(command.Content, "content", "content-required")
            ?? (WorkOrderRules.IsCategoryCode(category) ? null : Rejection.Invalid("category-invalid", "category", "The category is a kebab-case code such as 'gas-fault'."))
            ?? ValidateReporter(command);
        if (invalid is not null) return invalid;

        if (state.Exists)
            return Rejection.Conflict("work-order-exists", "A work order with this id is already logged.");

        var (urgency, source) = command.Urgency is { } given
            ? (given, UrgencySource.Caller)
            : UrgencyClassifier.Suggest(command.Content) is { } suggested
                ? (suggested, UrgencySource.Keywords)
                : (UrgencyClass.Other, UrgencySource.Default);

        return Open(command.WorkOrderId, command.Channel, command.Type, command.Unit, command.Reporter,
            isResident ? by.Id : null, command.ComplaintId, command.Content.Trim(), category, urgency, source, command.Policy, now);
    }

    internal static Rejection? ValidateUnit(UnitAddress? unit) =>
        unit is null
            ? Rejection.Invalid("unit-required", "unit", "The unit address is required.")
            : WorkOrderRules.Required(unit.EstateId, "unit.estateId", "unit-estate-required")
              ?? WorkOrderRules.Required(unit.Building, "unit.building", "unit-building-required");

    /// <summary>
    /// Name and phone are required (004:258), except when the order comes from a complaint (the complaint holds them)
    /// or from a staff patrol (the patrolling staff member is the actor).
    /// </summary>
    private static Rejection? ValidateReporter(LogWorkOrder command)
    {
        if (command.Channel == IntakeChannel.Complaint)
            return command.ComplaintId is null || command.ComplaintId == Guid.Empty
                ? Rejection.Invalid("complaint-reference-required", "complaintId", "An order from a complaint names the complaint.")
                : null;

        var phone = command.Reporter?.Phone;
        if (command.Channel == IntakeChannel.StaffPatrol)
            return phone is not null && !PersonalData.IsPlausiblePhone(phone) ? PhoneInvalid() : null;

        return WorkOrderRules.Required(command.Reporter?.Name, "reporter.name", "reporter-name-required")
            ?? WorkOrderRules.Required(phone, "reporter.phone", "reporter-phone-required")
            ?? (PersonalData.IsPlausiblePhone(phone!) ? null : PhoneInvalid());

        static Rejection PhoneInvalid() => Rejection.Invalid("reporter-phone-invalid", "reporter.phone", "The phone number is not valid.");
    }

    internal static Decision Open(
        Guid workOrderId, IntakeChannel channel, WorkOrderType type, UnitAddress unit, Reporter? reporter, string? residentId,
        Guid? complaintId, string content, string category, UrgencyClass urgency, UrgencySource source,
        WorkOrderPolicy policy, DateTimeOffset loggedAt) =>
        Decision.Accept(Logged(workOrderId, channel, type, unit, reporter, residentId, complaintId, content, category, urgency, source, policy, loggedAt));

    /// <param name="repairDueAt">A due date the requester set (a hazard's deadline), in place of the policy's.</param>
    internal static WorkOrderLogged Logged(
        Guid workOrderId, IntakeChannel channel, WorkOrderType type, UnitAddress unit, Reporter? reporter, string? residentId,
        Guid? complaintId, string content, string category, UrgencyClass urgency, UrgencySource source,
        WorkOrderPolicy policy, DateTimeOffset loggedAt, DateTimeOffset? repairDueAt = null)
    {
        var sla = policy.SlaFor(category, urgency);
        return new WorkOrderLogged(
            workOrderId, channel, type, unit, reporter, residentId, complaintId, content, category, urgency, source,
            loggedAt + sla.HandleWithin, repairDueAt ?? loggedAt + sla.RepairWithin, loggedAt);
    }
}
