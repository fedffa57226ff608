using Platform.BuildingBlocks.EventSourcing;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Platform.BuildingBlocks.ReadModels;

namespace Platform.Complaints.ReadModel;

/// <summary>
/// One row per complaint with every column the list filters and the KPI report need, plus one row per follow-up for
/// satisfaction. No personal data: names, phones and complaint text stay in the stream, read only by roles that need it.
/// Each row remembers the stream revision it reflects, so applying an event twice changes nothing.
/// </summary>
public static class ComplaintListProjection
{
    /// <summary>The checkpoint name of this projection's subscription.</summary>
    public const string Name = "complaints.complaint-list";

    public const string Schema = """
        CREATE TABLE IF NOT EXISTS complaint_list (
            complaint_id           TEXT PRIMARY KEY,
            estate_id              TEXT NOT NULL,
            building               TEXT NOT NULL,
            entrance               TEXT,
            room                   TEXT,
            channel                TEXT NOT NULL,
            category               TEXT NOT NULL,
            severity               TEXT NOT NULL,
            valid                  INTEGER,
            group_complaint        INTEGER NOT NULL DEFAULT 0,
            status                 TEXT NOT NULL,
            handling_level         TEXT NOT NULL,
            reporter_kind          TEXT NOT NULL,
            reporter_resident_id   TEXT,
            linked_to_complaint_id TEXT,
            department             TEXT,
            needs_work             INTEGER NOT NULL DEFAULT 0,
            work_order_id          TEXT,
            photo_count            INTEGER NOT NULL DEFAULT 0,
            rework_count           INTEGER NOT NULL DEFAULT 0,
            compensation_status    TEXT,
            compensation_amount    TEXT,
            registered_at          TEXT NOT NULL,
            reply_due_at           TEXT,
            resolve_due_at         TEXT,
            follow_up_due_at       TEXT,
            replied_at             TEXT,
            resolved_at            TEXT,
            resolved_by_work_order INTEGER NOT NULL DEFAULT 0,
            closed_at              TEXT,
            overdue_reply          INTEGER NOT NULL DEFAULT 0,
            overdue_resolve        INTEGER NOT NULL DEFAULT 0,
            overdue_follow_up      INTEGER NOT NULL DEFAULT 0,
            follow_ups             INTEGER NOT NULL DEFAULT 0,
            satisfied_follow_ups   INTEGER NOT NULL DEFAULT 0,
            revision               INTEGER NOT NULL,
            position               INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_complaint_list_estate_status ON complaint_list (estate_id, status);
        CREATE INDEX IF NOT EXISTS ix_complaint_list_estate_registered ON complaint_list (estate_id, registered_at);
        CREATE INDEX IF NOT EXISTS ix_complaint_list_resident ON complaint_list (reporter_resident_id);
        CREATE TABLE IF NOT EXISTS complaint_follow_ups (
            complaint_id    TEXT NOT NULL,
            follow_up_number INTEGER NOT NULL,
            estate_id       TEXT NOT NULL,
            outcome         TEXT NOT NULL,
            satisfied       INTEGER NOT NULL,
            recorded_at     TEXT NOT NULL,
            PRIMARY KEY (complaint_id, follow_up_number)
        );
        CREATE INDEX IF NOT EXISTS ix_complaint_follow_ups_estate_recorded ON complaint_follow_ups (estate_id, recorded_at);
        """;

    public static void EnsureSchema(SqliteConnection connection, SqliteTransaction? transaction = null) =>
        RevisionGuardedRow.Run(connection, transaction, Schema);

    /// <summary>Empties the tables before a rebuild from position 0.</summary>
    public static void Reset(SqliteConnection connection, SqliteTransaction? transaction) =>
        RevisionGuardedRow.Run(connection, transaction, "DELETE FROM complaint_follow_ups; DELETE FROM complaint_list;");

    /// <summary>Instants are stored as fixed-width UTC text, so they sort and compare as strings.</summary>
    public static string Instant(DateTimeOffset value) => SqlValues.Instant(value);

    public static void Apply(
        SqliteConnection connection, SqliteTransaction transaction, object @event, Guid complaintId, long revision, ulong position)
    {
        var row = new RevisionGuardedRow(connection, transaction, "complaint_list", "complaint_id", complaintId.ToString(), revision, position);
        switch (@event)
        {
            case ComplaintRegistered e:
                row.Insert(
                    ("estate_id", e.EstateId), ("building", e.Unit.Building), ("entrance", e.Unit.Entrance), ("room", e.Unit.Room),
                    ("channel", WireName.Of(e.Channel)), ("category", WireName.Of(e.Category)), ("severity", WireName.Of(e.Severity)),
                    ("status", WireName.Of(ComplaintStatus.Registered)), ("handling_level", WireName.Of(HandlingLevel.CallCentreAgent)),
                    ("reporter_kind", WireName.Of(e.Reporter.Kind)), ("reporter_resident_id", e.Reporter.ResidentId),
                    ("linked_to_complaint_id", e.LinkedToComplaintId?.ToString()), ("registered_at", Instant(e.RegisteredAt)));
                break;
            case ComplaintDeadlinesSet e:
                row.Update("reply_due_at = $a, resolve_due_at = $b", Instant(e.ReplyDueAt), Nullable(e.ResolveDueAt));
                break;
            case ComplaintClassified e:
                row.Update("category = $a, severity = $b, valid = $c, group_complaint = $d",
                    WireName.Of(e.Category), WireName.Of(e.Severity), e.Valid, e.GroupComplaint);
                break;
            case ComplaintTransferred e:
                row.Update("""
                    department = $a, needs_work = $b,
                    status = CASE WHEN status = 'compensation-pending' THEN status ELSE 'in-progress' END
                    """, e.Department, e.NeedsWork);
                break;
            case ComplaintProgressCommunicated e:
                row.Update("replied_at = COALESCE(replied_at, $a)", Instant(e.CommunicatedAt));
                break;
            case ComplaintEvidenceAttached:
                row.Update("photo_count = photo_count + 1");
                break;
            case ComplaintEscalated e:
                row.Update("handling_level = $a", WireName.Of(e.ToLevel));
                break;
            case CompensationClaimRaised e:
                row.Update("status = 'compensation-pending', compensation_status = 'pending', compensation_amount = $a", Money(e.Amount));
                break;
            case CompensationApproved e:
                row.Update("compensation_status = 'approved', compensation_amount = $a", Money(e.ApprovedAmount));
                break;
            case CompensationRejected:
                row.Update("status = 'in-progress', compensation_status = 'rejected'");
                break;
            case SupplementaryAgreementSigned:
                row.Update("status = 'in-progress'");
                break;
            case CompensationPayoutRecorded { FullyPaid: true }:
                row.Update("compensation_status = 'paid'");
                break;
            case ComplaintWorkOrderLinked e:
                row.Update("work_order_id = $a", e.WorkOrderId.ToString());
                break;
            case ComplaintResolved e:
                row.Update("""
                    status = 'resolved', resolved_at = $a, follow_up_due_at = $b, resolved_by_work_order = $c,
                    replied_at = COALESCE(replied_at, $a)
                    """, Instant(e.ResolvedAt), Instant(e.FollowUpDueAt), e.WorkOrderId is not null);
                break;
            case ComplaintReworkRecorded:
                row.Update("rework_count = rework_count + 1");
                break;
            case ComplaintReopened e:
                // New deadlines start unmet: the watcher must be able to mark the new resolve deadline missed too. The
                // earlier misses stay on record in the complaint's own history (its view's deadlines.missed).
                row.Update("""
                    status = 'in-progress', resolve_due_at = $a, follow_up_due_at = $b, resolved_by_work_order = 0,
                    overdue_resolve = 0, overdue_follow_up = 0
                    """, Nullable(e.ResolveDueAt), Nullable(e.FollowUpDueAt));
                break;
            case ComplaintFollowUpRecorded e:
                var satisfied = CountsAsSatisfied(e.Outcome);
                if (row.Update("follow_ups = follow_ups + 1, satisfied_follow_ups = satisfied_follow_ups + $a", satisfied ? 1 : 0))
                    row.Execute("""
                        INSERT INTO complaint_follow_ups (complaint_id, follow_up_number, estate_id, outcome, satisfied, recorded_at)
                        SELECT $id, $a, estate_id, $b, $c, $d FROM complaint_list WHERE complaint_id = $id
                        ON CONFLICT (complaint_id, follow_up_number) DO NOTHING;
                        """, e.FollowUpNumber, WireName.Of(e.Outcome), satisfied, Instant(e.RecordedAt));
                break;
            case ComplaintClosed e:
                row.Update("status = 'closed', closed_at = $a", Instant(e.ClosedAt));
                break;
            case ComplaintDeadlineMissed e:
                // A flag stays set once raised, even if the deadline is met later, until a reopening sets new deadlines.
                row.Update(e.Deadline switch
                {
                    DeadlineKind.Reply => "overdue_reply = 1",
                    DeadlineKind.Resolve => "overdue_resolve = 1",
                    _ => "overdue_follow_up = 1",
                });
                break;
            default:
                // Events with nothing for the list still move the row's revision, so later ones apply in order.
                row.Update(null);
                break;
        }
    }

    /// <summary>A new demand means the original handling was accepted: it counts as satisfied, like closing allows.</summary>
    public static bool CountsAsSatisfied(FollowUpOutcome outcome) => outcome is FollowUpOutcome.Satisfied or FollowUpOutcome.NewDemand;

    private static string? Nullable(DateTimeOffset? value) => value is { } v ? Instant(v) : null;

    private static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
