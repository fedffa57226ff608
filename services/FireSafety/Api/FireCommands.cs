using System.Security.Claims;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.FireSafety.Alarms;
using Platform.FireSafety.DailyChecks;
using Platform.FireSafety.Drills;
using Platform.FireSafety.Equipment;
using Platform.FireSafety.Hazards;
using Platform.FireSafety.Incidents;
using Platform.FireSafety.Inspections;
using Platform.FireSafety.KeyLocations;
using Platform.FireSafety.Training;

namespace Platform.FireSafety.Api;

public sealed class KeyLocationCommands(CommandHandler<KeyLocationState, IKeyLocationCommand> handler) : HttpCommands<KeyLocationState, IKeyLocationCommand>(handler)
{
    protected override string ResourceName => "key-location";

    protected override string RoutePrefix => FireSafetyService.RoutePrefix + "/key-locations";

    public override string StreamFor(Guid id) => FireStreams.KeyLocations.For(id);

    public override bool CanSee(ClaimsPrincipal user, KeyLocationState state) => state.Exists && user.CanSeeEstate(state.EstateId);

    public override object Represent(KeyLocationState state, ClaimsPrincipal user) => KeyLocationView.From(state);
}

public sealed class HazardCommands(CommandHandler<HazardState, IHazardCommand> handler) : HttpCommands<HazardState, IHazardCommand>(handler)
{
    protected override string ResourceName => "hazard";

    protected override string RoutePrefix => FireSafetyService.RoutePrefix + "/hazards";

    public override string StreamFor(Guid id) => FireStreams.Hazards.For(id);

    public override bool CanSee(ClaimsPrincipal user, HazardState state) => state.Exists && user.CanSeeEstate(state.EstateId);

    public override object Represent(HazardState state, ClaimsPrincipal user) => HazardView.From(state);
}

public sealed class InspectionCommands(CommandHandler<InspectionState, IInspectionCommand> handler) : HttpCommands<InspectionState, IInspectionCommand>(handler)
{
    protected override string ResourceName => "inspection";

    protected override string RoutePrefix => FireSafetyService.RoutePrefix + "/inspections";

    public override string StreamFor(Guid id) => FireStreams.Inspections.For(id);

    public override bool CanSee(ClaimsPrincipal user, InspectionState state) => state.Exists && user.CanSeeEstate(state.EstateId);

    public override object Represent(InspectionState state, ClaimsPrincipal user) => InspectionView.From(state);
}

public sealed class EquipmentCommands(CommandHandler<EquipmentState, IEquipmentCommand> handler) : HttpCommands<EquipmentState, IEquipmentCommand>(handler)
{
    protected override string ResourceName => "equipment";

    protected override string RoutePrefix => FireSafetyService.RoutePrefix + "/equipment";

    public override string StreamFor(Guid id) => FireStreams.Equipment.For(id);

    public override bool CanSee(ClaimsPrincipal user, EquipmentState state) => state.Exists && user.CanSeeEstate(state.EstateId);

    public override object Represent(EquipmentState state, ClaimsPrincipal user) => EquipmentView.From(state);
}

public sealed record EquipmentView(
    Guid Id, string EstateId, string Code, string Type, int? OtherTestMonths, string Location, string Custodian, bool Sealed, bool Defective,
    bool RepairRequested, IReadOnlyList<string> TestedPeriods, IReadOnlyList<string> OverduePeriods, DateTimeOffset? LastCheckedAt)
{
    public static EquipmentView From(EquipmentState s) => new(
        s.Id, s.EstateId, s.Code, WireName.Of(s.Type), s.OtherTestMonths, s.Location, s.Custodian, s.Sealed, s.Defective, s.OpenRepair is not null,
        s.TestedPeriods.Order(StringComparer.Ordinal).ToList(), s.OverduePeriods.Order(StringComparer.Ordinal).ToList(), s.LastCheckedAt);
}

public sealed class DrillCommands(CommandHandler<DrillState, IDrillCommand> handler) : HttpCommands<DrillState, IDrillCommand>(handler)
{
    protected override string ResourceName => "drill";

    protected override string RoutePrefix => FireSafetyService.RoutePrefix + "/drills";

    public override string StreamFor(Guid id) => FireStreams.Drills.For(id);

    public override bool CanSee(ClaimsPrincipal user, DrillState state) => state.Exists && user.CanSeeEstate(state.EstateId);

    public override object Represent(DrillState state, ClaimsPrincipal user) => DrillView.From(state);
}

public sealed record DrillView(Guid Id, string EstateId, string Kind, DateOnly PlannedFor, string Plan, string Status, DateTimeOffset? ConductedAt, string? PlanRevision,
    DateOnly? NextDueBy)
{
    public static DrillView From(DrillState s) =>
        new(s.Id, s.EstateId, WireName.Of(s.Kind), s.PlannedFor, s.Plan, WireName.Of(s.Status), s.ConductedAt, s.PlanRevision, s.NextDueBy);
}

public sealed class TrainingCommands(CommandHandler<TrainingState, ITrainingCommand> handler) : HttpCommands<TrainingState, ITrainingCommand>(handler)
{
    protected override string ResourceName => "training";

    protected override string RoutePrefix => FireSafetyService.RoutePrefix + "/training";

    public override string StreamFor(Guid id) => FireStreams.Training.For(id);

    public override bool CanSee(ClaimsPrincipal user, TrainingState state) => state.Exists && user.CanSeeEstate(state.Record!.EstateId);

    public override object Represent(TrainingState state, ClaimsPrincipal user) => TrainingView.From(state.Record!);
}

public sealed record ExamResultView(string StaffId, bool Passed);

public sealed record TrainingView(Guid Id, string EstateId, string Audience, string Topic, DateOnly HeldOn, string Trainer, IReadOnlyList<string> Attendees,
    IReadOnlyList<ExamResultView> ExamResults)
{
    public static TrainingView From(TrainingRecorded r) => new(r.TrainingId, r.EstateId, WireName.Of(r.Audience), r.Topic, r.HeldOn, r.Trainer, r.Attendees,
        r.ExamResults.Select(e => new ExamResultView(e.StaffId, e.Passed)).ToList());
}

public sealed record KeyLocationView(
    Guid Id, string EstateId, string Code, string Name, string Kind, string ResponsibleDepartment, string ResponsiblePerson, DateTimeOffset? LastPatrolledAt,
    DateTimeOffset NextDueAt, int Patrols, int Missed)
{
    public static KeyLocationView From(KeyLocationState s) => new(
        s.Id, s.EstateId, s.Code, s.Name, WireName.Of(s.Kind), s.ResponsibleDepartment, s.ResponsiblePerson, s.LastPatrolledAt, s.NextDueAt, s.Patrols, s.Missed);
}

public sealed record InterimMeasureView(string Measure, string RecordedBy, DateTimeOffset RecordedAt);

public sealed record HazardView(
    Guid Id, string EstateId, string Location, string Description, bool Major, bool Electrical, bool StopUse, string Source, Guid? SourceId, string Status,
    int Round, string? ResponsibleUnit, DateTimeOffset? Deadline, bool NeedsWork, bool Overdue, DateTimeOffset? RecheckDueBy, IReadOnlyList<InterimMeasureView> InterimMeasures,
    IReadOnlyList<string> Escalations, bool AwaitsAuthorityReply)
{
    public static HazardView From(HazardState s) => new(
        s.Id, s.EstateId, s.Location, s.Description, s.Major, s.Electrical, s.StopUse, WireName.Of(s.Source), s.SourceId, WireName.Of(s.Status), s.Round,
        s.ResponsibleUnit, s.Deadline, s.NeedsWork, s.OverdueRounds.Contains(s.Round), s.RecheckDueBy, s.InterimMeasures.Select(m => new InterimMeasureView(m.Measure, m.RecordedBy, m.RecordedAt)).ToList(),
        s.Escalations.Select(e => WireName.Of(e)).ToList(), s.AwaitsAuthorityReply && s.IsOpen);
}

public sealed record InspectionView(
    Guid Id, string EstateId, string Month, string Department, string InspectorId, string Findings, IReadOnlyList<string> RequiredSigners,
    IReadOnlyList<string> MissingSigners, bool Signed, IReadOnlyList<Guid> RecheckedHazards, DateTimeOffset? NotifiedAt)
{
    public static InspectionView From(InspectionState s) => new(
        s.Id, s.EstateId, s.Month, s.Department, s.InspectorId, s.Findings, s.RequiredSigners, s.MissingSigners, s.FullySigned, s.RecheckedHazards, s.NotifiedAt);
}

public sealed class IncidentCommands(CommandHandler<IncidentState, IIncidentCommand> handler) : HttpCommands<IncidentState, IIncidentCommand>(handler)
{
    protected override string ResourceName => "incident";

    protected override string RoutePrefix => FireSafetyService.RoutePrefix + "/incidents";

    public override string StreamFor(Guid id) => FireStreams.Incidents.For(id);

    public override bool CanSee(ClaimsPrincipal user, IncidentState state) => state.Exists && user.CanSeeEstate(state.Report!.EstateId);

    public override object Represent(IncidentState state, ClaimsPrincipal user) => IncidentView.From(state);
}

public sealed record IncidentView(
    Guid Id, string EstateId, string Location, string Source, string? DeviceId, Guid? EquipmentId, string Description, DateTimeOffset OccurredAt, string Status,
    string? AcknowledgedBy, DateTimeOffset? AcknowledgedAt, string? Outcome, string? Note, int? Casualties, DateTimeOffset? ResolvedAt)
{
    public static IncidentView From(IncidentState s)
    {
        var r = s.Report!;
        return new(r.IncidentId, r.EstateId, r.Location, WireName.Of(r.Source), r.DeviceId, r.EquipmentId, r.Description, r.OccurredAt, WireName.Of(s.Status),
            s.Acknowledgement?.AcknowledgedBy, s.Acknowledgement?.AcknowledgedAt, s.Resolution is { } o ? WireName.Of(o.Outcome) : null, s.Resolution?.Note,
            s.Resolution?.Casualties, s.Resolution?.ResolvedAt);
    }
}

public sealed class AlarmDeviceCommands(CommandHandler<AlarmDeviceState, IAlarmDeviceCommand> handler) : HttpCommands<AlarmDeviceState, IAlarmDeviceCommand>(handler)
{
    protected override string ResourceName => "alarm-device";

    protected override string RoutePrefix => FireSafetyService.RoutePrefix + "/alarm-devices";

    public override string StreamFor(Guid id) => FireStreams.AlarmDevices.For(id);

    public override bool CanSee(ClaimsPrincipal user, AlarmDeviceState state) => state.Exists && user.CanSeeEstate(state.EstateId);

    public override object Represent(AlarmDeviceState state, ClaimsPrincipal user) => new AlarmDeviceView(state.DeviceId, state.EquipmentId, state.EstateId, state.Location);
}

public sealed record AlarmDeviceView(string DeviceId, Guid EquipmentId, string EstateId, string Location);

public sealed class DailyCheckCommands(CommandHandler<DailyCheckState, IDailyCheckCommand> handler) : HttpCommands<DailyCheckState, IDailyCheckCommand>(handler)
{
    protected override string ResourceName => "daily-check";

    protected override string RoutePrefix => FireSafetyService.RoutePrefix + "/daily-checks";

    public override string StreamFor(Guid id) => FireStreams.DailyChecks.For(id);

    public override bool CanSee(ClaimsPrincipal user, DailyCheckState state) => state.Exists && user.CanSeeEstate(state.Record!.EstateId);

    public override object Represent(DailyCheckState state, ClaimsPrincipal user) => DailyCheckView.From(state.Record!);
}

public sealed record DailyCheckView(Guid Id, string EstateId, string Kind, DateOnly Day, string? Findings, string CheckedBy, DateTimeOffset CheckedAt)
{
    public static DailyCheckView From(DailyCheckRecorded r) => new(r.CheckId, r.EstateId, WireName.Of(r.Kind), r.Day, r.Findings, r.CheckedBy, r.CheckedAt);
}
