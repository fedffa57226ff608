using System.Text;
using Platform.BuildingBlocks.EventSourcing;
using Platform.Contracts.Complaints;

namespace Platform.WorkOrders.Features;

/// <summary>
/// A complaint transferred with work needed opens a linked order (派工单, 002:52; flow F1). The order's id is derived
/// from the complaint's, so a redelivered message lands on the same stream and changes nothing.
/// </summary>
public sealed record OpenFromComplaint(
    Guid ComplaintId,
    UnitAddress Unit,
    string Category,
    string? WorkDescription,
    DateTimeOffset TransferredAt,
    WorkOrderPolicy Policy,
    Actor By) : IWorkOrderCommand
{
    public Guid WorkOrderId => WorkOrderIdFor(ComplaintId);

    public static Guid WorkOrderIdFor(Guid complaintId) =>
        DeterministicId.Create("work-order-for-complaint", complaintId.ToString());

    /// <summary>The command for a transferred complaint, or null when the complaint needs no physical work.</summary>
    public static OpenFromComplaint? From(ComplaintTransferredV1 message, WorkOrderPolicy policy) =>
        message.NeedsWork
            ? new OpenFromComplaint(
                message.ComplaintId,
                new UnitAddress(message.Unit.EstateId, message.Unit.Building, message.Unit.Entrance, message.Unit.Room),
                message.Category,
                message.WorkDescription,
                message.TransferredAt,
                policy,
                Actor.System)
            : null;

    public static Decision Decide(OpenFromComplaint command, WorkOrderState state, DateTimeOffset now)
    {
        if (!command.By.HasRole(Roles.System))
            return Rejection.Forbidden("role-not-allowed", "Orders are opened from complaints by the Complaints integration only.");
        if (state.Exists)
            return Decision.NoChange;
        if (command.ComplaintId == Guid.Empty)
            return Rejection.Invalid("complaint-reference-required", "complaintId", "The complaint id is required.");
        if (LogWorkOrder.ValidateUnit(command.Unit) is { } invalid)
            return invalid;

        var content = string.IsNullOrWhiteSpace(command.WorkDescription)
            ? $"Work needed for complaint ({command.Category})"
            : command.WorkDescription.Trim();
        var (urgency, source) = UrgencyClassifier.Suggest(content) is { } suggested
            ? (suggested, UrgencySource.Keywords)
            : (UrgencyClass.Other, UrgencySource.Default);
        // Deadlines run from the transfer, when the need arose, not from whenever the message was consumed.
        var openedAt = command.TransferredAt < now ? command.TransferredAt : now;

        return LogWorkOrder.Open(command.WorkOrderId, IntakeChannel.Complaint, WorkOrderType.Repair, command.Unit,
            reporter: null, residentId: null, command.ComplaintId, content, CategoryCode(command.Category),
            urgency, source, command.Policy, openedAt);
    }

    /// <summary>The complaint's category as a kebab-case code ("Water / Electricity" -> "water-electricity").</summary>
    internal static string CategoryCode(string? category)
    {
        var code = new StringBuilder();
        foreach (var c in (category ?? "").Trim().ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') code.Append(c);
            else if (code.Length > 0 && code[^1] != '-') code.Append('-');
        }
        var result = code.ToString().TrimEnd('-');
        return result.Length == 0 ? LogWorkOrder.DefaultCategory : result;
    }
}
