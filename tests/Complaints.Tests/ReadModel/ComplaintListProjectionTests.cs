using Platform.Complaints.ReadModel;
using static Platform.Complaints.Tests.Sample;

namespace Platform.Complaints.Tests.ReadModel;

public sealed class ComplaintListProjectionTests : IDisposable
{
    private readonly TempReadModel _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void A_registered_complaint_gets_a_list_row_with_its_deadlines()
    {
        _db.Feed(ComplaintId, Registered());

        var row = _db.Row(ComplaintId);
        Assert.Equal(Estate, row["estate_id"]);
        Assert.Equal("3号楼", row["building"]);
        Assert.Equal("complaint-line", row["channel"]);
        Assert.Equal("house-repair", row["category"]);
        Assert.Equal("general", row["severity"]);
        Assert.Equal("registered", row["status"]);
        Assert.Equal("owner", row["reporter_kind"]);
        Assert.Null(row["valid"]);
        Assert.Equal(ComplaintListProjection.Instant(RegisteredAt), row["registered_at"]);
        Assert.Equal("2026-03-03T15:10:00.0000000Z", row["reply_due_at"]);
        Assert.Equal("2026-03-05T15:10:00.0000000Z", row["resolve_due_at"]);
        Assert.Equal(1L, row["revision"]);
    }

    [Fact]
    public void A_complaint_handled_through_a_work_order_shows_each_step()
    {
        _db.Feed(ComplaintId, Registered(), Classified(valid: true, group: true), Transferred(), WorkOrderLinked(), Replied(),
            EscalatedTo(HandlingLevel.DepartmentManager), Resolved(WorkOrderId), FollowedUp(FollowUpOutcome.Satisfied), Closed());

        var row = _db.Row(ComplaintId);
        Assert.Equal("closed", row["status"]);
        Assert.Equal(1L, row["valid"]);
        Assert.Equal(1L, row["group_complaint"]);
        Assert.Equal("engineering", row["department"]);
        Assert.Equal(1L, row["needs_work"]);
        Assert.Equal(WorkOrderId.ToString(), row["work_order_id"]);
        Assert.Equal("department-manager", row["handling_level"]);
        Assert.Equal(1L, row["resolved_by_work_order"]);
        Assert.Equal(ComplaintListProjection.Instant(Later), row["replied_at"]);
        Assert.Equal(ComplaintListProjection.Instant(ResolvedAt), row["resolved_at"]);
        Assert.Equal(ComplaintListProjection.Instant(FollowUpDueAt), row["follow_up_due_at"]);
        Assert.NotNull(row["closed_at"]);
        Assert.Equal(1L, row["follow_ups"]);
        Assert.Equal(1L, row["satisfied_follow_ups"]);
        Assert.Equal(1L, _db.Scalar("SELECT COUNT(*) FROM complaint_follow_ups WHERE satisfied = 1 AND outcome = 'satisfied'"));
    }

    [Fact]
    public void Applying_an_event_again_changes_nothing()
    {
        _db.Feed(ComplaintId, Registered(), Resolved(), FollowedUp());
        _db.Replay(ComplaintId, FollowedUp()[0], revision: 3);
        _db.Replay(ComplaintId, Registered()[0], revision: 0);

        Assert.Equal(1L, _db.Row(ComplaintId)["follow_ups"]);
        Assert.Equal(1L, _db.Scalar("SELECT COUNT(*) FROM complaint_follow_ups"));
        Assert.Equal(1L, _db.Scalar("SELECT COUNT(*) FROM complaint_list"));
    }

    [Fact]
    public void Overdue_flags_stay_set_after_the_deadline_is_met_late()
    {
        _db.Feed(ComplaintId, Registered(),
            [new ComplaintDeadlineMissed(Estate, DeadlineKind.Reply, ReplyDueAt, ReplyDueAt.AddMinutes(1))],
            [new ComplaintProgressCommunicated("sorry for the wait", true, ReplyDueAt.AddHours(1))]);

        var row = _db.Row(ComplaintId);
        Assert.Equal(1L, row["overdue_reply"]);
        Assert.Equal(0L, row["overdue_resolve"]);
        Assert.NotNull(row["replied_at"]);
    }

    [Fact]
    public void The_compensation_claim_shows_in_the_list()
    {
        _db.Feed(ComplaintId, Registered(), ClaimRaised(12_000m));
        var pending = _db.Row(ComplaintId);
        Assert.Equal("compensation-pending", pending["status"]);
        Assert.Equal("pending", pending["compensation_status"]);
        Assert.Equal("12000.00", pending["compensation_amount"]);
        Assert.Null(pending["resolve_due_at"]);

        _db.Feed(ComplaintId, PlanDrafted(), Approved(11_000m, HandlingLevel.DepartmentManager), LegallyConfirmed(), AgreementSigned(), PaidOut(11_000m));
        var paid = _db.Row(ComplaintId);
        Assert.Equal("in-progress", paid["status"]);
        Assert.Equal("paid", paid["compensation_status"]);
        Assert.Equal("11000.00", paid["compensation_amount"]);
    }

    [Fact]
    public void A_follow_up_that_is_not_satisfied_reopens_the_row_and_counts_against_satisfaction()
    {
        var reopenedAt = ResolvedAt.AddDays(1);
        _db.Feed(ComplaintId, Registered(), Resolved(), FollowedUp(FollowUpOutcome.NotSatisfied),
            [new ComplaintReopened("not-satisfied", reopenedAt.AddDays(3), reopenedAt, reopenedAt.AddDays(6))]);

        var row = _db.Row(ComplaintId);
        Assert.Equal("in-progress", row["status"]);
        // The call-back the unsatisfied complainant is owed shows at once.
        Assert.Equal(ComplaintListProjection.Instant(reopenedAt.AddDays(6)), row["follow_up_due_at"]);
        Assert.Equal(1L, row["follow_ups"]);
        Assert.Equal(0L, row["satisfied_follow_ups"]);
    }

    [Fact]
    public void A_reopened_complaint_starts_its_new_deadlines_unmet_so_it_can_be_marked_overdue_again()
    {
        var reopenedAt = ResolvedAt.AddDays(1);
        _db.Feed(ComplaintId, Registered(),
            [new ComplaintDeadlineMissed(Estate, DeadlineKind.Resolve, ResolvedAt, ResolvedAt.AddMinutes(1))],
            Resolved(), FollowedUp(FollowUpOutcome.NotSatisfied),
            [new ComplaintReopened("not-satisfied", reopenedAt.AddDays(3), reopenedAt, reopenedAt.AddDays(6))]);

        Assert.Equal(0L, _db.Row(ComplaintId)["overdue_resolve"]);
    }

    [Fact]
    public void The_list_holds_no_personal_data()
    {
        _db.Feed(ComplaintId, Registered());
        var row = _db.Row(ComplaintId);
        Assert.DoesNotContain(row.Values, v => v is string s && (s.Contains(Zhang.Name) || s.Contains(Zhang.Phone) || s.Contains("leaking")));
    }

    [Fact]
    public void A_residents_complaint_is_found_by_their_user_id()
    {
        _db.Feed(ComplaintId, [RegisteredEvent() with { Reporter = Zhang with { ResidentId = "resident-7" } }]);
        Assert.Equal("resident-7", _db.Row(ComplaintId)["reporter_resident_id"]);
    }

    [Fact]
    public void Reset_empties_the_tables_for_a_rebuild()
    {
        _db.Feed(ComplaintId, Registered(), Resolved(), FollowedUp());
        using (var transaction = _db.Connection.BeginTransaction())
        {
            ComplaintListProjection.Reset(_db.Connection, transaction);
            transaction.Commit();
        }
        Assert.Equal(0L, _db.Scalar("SELECT COUNT(*) FROM complaint_list") + _db.Scalar("SELECT COUNT(*) FROM complaint_follow_ups"));
    }
}
