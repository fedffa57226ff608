using Platform.BuildingBlocks.EventSourcing;
using Platform.WorkOrders.Features;

namespace Platform.WorkOrders.Tests.Deciders;

public class StartWorkTests
{
    private static readonly DateTimeOffset At = History.ArrivedAt.AddMinutes(10);
    private static readonly StartWork Start = new(A.OrderId, A.Technician);

    [Fact]
    public void S19_Paid_work_cannot_start_before_the_owner_accepts_the_quote() =>
        Scenario.Given(History.AwaitingQuote(80m)).When(Start, At).ThenRejected("work-before-quote-accepted", RejectionKind.Conflict);

    [Fact]
    public void A_paid_service_cannot_start_without_a_quote() =>
        Scenario.Given(History.OnSite(History.Logged(type: WorkOrderType.Service))).When(Start, At).ThenRejected("work-before-quote-accepted", RejectionKind.Conflict);

    [Fact]
    public void Paid_work_starts_once_the_owner_accepted_the_quote() =>
        Scenario.Given(History.QuoteAccepted()).When(Start, At).Then(new WorkStarted("tech-7", At));

    [Fact]
    public void A_free_repair_starts_without_a_quote() =>
        Scenario.Given(History.OnSite()).When(Start, At).Then(new WorkStarted("tech-7", At));

    [Fact]
    public void Work_starts_after_the_technicians_arrival() =>
        Scenario.Given(History.Dispatched()).When(Start, At).ThenRejected("technician-not-on-site", RejectionKind.Conflict);

    [Fact]
    public void Only_the_assigned_technician_starts_work() =>
        Scenario.Given(History.OnSite()).When(new StartWork(A.OrderId, A.OtherTechnician), At).ThenRejected("not-assigned-technician", RejectionKind.Forbidden);

    [Fact]
    public void A_late_start_records_the_handle_breach_with_it()
    {
        var due = A.T0.AddMinutes(30);

        Scenario.Given(History.OnSite(History.Logged(UrgencyClass.Urgent, handleDueAt: due)))
            .When(Start, A.T0.AddMinutes(45))
            .Then(
                new WorkOrderSlaBreached(SlaDeadline.Handle, due, A.T0.AddMinutes(45), null, null),
                new WorkStarted("tech-7", A.T0.AddMinutes(45)));
    }

    [Fact]
    public void A_late_start_does_not_repeat_a_breach_already_recorded()
    {
        var due = A.T0.AddMinutes(30);

        Scenario.Given([.. History.OnSite(History.Logged(UrgencyClass.Urgent, handleDueAt: due)), new WorkOrderSlaBreached(SlaDeadline.Handle, due, due.AddMinutes(1), null, null)])
            .When(Start, A.T0.AddMinutes(45))
            .Then(new WorkStarted("tech-7", A.T0.AddMinutes(45)));
    }

    [Fact]
    public void Starting_twice_changes_nothing() =>
        Scenario.Given(History.InProgress()).When(Start, At).ThenNothing();
}
