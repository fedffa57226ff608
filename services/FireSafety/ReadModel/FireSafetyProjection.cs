using Microsoft.Data.Sqlite;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.Projections;
using Platform.BuildingBlocks.ReadModels;
using Platform.FireSafety.Equipment;
using Platform.FireSafety.Hazards;
using Platform.FireSafety.Inspections;
using Platform.FireSafety.KeyLocations;

namespace Platform.FireSafety.ReadModel;

/// <summary>
/// What the watchers and reports of Fire safety read: one row per key location, hazard and inspection, each guarded by
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
            signed INTEGER NOT NULL DEFAULT 0, notified_at TEXT, revision INTEGER NOT NULL, position INTEGER NOT NULL
        );
        """;

    public string Name => ProjectionName;

    public void EnsureSchema(SqliteConnection connection, SqliteTransaction transaction) => RevisionGuardedRow.Run(connection, transaction, Schema);

    public void Reset(SqliteConnection connection, SqliteTransaction transaction) => RevisionGuardedRow.Run(connection, transaction,
        "DELETE FROM fs_key_locations; DELETE FROM fs_patrols; DELETE FROM fs_hazards; DELETE FROM fs_inspections; DELETE FROM fs_equipment;");

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
                row.Insert(("estate_id", e.EstateId), ("month", e.Month), ("department", e.Department), ("signers", e.RequiredSigners.Count));
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
}
