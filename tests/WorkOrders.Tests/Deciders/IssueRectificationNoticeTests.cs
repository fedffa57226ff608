using Platform.BuildingBlocks.EventSourcing;
using Platform.WorkOrders.Features;

namespace Platform.WorkOrders.Tests.Deciders;

public class IssueRectificationNoticeTests
{
    private static readonly DateTimeOffset At = A.T0.AddHours(3);

    private static IssueRectificationNotice Notice(string unit = "Contractor Huajian", string subject = "Re-seal the roof membrane", DateTimeOffset? due = null, Actor? by = null) =>
        new(A.OrderId, unit, subject, due ?? At.AddDays(7), by ?? A.TeamLeader);

    [Fact]
    public void Staff_issue_a_rectification_notice_to_the_responsible_unit_with_a_reply_deadline()
    {
        var issued = Scenario.Given(History.InProgress()).When(Notice(), At).Single<RectificationNoticeIssued>();

        Assert.Equal(("Contractor Huajian", "Re-seal the roof membrane", At.AddDays(7), At), (issued.ResponsibleUnit, issued.Subject, issued.ReplyDueAt, issued.IssuedAt));
    }

    [Theory]
    [InlineData("responsibleUnit", "responsible-unit-required")]
    [InlineData("subject", "subject-required")]
    [InlineData("replyDueAt", "reply-deadline-not-in-future")]
    public void A_rectification_notice_names_the_unit_and_the_subject_and_sets_a_future_reply_deadline(string field, string code)
    {
        var command = field switch
        {
            "responsibleUnit" => Notice(unit: ""),
            "subject" => Notice(subject: " "),
            _ => Notice(due: At),
        };

        Scenario.Given(History.InProgress()).When(command, At).ThenRejected(code, RejectionKind.Invalid, field);
    }

    [Fact]
    public void Each_notice_gets_its_own_id()
    {
        var first = Scenario.Given(History.InProgress()).When(Notice(), At).Single<RectificationNoticeIssued>();
        var second = Scenario.Given([.. History.InProgress(), first]).When(Notice(subject: "Replace the cracked tiles"), At).Single<RectificationNoticeIssued>();

        Assert.NotEqual(first.NoticeId, second.NoticeId);
    }

    [Fact]
    public void Rectification_notices_are_issued_by_staff() =>
        Scenario.Given(History.InProgress()).When(Notice(by: A.Technician), At).ThenRejected("role-not-allowed", RejectionKind.Forbidden);
}
