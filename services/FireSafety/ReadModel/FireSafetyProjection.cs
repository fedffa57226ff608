using Microsoft.Data.Sqlite;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.Projections;
using Platform.BuildingBlocks.ReadModels;
using Platform.FireSafety.DailyChecks;
using Platform.FireSafety.Drills;
using Platform.FireSafety.Equipment;
using Platform.FireSafety.Hazards;
using Platform.FireSafety.Incidents;
using Platform.FireSafety.Inspections;
using Platform.FireSafety.KeyLocations;
using Platform.FireSafety.Training;

namespace Platform.FireSafety.ReadModel;

/// <summary>
/// What the watchers and reports of Fire safety read: one row per key location, hazard, item of equipment (and per period
/// tested), inspection, drill, training, incident and daily check, each guarded by
/// its stream revision, and one row per patrol for the patrol log.
/// </summary>
public sealed class FireSafetyProjection : IProjection
{
    public const string ProjectionName = "firesafety.register";

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS fs_key_locations (
            key_location_id TEXT PRIMARY KEY, estate_id TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL, next_due_at TEXT NOT NULL,
            last_patrolled_at TEXT, missed INTEGER NOT NULL DEFAULT 0, revision INTEGER NOT NULL, position INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_fs_key_locations_due ON fs_key_locations (next_due_at);
        CREATE TABLE IF NOT EXISTS fs_patrols (
            patrol_id TEXT PRIMARY KEY, key_location_id TEXT NOT NULL, estate_id TEXT NOT NULL, patrolled_at TEXT NOT NULL, patrolled_by TEXT NOT NULL,
            has_findings INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_fs_patrols_at ON fs_patrols (estate_id, patrolled_at);
        CREATE TABLE IF NOT EXISTS fs_hazards (
            hazard_id TEXT PRIMARY KEY, estate_id TEXT NOT NULL, location TEXT NOT NULL, description TEXT NOT NULL, major INTEGER NOT NULL,
            electrical INTEGER NOT NULL, source TEXT NOT NULL, status TEXT NOT NULL, round INTEGER NOT NULL DEFAULT 0, responsible_unit TEXT,
            deadline TEXT, needs_work INTEGER NOT NULL DEFAULT 0, overdue_round INTEGER NOT NULL DEFAULT 0, recheck_due_by TEXT, source_id TEXT,
            found_at TEXT NOT NULL, closed_at TEXT, revision INTEGER NOT NULL, position INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_fs_hazards_deadline ON fs_hazards (deadline) WHERE status = 'rectification-ordered';
        CREATE INDEX IF NOT EXISTS ix_fs_hazards_source ON fs_hazards (source_id) WHERE source_id IS NOT NULL;
        CREATE TABLE IF NOT EXISTS fs_equipment (
            equipment_id TEXT PRIMARY KEY, estate_id TEXT NOT NULL, code TEXT NOT NULL, type TEXT NOT NULL, location TEXT NOT NULL,
            next_check_at TEXT NOT NULL, last_tested_period TEXT, overdue_periods INTEGER NOT NULL DEFAULT 0, defective INTEGER NOT NULL DEFAULT 0,
            repair_open INTEGER NOT NULL DEFAULT 0, revision INTEGER NOT NULL, position INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS fs_equipment_periods (
            equipment_id TEXT NOT NULL, period TEXT NOT NULL, tests INTEGER NOT NULL DEFAULT 0, defects INTEGER NOT NULL DEFAULT 0, overdue INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (equipment_id, period)
        );
        CREATE INDEX IF NOT EXISTS ix_fs_equipment_check ON fs_equipment (next_check_at);
        CREATE TABLE IF NOT EXISTS fs_inspections (
            inspection_id TEXT PRIMARY KEY, estate_id TEXT NOT NULL, month TEXT NOT NULL, department TEXT NOT NULL, signers INTEGER NOT NULL,
            signed INTEGER NOT NULL DEFAULT 0, notified_at TEXT, inspector_id TEXT NOT NULL, recorded_at TEXT NOT NULL, revision INTEGER NOT NULL,
            position INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS fs_drills (
            drill_id TEXT PRIMARY KEY, estate_id TEXT NOT NULL, kind TEXT NOT NULL, planned_for TEXT NOT NULL, status TEXT NOT NULL, conducted_at TEXT,
            participants INTEGER, plan_revised INTEGER NOT NULL DEFAULT 0, next_due_by TEXT, next_overdue INTEGER NOT NULL DEFAULT 0, revision INTEGER NOT NULL, position INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS fs_training (
            training_id TEXT PRIMARY KEY, estate_id TEXT NOT NULL, audience TEXT NOT NULL, topic TEXT NOT NULL, held_on TEXT NOT NULL, attendees INTEGER NOT NULL,
            exams_failed INTEGER NOT NULL, revision INTEGER NOT NULL, position INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_fs_training_held ON fs_training (estate_id, held_on);
        CREATE TABLE IF NOT EXISTS fs_exam_results (
            training_id TEXT NOT NULL, staff_id TEXT NOT NULL, estate_id TEXT NOT NULL, held_on TEXT NOT NULL, passed INTEGER NOT NULL,
            PRIMARY KEY (staff_id, training_id)
        );
        CREATE TABLE IF NOT EXISTS fs_incidents (
            incident_id TEXT PRIMARY KEY, estate_id TEXT NOT NULL, location TEXT NOT NULL, source TEXT NOT NULL, occurred_at TEXT NOT NULL, status TEXT NOT NULL,
            acknowledged_at TEXT, outcome TEXT, casualties INTEGER, revision INTEGER NOT NULL, position INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_fs_incidents_at ON fs_incidents (estate_id, occurred_at);
        CREATE TABLE IF NOT EXISTS fs_daily_checks (
            check_id TEXT PRIMARY KEY, estate_id TEXT NOT NULL, kind TEXT NOT NULL, day TEXT NOT NULL, checked_by TEXT NOT NULL, has_findings INTEGER NOT NULL,
            revision INTEGER NOT NULL, position INTEGER NOT NULL
        );
        """;

    public string Name => ProjectionName;

    /// <summary>2: hazards' re-checks and work, periods of equipment, drills, training, exam results, incidents and daily checks.</summary>
    public int SchemaVersion => 2;

    public void EnsureSchema(SqliteConnection connection, SqliteTransaction transaction) => RevisionGuardedRow.Run(connection, transaction, Schema);

    /// <summary>Drops the tables, so that a rebuild also brings a read model from an earlier schema up to this one.</summary>
    public void Reset(SqliteConnection connection, SqliteTransaction transaction) => RevisionGuardedRow.Run(connection, transaction, string.Concat(
        Tables.Select(table => $"DROP TABLE IF EXISTS {table};")));

    private static readonly string[] Tables =
    [
        "fs_key_locations", "fs_patrols", "fs_hazards", "fs_equipment", "fs_equipment_periods", "fs_inspections", "fs_drills", "fs_training", "fs_incidents",
        "fs_daily_checks", "fs_exam_results",
    ];

    public void Apply(SqliteConnection connection, SqliteTransaction transaction, RecordedEvent recorded, object @event)
    {
        var stream = recorded.StreamId;
        if (FireStreams.KeyLocations.Owns(stream))
            ApplyToKeyLocation(Row(connection, transaction, recorded, "fs_key_locations", "key_location_id", FireStreams.KeyLocations.IdOf(stream)), @event);
        else if (FireStreams.Hazards.Owns(stream))
            ApplyToHazard(Row(connection, transaction, recorded, "fs_hazards", "hazard_id", FireStreams.Hazards.IdOf(stream)), @event);
        else if (FireStreams.Equipment.Owns(stream))
            ApplyToEquipment(Row(connection, transaction, recorded, "fs_equipment", "equipment_id", FireStreams.Equipment.IdOf(stream)), @event);
        else if (FireStreams.Inspections.Owns(stream))
            ApplyToInspection(Row(connection, transaction, recorded, "fs_inspections", "inspection_id", FireStreams.Inspections.IdOf(stream)), @event);
        else if (FireStreams.Drills.Owns(stream))
            ApplyToDrill(Row(connection, transaction, recorded, "fs_drills", "drill_id", FireStreams.Drills.IdOf(stream)), @event);
        else if (FireStreams.Incidents.Owns(stream))
            ApplyToIncident(Row(connection, transaction, recorded, "fs_incidents", "incident_id", FireStreams.Incidents.IdOf(stream)), @event);
        else if (@event is TrainingRecorded training)
            ApplyTraining(Row(connection, transaction, recorded, "fs_training", "training_id", training.TrainingId), training);
        else if (@event is DailyCheckRecorded check)
            Row(connection, transaction, recorded, "fs_daily_checks", "check_id", check.CheckId).Insert(("estate_id", check.EstateId), ("kind", WireName.Of(check.Kind)),
                ("day", SqlValues.Day(check.Day)), ("checked_by", check.CheckedBy), ("has_findings", check.Findings is not null));
    }

    private static RevisionGuardedRow Row(SqliteConnection connection, SqliteTransaction transaction, RecordedEvent recorded, string table, string idColumn, Guid id) =>
        new(connection, transaction, table, idColumn, id.ToString(), recorded.StreamRevision, recorded.Position.Commit);

    private static void ApplyToKeyLocation(RevisionGuardedRow row, object @event)
    {
        switch (@event)
        {
            case KeyLocationDesignated e:
                row.Insert(("estate_id", e.EstateId), ("code", e.Code), ("name", e.Name), ("next_due_at", SqlValues.Instant(e.DesignatedAt + Features.RecordPatrol.Interval)));
                break;
            case PatrolRecorded e when row.Update("next_due_at = $a, last_patrolled_at = $b", SqlValues.Instant(e.NextDueAt), SqlValues.Instant(e.PatrolledAt)):
                row.Execute("""
                    INSERT OR IGNORE INTO fs_patrols SELECT $a, key_location_id, estate_id, $b, $c, $d FROM fs_key_locations WHERE key_location_id = $id;
                    """, e.PatrolId.ToString(), SqlValues.Instant(e.PatrolledAt), e.PatrolledBy, !string.IsNullOrWhiteSpace(e.Findings));
                break;
            case PatrolMissed e:
                row.Update("next_due_at = $a, missed = missed + 1", SqlValues.Instant(e.NextDueAt));
                break;
            default:
                row.Update(null);
                break;
        }
    }

    private static void ApplyToHazard(RevisionGuardedRow row, object @event)
    {
        switch (@event)
        {
            case HazardIdentified e:
                row.Insert(("estate_id", e.EstateId), ("location", e.Location), ("description", e.Description), ("major", e.Major), ("electrical", e.Electrical),
                    ("source", WireName.Of(e.Source)), ("source_id", e.SourceId?.ToString()), ("status", WireName.Of(HazardStatus.Identified)),
                    ("found_at", SqlValues.Instant(e.FoundAt)));
                break;
            case RectificationOrdered e:
                row.Update("status = $a, round = $b, responsible_unit = $c, deadline = $d, needs_work = $e, recheck_due_by = NULL",
                    WireName.Of(HazardStatus.RectificationOrdered), e.Round, e.ResponsibleUnit, SqlValues.Instant(e.Deadline), e.NeedsWork);
                break;
            case HazardRecheckScheduled e:
                row.Update("recheck_due_by = $a", SqlValues.Instant(e.DueBy));
                break;
            case HazardRectified:
                row.Update("status = $a", WireName.Of(HazardStatus.Rectified));
                break;
            case HazardRechecked { Passed: false }:
                row.Update("status = $a, recheck_due_by = NULL", WireName.Of(HazardStatus.Identified));
                break;
            case HazardRechecked:
                row.Update("recheck_due_by = NULL");
                break;
            case HazardOverdue e:
                row.Update("overdue_round = $a", e.Round);
                break;
            case HazardClosed e:
                row.Update("status = $a, closed_at = $b", WireName.Of(HazardStatus.Closed), SqlValues.Instant(e.ClosedAt));
                break;
            default:
                row.Update(null);
                break;
        }
    }

    private static void ApplyToEquipment(RevisionGuardedRow row, object @event)
    {
        switch (@event)
        {
            case EquipmentRegistered e:
                row.Insert(("estate_id", e.EstateId), ("code", e.Code), ("type", WireName.Of(e.Type)), ("location", e.Location),
                    ("next_check_at", SqlValues.Instant(e.NextCheckAt)));
                break;
            case EquipmentTested e when row.Update("last_tested_period = $a, defective = $b, next_check_at = $c", e.Period, e.Defect, SqlValues.Instant(e.NextCheckAt)):
                row.Execute("""
                    INSERT INTO fs_equipment_periods (equipment_id, period, tests, defects) VALUES ($id, $a, 1, $b)
                    ON CONFLICT (equipment_id, period) DO UPDATE SET tests = tests + 1, defects = defects + excluded.defects;
                    """, e.Period, e.Defect);
                break;
            case EquipmentTestOverdue e when row.Update("overdue_periods = overdue_periods + 1, next_check_at = $a", SqlValues.Instant(e.NextCheckAt)):
                row.Execute("""
                    INSERT INTO fs_equipment_periods (equipment_id, period, overdue) VALUES ($id, $a, 1) ON CONFLICT (equipment_id, period) DO UPDATE SET overdue = 1;
                    """, e.Period);
                break;
            case EquipmentRepairRequested:
                row.Update("defective = 1, repair_open = 1");
                break;
            case EquipmentRepaired:
                row.Update("defective = 0, repair_open = 0");
                break;
            case EquipmentChecked { Ok: false }:
                row.Update("defective = 1");
                break;
            default:
                row.Update(null);
                break;
        }
    }

    private static void ApplyToInspection(RevisionGuardedRow row, object @event)
    {
        switch (@event)
        {
            case InspectionRecorded e:
                row.Insert(("estate_id", e.EstateId), ("month", e.Month), ("department", e.Department), ("signers", e.RequiredSigners.Count),
                    ("inspector_id", e.InspectorId), ("recorded_at", SqlValues.Instant(e.RecordedAt)));
                break;
            case InspectionSigned:
                row.Update("signed = signed + 1");
                break;
            case InspectedDepartmentNotified e:
                row.Update("notified_at = $a", SqlValues.Instant(e.NotifiedAt));
                break;
            default:
                row.Update(null);
                break;
        }
    }

    private static void ApplyTraining(RevisionGuardedRow row, TrainingRecorded training)
    {
        row.Insert(("estate_id", training.EstateId), ("audience", WireName.Of(training.Audience)), ("topic", training.Topic),
            ("held_on", SqlValues.Day(training.HeldOn)), ("attendees", training.Attendees.Count), ("exams_failed", training.ExamResults.Count(r => !r.Passed)));
        foreach (var result in training.ExamResults)
            row.Execute("INSERT OR IGNORE INTO fs_exam_results VALUES ($id, $a, $b, $c, $d);", result.StaffId, training.EstateId, SqlValues.Day(training.HeldOn), result.Passed);
    }

    private static void ApplyToDrill(RevisionGuardedRow row, object @event)
    {
        switch (@event)
        {
            case DrillPlanned e:
                row.Insert(("estate_id", e.EstateId), ("kind", WireName.Of(e.Kind)), ("planned_for", SqlValues.Day(e.PlannedFor)), ("status", "planned"));
                break;
            case DrillBriefed:
                row.Update("status = 'briefed'");
                break;
            case DrillConducted e:
                row.Update("status = 'conducted', conducted_at = $a, participants = $b", SqlValues.Instant(e.ConductedAt), e.Participants);
                break;
            case DrillDebriefed e:
                row.Update("status = 'debriefed', plan_revised = $a", e.PlanRevision is not null);
                break;
            case DrillClosed e:
                row.Update("status = 'closed', next_due_by = $a", SqlValues.Day(e.NextDueBy));
                break;
            case NextDrillOverdue:
                row.Update("next_overdue = 1");
                break;
            default:
                row.Update(null);
                break;
        }
    }

    private static void ApplyToIncident(RevisionGuardedRow row, object @event)
    {
        switch (@event)
        {
            case IncidentReported e:
                row.Insert(("estate_id", e.EstateId), ("location", e.Location), ("source", WireName.Of(e.Source)), ("occurred_at", SqlValues.Instant(e.OccurredAt)),
                    ("status", WireName.Of(IncidentStatus.Reported)));
                break;
            case IncidentAcknowledged e:
                row.Update("status = $a, acknowledged_at = $b", WireName.Of(IncidentStatus.Acknowledged), SqlValues.Instant(e.AcknowledgedAt));
                break;
            case IncidentResolved e:
                row.Update("status = $a, outcome = $b, casualties = $c", WireName.Of(IncidentStatus.Resolved), WireName.Of(e.Outcome), e.Casualties);
                break;
            default:
                row.Update(null);
                break;
        }
    }
}
