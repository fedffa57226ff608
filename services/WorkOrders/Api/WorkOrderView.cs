using Platform.BuildingBlocks.EventSourcing;
using System.Security.Claims;
using Platform.BuildingBlocks.Security;

namespace Platform.WorkOrders.Api;

/// <summary>A work order as the API shows it, with the reporter masked for roles that do not handle it.</summary>
public sealed record WorkOrderView(
    Guid Id,
    string EstateId,
    UnitView Unit,
    ReporterView? Reporter,
    string? ResidentId,
    Guid? ComplaintId,
    string Channel,
    string Type,
    string Content,
    string Category,
    string Urgency,
    string UrgencySource,
    string Status,
    string? TechnicianId,
    DateTimeOffset? AppointmentAt,
    DateTimeOffset LoggedAt,
    DateTimeOffset? HandleDueAt,
    DateTimeOffset? RepairDueAt,
    bool WorkStarted,
    QuoteView? Quote,
    bool Paid,
    decimal? Amount,
    DateTimeOffset? CompletedAt,
    IReadOnlyList<FollowUpView> FollowUps,
    ReworkView? OpenRework,
    IReadOnlyList<RectificationNoticeView> RectificationNotices,
    IReadOnlyList<string> SlaBreaches,
    IReadOnlyList<MaterialUsedView> MaterialsUsed,
    DateTimeOffset? ClosedAt,
    FireSafetyWorkView? FireSafety)
{
    public static WorkOrderView From(WorkOrderState s, ClaimsPrincipal user) => new(
        s.Id,
        s.Unit.EstateId,
        new UnitView(s.Unit.Building, s.Unit.Entrance, s.Unit.Room),
        s.Reporter is null ? null : ReporterView.From(s.Reporter, Access.MaySeeReporter(user, s)),
        s.ResidentId,
        s.ComplaintId,
        WireName.Of(s.Channel),
        WireName.Of(s.Type),
        s.Content,
        s.Category,
        WireName.Of(s.Urgency),
        WireName.Of(s.UrgencySource),
        WireName.Of(s.Status),
        s.TechnicianId,
        s.AppointmentAt,
        s.LoggedAt,
        s.HandleDueAt,
        s.RepairDueAt,
        s.WorkHasStarted,
        s.Quote is { } q ? new QuoteView(q.Amount, q.FeeStandardRef, q.Accepted) : null,
        s.IsPaid,
        s.Amount,
        s.LastCompletedAt,
        s.FollowUps.OrderBy(f => f.Sequence)
            .Select(f => new FollowUpView(f.Sequence, WireName.Of(f.Trigger), f.DueAt, f.Outcome is { } o ? WireName.Of(o) : null)).ToList(),
        s.OpenRework is { } r ? new ReworkView(r.FollowUpSequence, WireName.Of(r.Reason), r.NoticeDueAt, r.NoticeIssuedAt) : null,
        s.RectificationNotices.Select(n => new RectificationNoticeView(n.NoticeId, n.ResponsibleUnit, n.ReplyDueAt, n.RepliedAt)).ToList(),
        s.Breaches.Select(BreachCode).Order(StringComparer.Ordinal).ToList(),
        s.MaterialsUsed.Select(m => new MaterialUsedView(m.RequisitionId, m.ItemCode, m.Quantity, m.Unit, m.UnitCost)).ToList(),
        s.ClosedAt,
        s.FireSafetyWork is { } f ? new FireSafetyWorkView(f.RequestId, WireName.Of(f.Kind), f.HazardId, f.EquipmentId) : null);

    /// <summary>"FollowUp:1" as the API spells it: "follow-up:1".</summary>
    private static string BreachCode(string key)
    {
        var parts = key.Split(':', 2);
        return Enum.TryParse<SlaDeadline>(parts[0], out var deadline)
            ? WireName.Of(deadline) + (parts.Length > 1 ? ":" + parts[1] : "")
            : key;
    }
}

public sealed record UnitView(string Building, string? Entrance, string? Room);

/// <summary>Material Inventory issued for the order (F5), at its unit cost in yuan.</summary>
public sealed record MaterialUsedView(Guid RequisitionId, string ItemCode, decimal Quantity, string Unit, decimal UnitCost);

public sealed record ReporterView(string? Name, string? Phone, bool Masked)
{
    public static ReporterView From(Reporter reporter, bool full) => full
        ? new(reporter.Name, reporter.Phone, false)
        : new(reporter.Name is { } name ? PersonalData.MaskName(name) : null,
              reporter.Phone is { } phone ? PersonalData.MaskPhone(phone) : null, true);
}

public sealed record QuoteView(decimal Amount, string FeeStandardRef, bool Accepted);

public sealed record FollowUpView(int Sequence, string Trigger, DateTimeOffset? DueAt, string? Outcome);

public sealed record ReworkView(int FollowUpSequence, string Reason, DateTimeOffset NoticeDueAt, DateTimeOffset? NoticeIssuedAt);

public sealed record RectificationNoticeView(Guid NoticeId, string ResponsibleUnit, DateTimeOffset ReplyDueAt, DateTimeOffset? RepliedAt);

/// <summary>The Fire-safety request an order was opened for (F7, F8): its completion answers it.</summary>
public sealed record FireSafetyWorkView(Guid RequestId, string Kind, Guid? HazardId, Guid? EquipmentId);
