using Microsoft.Data.Sqlite;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.EventStore;
using Platform.BuildingBlocks.Projections;
using Platform.BuildingBlocks.ReadModels;
using Platform.Fees.Accounts;
using Platform.Fees.Billing;
using Platform.Fees.Receipts;
using Platform.Fees.Standards;

namespace Platform.Fees.ReadModel;

/// <summary>
/// What the lists, reports and watchers of Fees read: one row per account, standard, receipt book and billing run, each
/// guarded by its stream revision so an event applied twice changes nothing, and side rows for charges, payments,
/// allocations, dunning actions and refunds. Money is whole fen (分), so SQL sums are exact. No names or phone numbers.
/// </summary>
public sealed class FeesProjection : IProjection
{
    public const string ProjectionName = "fees.ledger";

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS fee_accounts (
            account_id            TEXT PRIMARY KEY,
            estate_id             TEXT NOT NULL,
            building              TEXT NOT NULL,
            entrance              TEXT,
            room                  TEXT,
            payer_kind            TEXT NOT NULL,
            occupancy             TEXT NOT NULL,
            floor_area            TEXT NOT NULL,
            parking_spaces        INTEGER NOT NULL,
            property_fee_standard TEXT,
            parking_fee_standard  TEXT,
            opened_at             TEXT NOT NULL,
            credit_fen            INTEGER NOT NULL DEFAULT 0,
            disputed              INTEGER NOT NULL DEFAULT 0,
            dispute_reason        TEXT,
            dunning_level         INTEGER NOT NULL DEFAULT 0,
            last_dunning_at       TEXT,
            revision              INTEGER NOT NULL,
            position              INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_fee_accounts_estate ON fee_accounts (estate_id, account_id);
        CREATE TABLE IF NOT EXISTS fee_charges (
            charge_id        TEXT PRIMARY KEY,
            account_id       TEXT NOT NULL,
            estate_id        TEXT NOT NULL,
            fee_type         TEXT NOT NULL,
            period           TEXT NOT NULL,
            sequence         INTEGER NOT NULL,
            amount_fen       INTEGER NOT NULL,
            paid_fen         INTEGER NOT NULL DEFAULT 0,
            credited_fen     INTEGER NOT NULL DEFAULT 0,
            late_fee_fen     INTEGER NOT NULL DEFAULT 0,
            reversed         INTEGER NOT NULL DEFAULT 0,
            owed_fen         INTEGER GENERATED ALWAYS AS (CASE WHEN reversed = 1 THEN 0 ELSE amount_fen + late_fee_fen - paid_fen - credited_fen END) VIRTUAL,
            due_on           TEXT,
            overdue_from     TEXT,
            marked_overdue   INTEGER NOT NULL DEFAULT 0,
            next_late_fee_at TEXT,
            source_ref       TEXT,
            issued_at        TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_fee_charges_account ON fee_charges (account_id, sequence);
        CREATE INDEX IF NOT EXISTS ix_fee_charges_estate_period ON fee_charges (estate_id, period);
        CREATE INDEX IF NOT EXISTS ix_fee_charges_overdue ON fee_charges (overdue_from) WHERE marked_overdue = 0;
        CREATE TABLE IF NOT EXISTS fee_receipt_books (
            book_id  TEXT PRIMARY KEY,
            revision INTEGER NOT NULL,
            position INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS fee_payments (
            payment_id     TEXT PRIMARY KEY,
            receipt_number TEXT NOT NULL,
            estate_id      TEXT NOT NULL,
            account_id     TEXT NOT NULL,
            amount_fen     INTEGER NOT NULL,
            channel        TEXT NOT NULL,
            received_by    TEXT,
            received_at    TEXT NOT NULL,
            applied        INTEGER NOT NULL DEFAULT 0,
            reversed       INTEGER NOT NULL DEFAULT 0,
            handed_over_to TEXT,
            handed_over_at TEXT
        );
        CREATE INDEX IF NOT EXISTS ix_fee_payments_estate ON fee_payments (estate_id, received_at);
        CREATE TABLE IF NOT EXISTS fee_allocations (
            payment_id TEXT NOT NULL,
            charge_id  TEXT NOT NULL,
            fee_type   TEXT NOT NULL,
            estate_id  TEXT NOT NULL,
            amount_fen INTEGER NOT NULL,
            posted_at  TEXT NOT NULL,
            PRIMARY KEY (payment_id, charge_id, posted_at)
        );
        CREATE INDEX IF NOT EXISTS ix_fee_allocations_estate ON fee_allocations (estate_id, posted_at);
        CREATE TABLE IF NOT EXISTS fee_dunning_actions (
            action_id   TEXT PRIMARY KEY,
            account_id  TEXT NOT NULL,
            method      TEXT NOT NULL,
            result      TEXT NOT NULL,
            level       INTEGER NOT NULL,
            recorded_by TEXT,
            recorded_at TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS fee_refunds (
            refund_id  TEXT PRIMARY KEY,
            account_id TEXT NOT NULL,
            amount_fen INTEGER NOT NULL,
            pay_by     TEXT NOT NULL,
            paid       INTEGER NOT NULL DEFAULT 0,
            overdue    INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE IF NOT EXISTS fee_standards (
            standard_id TEXT PRIMARY KEY,
            estate_id   TEXT NOT NULL,
            code        TEXT NOT NULL,
            name        TEXT NOT NULL,
            fee_type    TEXT NOT NULL,
            unit        TEXT NOT NULL,
            rate        TEXT NOT NULL,
            valid_from  TEXT NOT NULL,
            valid_to    TEXT,
            revision    INTEGER NOT NULL,
            position    INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS fee_collection_drives (
            drive_id         TEXT PRIMARY KEY,
            estate_id        TEXT NOT NULL,
            name             TEXT NOT NULL,
            due_on_or_before TEXT NOT NULL,
            started_at       TEXT NOT NULL,
            ends_at          TEXT NOT NULL,
            ended_at         TEXT,
            revision         INTEGER NOT NULL,
            position         INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS fee_billing_runs (
            run_id         TEXT PRIMARY KEY,
            estate_id      TEXT NOT NULL,
            kind           TEXT NOT NULL,
            period         TEXT NOT NULL,
            started_at     TEXT NOT NULL,
            completed_at   TEXT,
            accounts       INTEGER,
            charges_issued INTEGER,
            total_fen      INTEGER,
            skipped        INTEGER,
            revision       INTEGER NOT NULL,
            position       INTEGER NOT NULL
        );
        """;

    public string Name => ProjectionName;

    public void EnsureSchema(SqliteConnection connection, SqliteTransaction transaction) => RevisionGuardedRow.Run(connection, transaction, Schema);

    public void Reset(SqliteConnection connection, SqliteTransaction transaction) => RevisionGuardedRow.Run(connection, transaction, """
        DELETE FROM fee_accounts; DELETE FROM fee_charges; DELETE FROM fee_receipt_books; DELETE FROM fee_payments;
        DELETE FROM fee_allocations; DELETE FROM fee_dunning_actions; DELETE FROM fee_refunds; DELETE FROM fee_standards;
        DELETE FROM fee_billing_runs; DELETE FROM fee_collection_drives;
        """);

    public void Apply(SqliteConnection connection, SqliteTransaction transaction, RecordedEvent recorded, object @event)
    {
        var stream = recorded.StreamId;
        if (FeeStreams.Accounts.Owns(stream))
            ApplyToAccount(Row(connection, transaction, recorded, "fee_accounts", "account_id", FeeStreams.Accounts.IdOf(stream)), recorded, @event);
        else if (FeeStreams.ReceiptBooks.Owns(stream))
            ApplyToReceiptBook(Row(connection, transaction, recorded, "fee_receipt_books", "book_id", FeeStreams.ReceiptBooks.IdOf(stream)), recorded, @event);
        else if (FeeStreams.Standards.Owns(stream))
            ApplyToStandard(Row(connection, transaction, recorded, "fee_standards", "standard_id", FeeStreams.Standards.IdOf(stream)), @event);
        else if (FeeStreams.BillingRuns.Owns(stream))
            ApplyToBillingRun(Row(connection, transaction, recorded, "fee_billing_runs", "run_id", FeeStreams.BillingRuns.IdOf(stream)), @event);
        else if (FeeStreams.CollectionDrives.Owns(stream))
            ApplyToDrive(Row(connection, transaction, recorded, "fee_collection_drives", "drive_id", FeeStreams.CollectionDrives.IdOf(stream)), @event);
    }

    private static RevisionGuardedRow Row(SqliteConnection connection, SqliteTransaction transaction, RecordedEvent recorded, string table, string idColumn, Guid id) =>
        new(connection, transaction, table, idColumn, id.ToString(), recorded.StreamRevision, recorded.Position.Commit);

    private static void ApplyToAccount(RevisionGuardedRow row, RecordedEvent recorded, object @event)
    {
        if (@event is PayerAccountOpened opened)
        {
            row.Insert(
                ("estate_id", opened.Unit.EstateId), ("building", opened.Unit.Building), ("entrance", opened.Unit.Entrance), ("room", opened.Unit.Room),
                ("payer_kind", WireName.Of(opened.PayerKind)), ("occupancy", WireName.Of(opened.Occupancy)),
                ("floor_area", opened.FloorArea.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("parking_spaces", opened.ParkingSpaces),
                ("property_fee_standard", opened.PropertyFeeStandard), ("parking_fee_standard", opened.ParkingFeeStandard),
                ("opened_at", SqlValues.Instant(opened.OpenedAt)));
            return;
        }

        switch (@event)
        {
            case OccupancyChanged e:
                row.Update("occupancy = $a", WireName.Of(e.To));
                break;
            case PayerChanged e:
                row.Update("payer_kind = $a", WireName.Of(e.To));
                break;
            case ChargeIssued e when row.Update(null):
                row.Execute("""
                    INSERT OR IGNORE INTO fee_charges (charge_id, account_id, estate_id, fee_type, period, sequence, amount_fen, due_on, overdue_from, source_ref, issued_at)
                    SELECT $a, $id, estate_id, $b, $c, (SELECT COUNT(*) + 1 FROM fee_charges WHERE account_id = $id), $d, $e, $f, $g, $h
                    FROM fee_accounts WHERE account_id = $id;
                    """,
                    e.ChargeId.ToString(), WireName.Of(e.FeeType), e.Period, Yuan.ToFen(e.Amount), e.DueOn?.ToString("yyyy-MM-dd"),
                    SqlValues.Instant(e.OverdueFrom), e.SourceRef, SqlValues.Instant(e.IssuedAt));
                break;
            case CreditApplied e when row.Update("credit_fen = credit_fen - $a", Yuan.ToFen(e.Amount)):
                row.Execute("UPDATE fee_charges SET paid_fen = paid_fen + $a WHERE charge_id = $b;", Yuan.ToFen(e.Amount), e.ChargeId.ToString());
                break;
            case PaymentRequestIssued e when row.Update(null):
                foreach (var charge in e.ChargeIds)
                    row.Execute("UPDATE fee_charges SET due_on = $a, overdue_from = $b WHERE charge_id = $c;",
                        e.DueOn.ToString("yyyy-MM-dd"), SqlValues.Instant(e.OverdueFrom), charge.ToString());
                break;
            case PaymentApplied e when row.Update("credit_fen = credit_fen + $a", Yuan.ToFen(e.ToCredit)):
                foreach (var allocation in e.Allocations)
                {
                    row.Execute("UPDATE fee_charges SET paid_fen = paid_fen + $a WHERE charge_id = $b;", Yuan.ToFen(allocation.Amount), allocation.ChargeId.ToString());
                    Allocate(row, e.PaymentId, allocation.ChargeId, allocation.Amount, e.ReceivedAt);
                }
                if (e.ToCredit > 0) Allocate(row, e.PaymentId, null, e.ToCredit, e.ReceivedAt);
                row.Execute("UPDATE fee_payments SET applied = 1 WHERE payment_id = $a;", e.PaymentId.ToString());
                break;
            case ChargeOverdue e when row.Update(null):
                row.Execute("UPDATE fee_charges SET marked_overdue = 1, next_late_fee_at = $a WHERE charge_id = $b;",
                    SqlValues.Instant(e.NextLateFeeAt), e.ChargeId.ToString());
                break;
            case LateFeeAccrued e when row.Update(null):
                row.Execute("UPDATE fee_charges SET late_fee_fen = late_fee_fen + $a, next_late_fee_at = $b WHERE charge_id = $c;",
                    Yuan.ToFen(e.Amount), SqlValues.Instant(e.NextAccrualAt), e.ChargeId.ToString());
                break;
            case DunningActionRecorded e when row.Update("dunning_level = MAX(dunning_level, $a), last_dunning_at = $b", e.Level, SqlValues.Instant(e.RecordedAt)):
                row.Execute("INSERT OR IGNORE INTO fee_dunning_actions VALUES ($a, $id, $b, $c, $d, $e, $f);",
                    e.ActionId.ToString(), WireName.Of(e.Method), WireName.Of(e.Result), e.Level,
                    EventMetadata.FromBytes(recorded.Metadata)?.ActorId, SqlValues.Instant(e.RecordedAt));
                break;
            case ChargesDisputed e:
                row.Update("disputed = 1, dispute_reason = $a", WireName.Of(e.Reason));
                break;
            case DisputeResolved:
                row.Update("disputed = 0, dispute_reason = NULL");
                break;
            case ChargeReversed e when row.Update("credit_fen = credit_fen + $a", Yuan.ToFen(e.ReleasedToCredit)):
                row.Execute("UPDATE fee_charges SET reversed = 1 WHERE charge_id = $a;", e.ChargeId.ToString());
                break;
            case PaymentReversed e when row.Update("credit_fen = credit_fen - $a", Yuan.ToFen(e.FromCredit)):
                foreach (var part in e.FromCharges)
                {
                    row.Execute("UPDATE fee_charges SET paid_fen = paid_fen - $a WHERE charge_id = $b;", Yuan.ToFen(part.Amount), part.ChargeId.ToString());
                    Allocate(row, e.PaymentId, part.ChargeId, -part.Amount, e.ReversedAt);
                }
                if (e.FromCredit > 0) Allocate(row, e.PaymentId, null, -e.FromCredit, e.ReversedAt);
                row.Execute("UPDATE fee_payments SET reversed = 1 WHERE payment_id = $a;", e.PaymentId.ToString());
                break;
            case CreditNoteIssued e when row.Update(null):
                row.Execute("UPDATE fee_charges SET credited_fen = credited_fen + $a WHERE charge_id = $b;", Yuan.ToFen(e.Amount), e.ChargeId.ToString());
                break;
            case RefundApproved e when row.Update("credit_fen = credit_fen - $a", Yuan.ToFen(e.Amount)):
                row.Execute("INSERT OR IGNORE INTO fee_refunds (refund_id, account_id, amount_fen, pay_by) VALUES ($a, $id, $b, $c);",
                    e.RefundId.ToString(), Yuan.ToFen(e.Amount), SqlValues.Instant(e.PayBy));
                break;
            case RefundPaid e when row.Update(null):
                row.Execute("UPDATE fee_refunds SET paid = 1 WHERE refund_id = $a;", e.RefundId.ToString());
                break;
            case RefundOverdue e when row.Update(null):
                row.Execute("UPDATE fee_refunds SET overdue = 1 WHERE refund_id = $a;", e.RefundId.ToString());
                break;
            default:
                row.Update(null);
                break;
        }
    }

    /// <summary>Money a payment brought, by the fee type it paid; a null charge is the part kept as credit.</summary>
    private static void Allocate(RevisionGuardedRow row, Guid paymentId, Guid? chargeId, decimal amount, DateTimeOffset at) =>
        row.Execute("""
            INSERT OR IGNORE INTO fee_allocations (payment_id, charge_id, fee_type, estate_id, amount_fen, posted_at)
            SELECT $a, $b, COALESCE((SELECT fee_type FROM fee_charges WHERE charge_id = $b), 'credit'), estate_id, $c, $d
            FROM fee_accounts WHERE account_id = $id;
            """, paymentId.ToString(), chargeId?.ToString() ?? "credit", Yuan.ToFen(amount), SqlValues.Instant(at));

    private static void ApplyToReceiptBook(RevisionGuardedRow row, RecordedEvent recorded, object @event)
    {
        if (recorded.StreamRevision == 0)
            row.Execute("INSERT OR IGNORE INTO fee_receipt_books (book_id, revision, position) VALUES ($id, $revision, $position);");
        else if (!row.Update(null)) return;

        switch (@event)
        {
            case PaymentReceived e:
                row.Execute("""
                    INSERT OR IGNORE INTO fee_payments (payment_id, receipt_number, estate_id, account_id, amount_fen, channel, received_by, received_at)
                    SELECT $a, $b, estate_id, $c, $d, $e, $f, $g FROM fee_accounts WHERE account_id = $c;
                    """,
                    e.PaymentId.ToString(), e.ReceiptNumber, e.AccountId.ToString(), Yuan.ToFen(e.Amount), WireName.Of(e.Channel),
                    EventMetadata.FromBytes(recorded.Metadata)?.ActorId, SqlValues.Instant(e.ReceivedAt));
                break;
            case CollectionsHandedOver e:
                foreach (var payment in e.PaymentIds)
                    row.Execute("UPDATE fee_payments SET handed_over_to = $a, handed_over_at = $b WHERE payment_id = $c;",
                        e.HandedOverTo, SqlValues.Instant(e.HandedOverAt), payment.ToString());
                break;
        }
    }

    private static void ApplyToStandard(RevisionGuardedRow row, object @event)
    {
        switch (@event)
        {
            case FeeStandardApproved e:
                row.Insert(("estate_id", e.EstateId), ("code", e.Code), ("name", e.Name), ("fee_type", WireName.Of(e.FeeType)), ("unit", WireName.Of(e.Unit)),
                    ("rate", e.Rate.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("valid_from", e.ValidFrom.ToString("yyyy-MM-dd")),
                    ("valid_to", e.ValidTo?.ToString("yyyy-MM-dd")));
                break;
            case FeeStandardReviewed { Revised: true } e:
                row.Update("rate = $a", e.Rate.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
            default:
                row.Update(null);
                break;
        }
    }

    private static void ApplyToDrive(RevisionGuardedRow row, object @event)
    {
        switch (@event)
        {
            case CollectionDrives.CollectionDriveStarted e:
                row.Insert(("estate_id", e.EstateId), ("name", e.Name), ("due_on_or_before", e.DueOnOrBefore.ToString("yyyy-MM-dd")),
                    ("started_at", SqlValues.Instant(e.StartedAt)), ("ends_at", SqlValues.Instant(e.EndsAt)));
                break;
            case CollectionDrives.CollectionDriveEnded e:
                row.Update("ended_at = $a", SqlValues.Instant(e.EndedAt));
                break;
        }
    }

    private static void ApplyToBillingRun(RevisionGuardedRow row, object @event)
    {
        switch (@event)
        {
            case BillingRunStarted e:
                row.Insert(("estate_id", e.EstateId), ("kind", WireName.Of(e.Kind)), ("period", e.Period), ("started_at", SqlValues.Instant(e.StartedAt)));
                break;
            case BillingRunCompleted e:
                row.Update("completed_at = $a, accounts = $b, charges_issued = $c, total_fen = $d, skipped = $e",
                    SqlValues.Instant(e.CompletedAt), e.Accounts, e.ChargesIssued, Yuan.ToFen(e.Total), e.Skipped.Count);
                break;
        }
    }
}
