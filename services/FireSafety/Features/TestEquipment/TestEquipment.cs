using Platform.BuildingBlocks.EventSourcing;
using Platform.FireSafety.Equipment;

namespace Platform.FireSafety.Features;

/// <summary>Equipment enters the register with its custodian (000:643) and the site store that replaces it (000:642).</summary>
/// <param name="OtherTestMonths">For other equipment, its own test period in months (1, 2, 3, 4, 6 or 12; 000:638).</param>
public sealed record RegisterEquipment(
    Guid EquipmentId, string EstateId, string Code, EquipmentType Type, int? OtherTestMonths, string Location, string Custodian, bool Sealed,
    string SiteStoreCode, string ItemCode, TimeZoneInfo Zone, Actor By) : IEquipmentCommand
{
    public static Decision Decide(RegisterEquipment command, EquipmentState state, DateTimeOffset now)
    {
        var invalid = CommandRules.RequireRole(command.By, FireRoles.Officers, "equipment-by-the-fire-officer", "The fire-safety officer keeps the equipment register.")
            ?? CommandRules.RequireText(command.EstateId, "estateId", "The estate")
            ?? CommandRules.RequireText(command.Code, "code", "The equipment's code")
            ?? CommandRules.RequireText(command.Location, "location", "Where the equipment is")
            ?? CommandRules.RequireText(command.Custodian, "custodian", "The person who keeps it (000:643)")
            ?? CommandRules.RequireText(command.SiteStoreCode, "siteStoreCode", "The site store that replaces it")
            ?? CommandRules.RequireText(command.ItemCode, "itemCode", "Its item code in the stores")
            ?? (command.Type == EquipmentType.Other && (command.OtherTestMonths is not { } m || !TestCalendar.IsValidOtherMonths(m))
                ? Rejection.Invalid("test-period-required", "otherTestMonths", "Other equipment has its own test period: 1, 2, 3, 4, 6 or 12 months (000:638).")
                : null);
        if (invalid is not null) return invalid;
        if (state.Exists)
            return state.Type == command.Type && state.Location == command.Location.Trim()
                ? Decision.NoChange
                : Rejection.Conflict("equipment-exists", $"Equipment {state.Code} is registered already.");
        return Decision.Accept(new EquipmentRegistered(command.EquipmentId, command.EstateId.Trim(), command.Code.Trim().ToUpperInvariant(), command.Type,
            command.Type == EquipmentType.Other ? command.OtherTestMonths : null, command.Location.Trim(), command.Custodian.Trim(), command.Sealed,
            command.SiteStoreCode.Trim().ToUpperInvariant(), command.ItemCode.Trim().ToUpperInvariant(),
            TestCalendar.EndOfNextPeriod(command.Type, command.OtherTestMonths, now, command.Zone), now));
    }
}

/// <summary>The dedicated administrator's daily check of the equipment's state and seal (000:631).</summary>
public sealed record CheckEquipment(Guid EquipmentId, bool Ok, bool Sealed, string? Note, Actor By) : IEquipmentCommand
{
    public static Decision Decide(CheckEquipment command, EquipmentState state, DateTimeOffset now) =>
        CommandRules.RequireRole(command.By, FireRoles.Patrollers, "checked-by-the-administrator", "The equipment administrator checks it daily.")
        ?? (!command.Ok && string.IsNullOrWhiteSpace(command.Note) ? Rejection.Invalid("note-required", "note", "Say what is wrong.") : null)
        ?? Decision.Accept([
            new EquipmentChecked(command.Ok, command.Sealed, command.Note?.Trim(), command.By.Id, now),
            .. command.Ok ? [] : RecordEquipmentRepair.Request(state, command.Note!.Trim(), now)]);
}

/// <summary>
/// A test in the current calendar period of the equipment's type (S39, decision 10): OK, or a defect, which needs a note.
/// A defect opens a repair work order (F8). The test belongs to the period it was made in; a second test in one period is recorded too (a re-test after repair).
/// </summary>
public sealed record TestEquipment(Guid EquipmentId, bool Defect, string? Note, TimeZoneInfo Zone, Actor By) : IEquipmentCommand
{
    public static Decision Decide(TestEquipment command, EquipmentState state, DateTimeOffset now)
    {
        var invalid = CommandRules.RequireRole(command.By, FireRoles.Patrollers, "tested-by-fire-staff", "The fire-safety staff test equipment.")
            ?? (command.Defect && string.IsNullOrWhiteSpace(command.Note) ? Rejection.Invalid("note-required", "note", "A defect says what is wrong.") : null);
        if (invalid is not null) return invalid;
        var period = TestCalendar.PeriodOf(state.Type, state.OtherTestMonths, now, command.Zone);
        var next = TestCalendar.EndOfNextPeriod(state.Type, state.OtherTestMonths, now, command.Zone);
        return Decision.Accept([
            new EquipmentTested(period.Label, command.Defect, command.Note?.Trim(), command.By.Id, next > state.NextCheckAt ? next : state.NextCheckAt, now),
            .. command.Defect ? RecordEquipmentRepair.Request(state, command.Note!.Trim(), now) : []]);
    }
}

/// <summary>
/// The watcher's check (S39): the period that ended last passed without a test, so the equipment is overdue for it, once.
/// Periods that began before the equipment was registered are not asked for.
/// </summary>
public sealed record MarkTestOverdue(Guid EquipmentId, TimeZoneInfo Zone, Actor By) : IEquipmentCommand
{
    public static Decision Decide(MarkTestOverdue command, EquipmentState state, DateTimeOffset now)
    {
        var ended = TestCalendar.Previous(state.Type, state.OtherTestMonths, TestCalendar.PeriodOf(state.Type, state.OtherTestMonths, now, command.Zone), command.Zone);
        if (ended.Start < state.RegisteredAt || state.TestedPeriods.Contains(ended.Label) || state.OverduePeriods.Contains(ended.Label)) return Decision.NoChange;
        return Decision.Accept(new EquipmentTestOverdue(ended.Label, ended.End, TestCalendar.EndOfNextPeriod(state.Type, state.OtherTestMonths, ended.Start, command.Zone), now));
    }
}

/// <summary>Lost or damaged equipment (000:642): replaced at once from the site store, and reported to the leader named.</summary>
public sealed record ReportEquipmentLoss(Guid EquipmentId, Guid ReportId, string Loss, int Quantity, string ReportedToLeader, Actor By) : IEquipmentCommand
{
    public static Decision Decide(ReportEquipmentLoss command, EquipmentState state, DateTimeOffset now)
    {
        var invalid = CommandRules.RequireRole(command.By, FireRoles.Staff, "reported-by-staff", "The staff report lost or damaged equipment.")
            ?? (command.Loss is "lost" or "damaged" ? null : Rejection.Invalid("loss-invalid", "loss", "Say whether it was lost or damaged."))
            ?? (command.Quantity is > 0 and <= 1000 ? null : Rejection.Invalid("quantity-invalid", "quantity", "A quantity is 1 to 1,000."))
            ?? CommandRules.RequireText(command.ReportedToLeader, "reportedToLeader", "The leader it is reported to (上报领导, 000:642)");
        if (invalid is not null) return invalid;
        return state.LossReports.Contains(command.ReportId)
            ? Decision.NoChange
            : Decision.Accept(new EquipmentLostOrDamaged(command.ReportId, command.Loss, command.Quantity, command.ReportedToLeader.Trim(), command.By.Id, now));
    }
}
