using Platform.BuildingBlocks.EventSourcing;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.Projections;
using Platform.BuildingBlocks.ReadModels;
using Platform.WorkOrders.Api;

namespace Platform.WorkOrders.ReadModel;

/// <summary>
/// One row per work order with what the list, the technician's queue, the report and the SLA watcher need, plus one
/// row per follow-up and per rectification notice. No personal data: reporter and request text stay in the stream.
/// Each order row remembers the stream revision it reflects, and the side tables are written only when the order row
/// moved, so applying an event twice changes nothing.
/// </summary>
public sealed class WorkOrderListProjection : IProjection
{
    public const string ProjectionName = "workorders.work-order-list";

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS work_orders (
            work_order_id        TEXT PRIMARY KEY,
            estate_id            TEXT NOT NULL,
            building             TEXT NOT NULL,
            entrance             TEXT,
            room                 TEXT,
            channel              TEXT NOT NULL,
            type                 TEXT NOT NULL,
            category             TEXT NOT NULL,
            urgency              TEXT NOT NULL,
            status               TEXT NOT NULL,
            technician_id        TEXT,
            resident_id          TEXT,
            complaint_id         TEXT,
            appointment_at       TEXT,
            logged_at            TEXT NOT NULL,
            handle_due_at        TEXT,
            repair_due_at        TEXT,
            work_started_at      TEXT,
            first_completed_at   TEXT,
            closed_at            TEXT,
            handle_breached      INTEGER NOT NULL DEFAULT 0,
            repair_breached      INTEGER NOT NULL DEFAULT 0,
            breach_count         INTEGER NOT NULL DEFAULT 0,
            rework_count         INTEGER NOT NULL DEFAULT 0,
            rework_notice_due_at TEXT,
            amount               TEXT,
            revision             INTEGER NOT NULL,
            position             INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_work_orders_estate_logged ON work_orders (estate_id, logged_at);
        CREATE INDEX IF NOT EXISTS ix_work_orders_technician ON work_orders (technician_id, status);
        CREATE INDEX IF NOT EXISTS ix_work_orders_resident ON work_orders (resident_id);
        CREATE TABLE IF NOT EXISTS work_order_follow_ups (
            work_order_id TEXT NOT NULL,
            sequence      INTEGER NOT NULL,
            trigger       TEXT NOT NULL,
            due_at        TEXT,
            outcome       TEXT,
            recorded_at   TEXT,
            withdrawn     INTEGER NOT NULL DEFAULT 0,
            breached      INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (work_order_id, sequence)
        );
        CREATE TABLE IF NOT EXISTS work_order_notices (
            notice_id     TEXT PRIMARY KEY,
            work_order_id TEXT NOT NULL,
            reply_due_at  TEXT NOT NULL,
            replied_at    TEXT,
            breached      INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX IF NOT EXISTS ix_work_order_notices_order ON work_order_notices (work_order_id);
        """;

    public string Name => ProjectionName;

    public void EnsureSchema(SqliteConnection connection, SqliteTransaction transaction) => RevisionGuardedRow.Run(connection, transaction, Schema);

    public void Reset(SqliteConnection connection, SqliteTransaction transaction) =>
        RevisionGuardedRow.Run(connection, transaction, "DELETE FROM work_order_notices; DELETE FROM work_order_follow_ups; DELETE FROM work_orders;");

    public void Apply(SqliteConnection connection, SqliteTransaction transaction, RecordedEvent recorded, object @event)
    {
        var row = new RevisionGuardedRow(connection, transaction, "work_orders", "work_order_id",
            WorkOrderStream.Streams.IdOf(recorded.StreamId).ToString(), recorded.StreamRevision, recorded.Position.Commit);
        switch (@event)
        {
            case WorkOrderLogged e:
                row.Insert(
                    ("estate_id", e.Unit.EstateId), ("building", e.Unit.Building), ("entrance", e.Unit.Entrance), ("room", e.Unit.Room),
                    ("channel", WireName.Of(e.Channel)), ("type", WireName.Of(e.Type)), ("category", e.Category),
                    ("urgency", WireName.Of(e.Urgency)), ("status", WireName.Of(WorkOrderStatus.Logged)), ("resident_id", e.ResidentId),
                    ("complaint_id", e.ComplaintId?.ToString()), ("logged_at", SqlValues.Instant(e.LoggedAt)),
                    ("handle_due_at", SqlValues.Instant(e.HandleDueAt)), ("repair_due_at", SqlValues.Instant(e.RepairDueAt)));
                break;
            case WorkOrderUrgencyReclassified e:
                row.Update("urgency = $a, handle_due_at = $b, repair_due_at = $c", WireName.Of(e.To), SqlValues.Instant(e.HandleDueAt), SqlValues.Instant(e.RepairDueAt));
                break;
            case TechnicianDispatched e:
                row.Update("status = 'dispatched', technician_id = $a, appointment_at = $b", e.TechnicianId, SqlValues.Instant(e.AppointmentAt));
                break;
            case TechnicianArrived:
                row.Update("status = 'on-site'");
                break;
            case QuoteIssued:
                row.Update("status = 'awaiting-quote-acceptance'");
                break;
            case QuoteAccepted:
                row.Update("status = 'on-site'");
                break;
            case WorkOrderCancelled:
                row.Update("status = 'cancelled'");
                break;
            case WorkStarted e:
                row.Update("status = 'in-progress', work_started_at = COALESCE(work_started_at, $a)", SqlValues.Instant(e.StartedAt));
                break;
            case WorkCompleted e:
                row.Update("status = 'completed', first_completed_at = COALESCE(first_completed_at, $a), amount = COALESCE(amount, $b)",
                    SqlValues.Instant(e.CompletedAt), e.Amount?.ToString("0.00", CultureInfo.InvariantCulture));
                break;
            case FollowUpScheduled e:
                if (row.Update(null))
                    row.Execute("""
                        INSERT INTO work_order_follow_ups (work_order_id, sequence, trigger, due_at) VALUES ($id, $a, $b, $c)
                        ON CONFLICT (work_order_id, sequence) DO NOTHING;
                        """, e.Sequence, WireName.Of(e.Trigger), SqlValues.Instant(e.DueAt));
                break;
            case FollowUpRecorded e:
                if (row.Update(null))
                    row.Execute("UPDATE work_order_follow_ups SET outcome = $a, recorded_at = $b WHERE work_order_id = $id AND sequence = $c;",
                        WireName.Of(e.Outcome), SqlValues.Instant(e.RecordedAt), e.Sequence);
                break;
            case ReworkOrdered e:
                // Rework withdraws the follow-ups still pending, as the order's state does.
                if (row.Update("status = 'rework-ordered', rework_count = rework_count + 1, rework_notice_due_at = $a", SqlValues.Instant(e.NoticeDueAt)))
                    row.Execute("UPDATE work_order_follow_ups SET withdrawn = 1 WHERE work_order_id = $id AND outcome IS NULL;");
                break;
            case ReworkNoticeIssued e:
                row.Update("status = 'in-progress', technician_id = $a, rework_notice_due_at = NULL", e.TechnicianId);
                break;
            case WorkOrderClosed e:
                row.Update("status = 'closed', closed_at = $a", SqlValues.Instant(e.ClosedAt));
                break;
            case WorkOrderSlaBreached e:
                ApplyBreach(row, e);
                break;
            case RectificationNoticeIssued e:
                if (row.Update(null))
                    row.Execute("""
                        INSERT INTO work_order_notices (notice_id, work_order_id, reply_due_at) VALUES ($a, $id, $b)
                        ON CONFLICT (notice_id) DO NOTHING;
                        """, e.NoticeId.ToString(), SqlValues.Instant(e.ReplyDueAt));
                break;
            case RectificationReplyRecorded e:
                if (row.Update(null))
                    row.Execute("UPDATE work_order_notices SET replied_at = $a WHERE notice_id = $b;", SqlValues.Instant(e.RepliedAt), e.NoticeId.ToString());
                break;
            default:
                // Events with nothing for the list still move the row's revision, so later ones apply in order.
                row.Update(null);
                break;
        }
    }

    /// <summary>Each breach is counted, and marks its deadline as recorded so the watcher stops looking at it.</summary>
    private static void ApplyBreach(RevisionGuardedRow row, WorkOrderSlaBreached e)
    {
        switch (e.Deadline)
        {
            case SlaDeadline.Handle:
                row.Update("breach_count = breach_count + 1, handle_breached = 1");
                break;
            case SlaDeadline.Repair:
                row.Update("breach_count = breach_count + 1, repair_breached = 1");
                break;
            case SlaDeadline.ReworkNotice:
                row.Update("breach_count = breach_count + 1, rework_notice_due_at = NULL");
                break;
            case SlaDeadline.FollowUp:
                if (row.Update("breach_count = breach_count + 1"))
                    row.Execute("UPDATE work_order_follow_ups SET breached = 1 WHERE work_order_id = $id AND sequence = $a;", e.FollowUpSequence);
                break;
            case SlaDeadline.RectificationReply:
                if (row.Update("breach_count = breach_count + 1"))
                    row.Execute("UPDATE work_order_notices SET breached = 1 WHERE notice_id = $a;", e.RectificationNoticeId?.ToString());
                break;
        }
    }
}
