using Platform.BuildingBlocks.EventSourcing;

namespace Platform.WorkOrders.Features;

/// <summary>
/// The technician asks for material; Inventory turns it into a requisition that is issued after its three
/// signatures (F5, 000:157). Not before the owner accepted a quote: paid work must not consume stock on spec.
/// </summary>
public sealed record RequestMaterials(Guid WorkOrderId, IReadOnlyList<MaterialLine> Lines, Actor By) : IWorkOrderCommand
{
    public static Decision Decide(RequestMaterials command, WorkOrderState state, DateTimeOffset now)
    {
        var rejected = WorkOrderRules.MustExist(state)
            ?? WorkOrderRules.AssignedTechnicianOnly(command.By, state, "request materials")
            ?? ValidateLines(command.Lines)
            ?? WorkOrderRules.MustBeOpen(state);
        if (rejected is not null) return rejected;

        if (state.Status == WorkOrderStatus.AwaitingQuoteAcceptance || (state.Status == WorkOrderStatus.OnSite && state.IsPaid && state.Quote is not { Accepted: true }))
            return Rejection.Conflict("work-before-quote-accepted", "The owner has not accepted a quote for this paid work yet.");
        if (state.Status is not (WorkOrderStatus.OnSite or WorkOrderStatus.InProgress))
            return Rejection.Conflict("materials-need-work-on-site", "Materials are requested by the technician on site, before completion.");

        // Deterministic, so the same stream state always names the request the same way.
        var requestId = DeterministicId.Create("materials-request", state.Id.ToString(), (state.MaterialsRequests + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var lines = command.Lines.Select(l => new MaterialLine(l.ItemCode.Trim(), l.Quantity, l.Unit.Trim())).ToList();
        return Decision.Accept(new MaterialsRequested(requestId, command.By.Id, lines, now));
    }

    private static Rejection? ValidateLines(IReadOnlyList<MaterialLine>? lines)
    {
        if (lines is null || lines.Count == 0)
            return Rejection.Invalid("materials-lines-required", "lines", "At least one material line is required.");
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var invalid = WorkOrderRules.Required(line.ItemCode, $"lines[{i}].itemCode", "item-code-required")
                ?? (line.Quantity > 0 ? null : Rejection.Invalid("quantity-invalid", $"lines[{i}].quantity", "The quantity must be positive."))
                ?? WorkOrderRules.Required(line.Unit, $"lines[{i}].unit", "unit-of-measure-required");
            if (invalid is not null) return invalid;
        }
        return null;
    }
}
